import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { createSpaceStores } from '../../../src/doc/space-stores'
import { createSpaceDoc } from '../../../src/doc/schema'
import { createTemplateStore, type TemplateStore } from '../../../src/doc/template-store'
import { TEMPLATE_NOTES_MAX, type SavedTemplateId } from '../../../src/domain/meeting-templates'
import { runConvergence } from '../../support/convergence'
import { ok } from '../../../src/domain/result'

const ROUND = '== Each group ==\nOur work: \nWhat we need: \n'

describe('template store', () => {
  it('saves notes as a named template, refuses a bad one without writing, deletes softly', () => {
    const doc = createSpaceDoc()
    const store = createTemplateStore(doc)
    const saved = store.saveTemplate('  Our round ', ROUND)
    expect(saved).toHaveProperty('ok', true)
    const id = (saved as { value: SavedTemplateId }).value
    expect(store.getSnapshot().items).toMatchObject([{ id, name: 'Our round', notes: ROUND }])

    const before = Y.encodeStateVector(doc)
    expect(store.saveTemplate('our ROUND', 'other notes')).toEqual({
      ok: false,
      error: 'name-taken',
    })
    expect(store.saveTemplate('', ROUND)).toEqual({ ok: false, error: 'name-required' })
    expect(store.saveTemplate('Empty', '  ')).toEqual({ ok: false, error: 'notes-empty' })
    expect(Y.encodeStateVector(doc)).toEqual(before) // nothing written

    expect(store.deleteTemplate(id)).toEqual(ok())
    expect(store.getSnapshot().items).toEqual([])
    expect(store.getSnapshot().trash.map((t) => t.name)).toEqual(['Our round'])
    // a deleted template's name is free again, and the deleted one can come back
    expect(store.saveTemplate('Our round', 'a new version')).toHaveProperty('ok', true)
    expect(store.restoreTemplate(id)).toEqual(ok())
    expect(
      store
        .getSnapshot()
        .items.map((t) => t.notes)
        .sort(),
    ).toEqual([ROUND, 'a new version'])
  })

  it('skips templates a peer stored without a name, with notes not text, or too long', () => {
    const doc = createSpaceDoc()
    const store = createTemplateStore(doc)
    const root = doc.getMap('templates')
    const entries: [string, unknown, unknown][] = [
      ['t-no-name-1', '  ', 'notes'],
      ['t-notes-num', 'Numbers', 42],
      ['t-too-long1', 'Huge', 'x'.repeat(TEMPLATE_NOTES_MAX + 1)],
      ['t-good-one1', 'Good', 'Topic:'],
    ]
    doc.transact(() => {
      for (const [id, name, notes] of entries) {
        const entity = new Y.Map<unknown>()
        root.set(id, entity)
        entity.set('createdAt', 1)
        entity.set('name', name)
        entity.set('notes', notes)
      }
      root.set('not-a-map', 'just a string')
    })
    expect(store.getSnapshot().items.map((t) => t.name)).toEqual(['Good'])
    expect(store.getSnapshot().skipped).toBe(4)
  })

  it('counts deleted templates in the space trash and empties them with it', () => {
    const stores = createSpaceStores()
    const saved = stores.templates.saveTemplate('Workshop outline', 'Topic:\n')
    stores.templates.deleteTemplate((saved as { value: SavedTemplateId }).value)
    expect(stores.trashCount()).toBe(1)
    expect(stores.emptyTrash()).toBe(1)
    expect(stores.templates.getSnapshot().trash).toEqual([])
  })

  it('converges when phones save, delete and restore templates at once', () => {
    for (const seed of [11, 12, 13]) {
      const { states } = runConvergence<TemplateStore>({
        peers: 3,
        seed,
        steps: 200,
        setup: (doc) => createTemplateStore(doc),
        operate(store, random) {
          const { items, trash } = store.getSnapshot()
          const roll = random.int(10)
          if (roll < 5 || items.length === 0) {
            store.saveTemplate(`Template ${random.int(40)}`, `notes ${random.int(1000)}\n`)
          } else if (roll < 8) {
            store.deleteTemplate(random.pick(items).id)
          } else if (trash.length > 0) {
            store.restoreTemplate(random.pick(trash).id)
          }
        },
        project: (store) => {
          const { items, trash } = store.getSnapshot()
          return { items, trash: trash.map((t) => t.id).sort() }
        },
        invariants(store) {
          const { items, trash, byId, skipped } = store.getSnapshot()
          expect(skipped).toBe(0)
          expect(byId.size).toBe(items.length + trash.length)
          for (const t of items) expect(t.deletedAt).toBeUndefined()
          for (const t of trash) expect(t.deletedAt).toBeTypeOf('number')
          const names = items.map((t) => t.name)
          expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)))
        },
      })
      expect(states[0]!.getSnapshot().byId.size).toBeGreaterThan(10)
    }
  })
})
