import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { createProposalStore, PROPOSALS_SCHEMA } from '../../../src/doc/proposal-store'
import {
  BASE_SCHEMA_VERSION,
  createSpaceDoc,
  initialiseSchema,
  readSchemaVersion,
  ROOT,
} from '../../../src/doc/schema'
import { tally, type ProposalId } from '../../../src/domain/proposal'

const HOUR = 3_600_000

function phone(start = Date.UTC(2026, 11, 4, 12)) {
  const doc = createSpaceDoc()
  initialiseSchema(doc)
  let clock = start
  const store = createProposalStore(doc, () => clock)
  return {
    doc,
    store,
    tick: (ms = 1_000) => (clock += ms),
    get now() {
      return clock
    },
  }
}

type Phone = ReturnType<typeof phone>

/** Both phones end with everything either had: what sync does, in one step. */
function meet(a: Phone, b: Phone) {
  Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)))
  Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(a.doc)))
}

function consent(p: Phone): ProposalId {
  const added = p.store.addProposal({
    title: 'Share the van',
    details: 'Thursdays, for the food round',
    kind: 'consent',
    options: [],
    dots: 1,
    closesAt: p.now + HOUR,
  })
  if (!added.ok) throw new Error(JSON.stringify(added.fields))
  return added.value
}

describe('proposal store', () => {
  it('adds a proposal, raises the space to the schema that knows proposals', () => {
    const amal = phone()
    expect(readSchemaVersion(amal.doc)).toBe(BASE_SCHEMA_VERSION)
    const id = consent(amal)
    expect(readSchemaVersion(amal.doc)).toBe(PROPOSALS_SCHEMA)
    expect(amal.store.getSnapshot().byId.get(id)).toMatchObject({
      title: 'Share the van',
      kind: 'consent',
      positions: [],
    })
  })

  it('refuses an invalid proposal and writes nothing', () => {
    const amal = phone()
    const before = Y.encodeStateVector(amal.doc)
    const added = amal.store.addProposal({
      title: 'Where',
      details: '',
      kind: 'choice',
      options: ['Hall', 'hall '],
      dots: 1,
      closesAt: amal.now - 1,
    })
    expect(added).toEqual({
      ok: false,
      error: 'invalid',
      fields: { options: 'option-duplicate', closesAt: 'closes-in-past' },
    })
    expect(Y.encodeStateVector(amal.doc)).toEqual(before)
  })

  it('counts two answers given offline on two phones once they meet', () => {
    const amal = phone()
    const ben = phone()
    const id = consent(amal)
    meet(amal, ben)
    amal.tick()
    ben.tick()
    expect(amal.store.answer(id, 'Amal', { stance: 'agree' }, '').ok).toBe(true)
    expect(ben.store.answer(id, 'Ben', { stance: 'block' }, 'No driver on Thursdays').ok).toBe(true)
    meet(amal, ben)
    for (const p of [amal, ben]) {
      const result = tally(p.store.getSnapshot().byId.get(id)!)
      expect(result.totals).toEqual({ agree: 1, abstain: 0, disagree: 0, block: 1 })
      expect(result.counted.find((x) => x.person === 'Ben')?.reason).toBe('No driver on Thursdays')
    }
  })

  it('resolves one person answering on two devices to their latest answer, on both', () => {
    const amal = phone()
    const amalTablet = phone()
    const id = consent(amal)
    meet(amal, amalTablet)
    amal.tick(1_000)
    amal.store.answer(id, 'Amal', { stance: 'disagree' }, 'Too far')
    amalTablet.tick(5_000)
    amalTablet.store.answer(id, 'Amal', { stance: 'agree' }, '')
    meet(amal, amalTablet)
    for (const p of [amal, amalTablet]) {
      const proposal = p.store.getSnapshot().byId.get(id)!
      expect(proposal.positions).toHaveLength(2)
      expect(tally(proposal).counted.map((x) => x.answer)).toEqual([{ stance: 'agree' }])
    }
  })

  it('keeps an answer that crossed a close visible, marked as after closing', () => {
    const amal = phone()
    const ben = phone()
    const id = consent(amal)
    meet(amal, ben)
    amal.tick(10_000)
    expect(amal.store.close(id, 'Agreed: the van is shared').ok).toBe(true)
    ben.tick(20_000)
    expect(ben.store.answer(id, 'Ben', { stance: 'agree' }, '').ok).toBe(true)
    meet(amal, ben)
    const proposal = ben.store.getSnapshot().byId.get(id)!
    expect(proposal.outcome).toBe('Agreed: the van is shared')
    const result = tally(proposal)
    expect(result.people).toBe(0)
    expect(result.afterClosing.map((x) => x.person)).toEqual(['Ben'])
    expect(ben.store.answer(id, 'Ben', { stance: 'agree' }, '')).toEqual({
      ok: false,
      error: 'closed',
    })
  })

  it('refuses a bad answer with its reason and writes nothing', () => {
    const amal = phone()
    const id = consent(amal)
    const before = Y.encodeStateVector(amal.doc)
    expect(amal.store.answer(id, 'Amal', { stance: 'block' }, '')).toEqual({
      ok: false,
      error: 'reason-required',
    })
    expect(amal.store.answer('nothing0' as ProposalId, 'Amal', { stance: 'agree' }, '')).toEqual({
      ok: false,
      error: 'not-found',
    })
    expect(Y.encodeStateVector(amal.doc)).toEqual(before)
  })

  it('skips and counts malformed proposals and positions from a peer, never throws', () => {
    const amal = phone()
    const id = consent(amal)
    amal.doc.transact(() => {
      const root = amal.doc.getMap<unknown>(ROOT.proposals)
      const bad = new Y.Map<unknown>()
      root.set('badproposal1', bad)
      bad.set('kind', 'referendum')
      bad.set('title', 'x')
      bad.set('createdAt', 1)
      const entity = root.get(id) as Y.Map<unknown>
      const positions = entity.get('positions') as Y.Map<unknown>
      positions.set('forged01', { person: 'Eve', answer: { stance: 'block' }, reason: '', at: 1 })
      positions.set('forged02', { person: 42, answer: 'agree', reason: '', at: 1 })
      positions.set('goodone1', { person: 'Ben', answer: { stance: 'agree' }, reason: '', at: 2 })
    })
    const snapshot = amal.store.getSnapshot()
    expect(snapshot.skipped).toBe(1)
    const proposal = snapshot.byId.get(id)!
    expect(proposal.skippedPositions).toBe(2)
    expect(tally(proposal).totals).toMatchObject({ agree: 1, block: 0 })
  })
})
