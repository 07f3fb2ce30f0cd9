import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { SEON_CRITERIA, type CriterionId } from '../../../src/domain/criteria'
import { createCriteriaStore } from '../../../src/doc/criteria-store'
import { ROOT, createSpaceDoc } from '../../../src/doc/schema'
import { runConvergence } from '../../support/convergence'
import { fail } from '../../../src/domain/result'

describe('criteria store', () => {
  it('starts from the six SE-ON criteria without writing anything', () => {
    const doc = createSpaceDoc()
    const store = createCriteriaStore(doc)
    const { items } = store.getSnapshot()
    expect(items.map((c) => c.id)).toEqual(SEON_CRITERIA.map((c) => c.id))
    expect(items.map((c) => c.textKey)).toEqual(SEON_CRITERIA.map((c) => c.textKey))
    expect(items[0]?.text).toBe('Working in the solidarity economy')
    expect(doc.getMap(ROOT.criteria).size).toBe(0)
  })

  it('adds, rewords, moves, removes and restores criteria', () => {
    const store = createCriteriaStore(createSpaceDoc(), () => 5)
    const added = store.addCriterion('  Pays members fairly ')
    if (!added.ok) throw new Error(added.error)
    expect(store.getSnapshot().items.at(-1)).toMatchObject({
      id: added.value,
      text: 'Pays members fairly',
    })

    const first = SEON_CRITERIA[0]!.id
    store.rewordCriterion(first, 'Part of the solidarity economy')
    expect(store.getSnapshot().byId.get(first)).toMatchObject({
      text: 'Part of the solidarity economy',
    })
    expect(store.getSnapshot().byId.get(first)?.textKey).toBeUndefined()
    store.resetCriterionText(first)
    expect(store.getSnapshot().byId.get(first)?.textKey).toBe('criteria.seon.solidarityEconomy')

    store.moveCriterion(added.value, 0)
    expect(store.getSnapshot().items[0]?.id).toBe(added.value)
    store.moveCriterion(added.value, 2)
    expect(store.getSnapshot().items[2]?.id).toBe(added.value)

    store.removeCriterion(first)
    expect(store.getSnapshot().items.map((c) => c.id)).not.toContain(first)
    expect(store.getSnapshot().removed).toMatchObject([{ id: first, removedAt: 5 }])
    store.restoreCriterion(first)
    expect(store.getSnapshot().items.map((c) => c.id)).toContain(first)
  })

  it('returns expected failures as values', () => {
    const store = createCriteriaStore(createSpaceDoc())
    expect(store.addCriterion('   ')).toEqual({ ok: false, error: 'criterion-required' })
    expect(store.addCriterion('x'.repeat(301))).toEqual({ ok: false, error: 'criterion-too-long' })
    expect(store.rewordCriterion('nobody-has-this' as CriterionId, 'Text')).toEqual({
      ok: false,
      error: 'criterion-required',
    })
    expect(store.removeCriterion('nobody-has-this' as CriterionId)).toEqual(fail('not-found'))
  })

  it('skips malformed criteria from a peer', () => {
    const doc = createSpaceDoc()
    const store = createCriteriaStore(doc)
    const root = doc.getMap<unknown>(ROOT.criteria)
    root.set('order:orphan-criterion', 3) // no text, not a starter
    root.set('text:seon-underfunded', 42) // not text: the starter wording stays
    root.set('order:seon-independent', 'first') // not a number: the default order stays
    root.set('text:bad id!', 'Broken')
    const { items, skipped } = store.getSnapshot()
    expect(skipped).toBe(1)
    expect(items.map((c) => c.id)).toEqual(SEON_CRITERIA.map((c) => c.id))
  })

  for (const seed of [3, 11]) {
    it(`converges when several devices edit the list at once (seed ${seed})`, () => {
      runConvergence({
        peers: 3,
        seed,
        steps: 150,
        setup: (doc) => createCriteriaStore(doc),
        operate(store, random) {
          const { items, removed } = store.getSnapshot()
          const roll = random.next()
          if (roll < 0.25 || items.length === 0) store.addCriterion(`criterion ${random.int(99)}`)
          else if (roll < 0.45)
            store.rewordCriterion(random.pick(items).id, `reworded ${random.int(99)}`)
          else if (roll < 0.65) store.moveCriterion(random.pick(items).id, random.int(items.length))
          else if (roll < 0.8) store.removeCriterion(random.pick(items).id)
          else if (removed.length > 0) store.restoreCriterion(random.pick(removed).id)
        },
        project: (store) => store.getSnapshot(),
        invariants(store) {
          const { items, removed, byId, skipped } = store.getSnapshot()
          expect(skipped).toBe(0)
          expect(items.length + removed.length).toBe(byId.size)
          for (const starter of SEON_CRITERIA) expect(byId.has(starter.id)).toBe(true)
        },
      })
    })
  }

  it('keeps two criteria added at once on two devices', () => {
    const docA = new Y.Doc()
    const docB = new Y.Doc()
    const a = createCriteriaStore(docA)
    const b = createCriteriaStore(docB)
    a.addCriterion('Pays a living wage')
    b.addCriterion('Shares its skills')
    Y.applyUpdate(docA, Y.encodeStateAsUpdate(docB))
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA))
    expect(a.getSnapshot().items).toHaveLength(8)
    expect(a.getSnapshot().items).toEqual(b.getSnapshot().items)
  })
})
