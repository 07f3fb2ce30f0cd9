import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { createMeetingStore, type MeetingStore } from '../../../src/doc/meeting-store'
import { createSpaceDoc } from '../../../src/doc/schema'
import { fromTextHandle } from '../../../src/doc/text-handle'
import type { MeetingFields } from '../../../src/domain/meeting'
import { runConvergence, type Random } from '../../support/convergence'
import { fail, ok } from '../../../src/domain/result'

const fields = (over: Partial<MeetingFields> = {}): MeetingFields => ({
  title: 'Dialogue space, March',
  kind: 'dialogue',
  startsAt: '2026-03-12T18:30',
  place: 'Community hall',
  facilitator: 'Ana',
  noteTaker: 'Ben',
  groupIds: ['group-aaaaaaaa'],
  people: [],
  ...over,
})

/** Three phones, 300 random steps, each phone with a meeting store on its document. */
const threePhones = (seed: number) => ({
  peers: 3,
  seed,
  steps: 300,
  setup: (doc: Y.Doc) => createMeetingStore(doc),
})

/** A random step's meeting: none (a new one is added instead) when there is none, or now and then. */
function pickOrAdd(store: MeetingStore, random: Random, addRate: number) {
  const { items } = store.getSnapshot()
  if (items.length === 0 || random.chance(addRate)) {
    store.addMeeting(fields({ title: `Meeting ${random.int(1000)}` }))
    return undefined
  }
  return random.pick(items)
}

describe('meeting store', () => {
  it('keeps a meeting with its notes, and writes only what a form changed', () => {
    const doc = createSpaceDoc()
    const store = createMeetingStore(doc)
    const id = store.addMeeting(fields(), 'Round of news')
    const meeting = store.getSnapshot().byId.get(id)
    expect(meeting).toMatchObject({ title: 'Dialogue space, March', hasNotes: true })
    expect(store.notesText(id)).toBe('Round of news')
    fromTextHandle(store.notesOf(id)!).insert(13, '. Seeds') // typed after a first read
    expect(store.notesText(id)).toBe('Round of news. Seeds')
    const peer = createSpaceDoc()
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc))
    const text = (peer.getMap('meetings').get(id) as Y.Map<unknown>).get('notes') as Y.Text
    text.insert(0, 'Ana: ')
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer)) // and by someone else
    expect(store.notesText(id)).toBe('Ana: Round of news. Seeds')

    const keys = new Set<string>()
    doc.getMap('meetings').observeDeep((events) => {
      for (const event of events) for (const key of event.changes.keys.keys()) keys.add(key)
    })
    const before = fields()
    store.updateMeetingFrom(id, before, { ...before, place: 'Library' })
    expect([...keys].sort()).toEqual(['place', 'updatedAt']) // one field, not the whole form
    expect(store.getSnapshot().byId.get(id)?.place).toBe('Library')
  })

  it('skips a meeting a peer stored without a title or with an impossible date', () => {
    const doc = createSpaceDoc()
    const store = createMeetingStore(doc)
    const root = doc.getMap('meetings')
    for (const [key, startsAt, title] of [
      ['m1', '2026-02-30T10:00', 'Impossible date'],
      ['m2', '2026-02-10T10:00', ''],
    ] as const) {
      const entity = new Y.Map<unknown>()
      root.set(key, entity)
      entity.set('createdAt', 1)
      entity.set('title', title)
      entity.set('startsAt', startsAt)
    }
    expect(store.getSnapshot().items).toEqual([])
    expect(store.getSnapshot().skipped).toBe(2)
  })

  it('converges when several people type notes and change attendance at once', () => {
    for (const seed of [1, 2, 3]) {
      let typed = 0
      const { states } = runConvergence<MeetingStore>({
        ...threePhones(seed),
        operate(store, random) {
          const meeting = pickOrAdd(store, random, 0.05)
          if (!meeting) return
          if (random.chance(0.7)) {
            const text = fromTextHandle(store.notesOf(meeting.id)!)
            const word = random.pick(['agua ', 'حصاد ', 'seeds ', 'żywność '])
            text.insert(random.int(text.length + 1), word)
            typed += word.length
          } else if (random.chance(0.5)) {
            const person = random.pick(['Ana', 'ana ', 'Ben', 'Chidi', 'Zofia'])
            const present = meeting.people.some(
              (p) => p.toLowerCase() === person.trim().toLowerCase(),
            )
            const people = present
              ? meeting.people.filter((p) => p.toLowerCase() !== person.trim().toLowerCase())
              : [...meeting.people, person]
            store.updateMeetingFrom(meeting.id, meeting, { ...meeting, people })
          } else {
            const group = `group-${random.pick(['aaaaaaaa', 'bbbbbbbb', 'cccccccc'])}`
            const groupIds = meeting.groupIds.includes(group)
              ? meeting.groupIds.filter((g) => g !== group)
              : [...meeting.groupIds, group]
            store.updateMeetingFrom(meeting.id, meeting, { ...meeting, groupIds })
          }
        },
        project: (store) =>
          store.getSnapshot().items.map((m) => ({
            ...m,
            notes: store.notesText(m.id),
          })),
        invariants(store) {
          for (const m of store.getSnapshot().items) {
            expect(m.hasNotes).toBe(true)
            const keys = m.people.map((p) => p.toLowerCase())
            expect(new Set(keys).size, 'a person listed twice').toBe(keys.length)
          }
        },
      })
      const total = (store: MeetingStore) =>
        store.getSnapshot().items.reduce((n, m) => n + store.notesText(m.id).length, 0)
      for (const store of states) expect(total(store)).toBe(typed) // every character kept
    }
  })

  it('lists each person who came once, whoever adds them, and keeps what each phone added', () => {
    const a = createSpaceDoc()
    const b = createSpaceDoc()
    const [storeA, storeB] = [createMeetingStore(a), createMeetingStore(b)]
    const id = storeA.addMeeting(fields())
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    const before = storeA.getSnapshot().byId.get(id)!
    storeA.updateMeetingFrom(id, before, { ...before, people: ['Ana', 'Ben'] })
    storeB.updateMeetingFrom(id, before, { ...before, people: ['ana ', 'Chidi'] })
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
    const people = (store: MeetingStore) =>
      store
        .getSnapshot()
        .byId.get(id)!
        .people.map((p) => p.toLowerCase())
    expect(people(storeA)).toEqual(['ana', 'ben', 'chidi'])
    expect(people(storeB)).toEqual(people(storeA))

    // a peer's entry whose key does not match its name is not read as a person
    const entity = a.getMap('meetings').get(id) as Y.Map<unknown>
    entity.set('person:someone', 'Somebody else')
    expect(people(storeA)).toEqual(['ana', 'ben', 'chidi'])
  })

  it('keeps one agenda, in one order everywhere, when phones reorder it at once', () => {
    for (const seed of [4, 5, 6]) {
      let added = 0
      const { states } = runConvergence<MeetingStore>({
        ...threePhones(seed),
        operate(store, random) {
          const { items } = store.getSnapshot()
          if (items.length === 0) {
            store.addMeeting(fields())
            return
          }
          const meeting = random.pick(items)
          const roll = random.int(10)
          if (roll < 3 || meeting.agenda.length < 2) {
            if (store.addAgendaItem(meeting.id, `item ${random.int(10_000)}`)) added++
          } else if (roll < 8) {
            const item = random.pick(meeting.agenda)
            store.moveAgendaItem(meeting.id, item.id, random.int(meeting.agenda.length))
          } else if (roll < 9) {
            store.removeAgendaItem(meeting.id, random.pick(meeting.agenda).id)
          } else if (meeting.removedAgenda.length > 0) {
            store.restoreAgendaItem(meeting.id, random.pick(meeting.removedAgenda).id)
          }
        },
        project: (store) =>
          store
            .getSnapshot()
            .items.map((m) => [m.agenda.map((i) => i.text), m.removedAgenda.length]),
        invariants(store) {
          for (const m of store.getSnapshot().items) {
            const ids = m.agenda.map((i) => i.id)
            expect(new Set(ids).size).toBe(ids.length) // no duplicates
          }
        },
      })
      const count = (store: MeetingStore) =>
        store.getSnapshot().items.reduce((n, m) => n + m.agenda.length + m.removedAgenda.length, 0)
      for (const store of states) expect(count(store)).toBe(added) // none lost
    }
  })

  it('keeps every decision and action recorded on any phone, and agrees on each tick', () => {
    for (const seed of [7, 8, 9]) {
      const recorded = { decisions: new Set<string>(), actions: new Set<string>() }
      const removed = { decisions: new Set<string>(), actions: new Set<string>() }
      const { states, docs } = runConvergence<MeetingStore>({
        ...threePhones(seed),
        operate(store, random) {
          const meeting = pickOrAdd(store, random, 0.03)
          if (!meeting) return
          const roll = random.int(10)
          if (roll < 3) {
            const method = random.pick(['consensus', 'consent', 'vote'] as const)
            const id = store.recordDecision(meeting.id, {
              text: `decision ${random.int(10_000)}`,
              method,
              outcome: random.pick(['agreed', '12 for, 2 against', '']),
            })
            if (id) recorded.decisions.add(id)
          } else if (roll < 6 || meeting.actions.length === 0) {
            const id = store.addAction(meeting.id, {
              what: `action ${random.int(10_000)}`,
              who: random.pick(['Ana', 'Ben', 'Seed Library']),
              due: random.pick(['', '2026-04-01']),
            })
            if (id) recorded.actions.add(id)
          } else if (roll < 8) {
            const action = random.pick(meeting.actions)
            store.setActionDone(meeting.id, action.id, !action.done)
          } else if (roll < 9) {
            const action = random.pick(meeting.actions)
            if (store.removeAction(meeting.id, action.id).ok) removed.actions.add(action.id)
          } else if (meeting.decisions.length > 0) {
            const decision = random.pick(meeting.decisions)
            if (store.removeDecision(meeting.id, decision.id).ok) removed.decisions.add(decision.id)
          }
        },
        project: (store) =>
          store.getSnapshot().items.map((m) => ({
            id: m.id,
            decisions: m.decisions.map((d) => [d.id, d.text, d.method, d.outcome]),
            actions: m.actions.map((a) => [a.id, a.what, a.who, a.due, a.done]),
          })),
        invariants(store) {
          for (const m of store.getSnapshot().items) {
            const ids = [...m.decisions, ...m.actions].map((entry) => entry.id)
            expect(new Set(ids).size).toBe(ids.length) // no entry shown twice
          }
        },
      })
      // what each peer's snapshot kept up to date equals a fresh read of its document
      docs.forEach((doc, peer) =>
        expect(states[peer]!.getSnapshot().items).toEqual(
          createMeetingStore(doc).getSnapshot().items,
        ),
      )
      const kept = (all: Set<string>, gone: Set<string>) =>
        [...all].filter((id) => !gone.has(id)).sort()
      for (const store of states) {
        const items = store.getSnapshot().items
        // none lost, none come back: exactly what was recorded and not taken off
        expect(items.flatMap((m) => m.decisions.map((d) => d.id)).sort()).toEqual(
          kept(recorded.decisions, removed.decisions),
        )
        expect(items.flatMap((m) => m.actions.map((a) => a.id)).sort()).toEqual(
          kept(recorded.actions, removed.actions),
        )
      }
      expect(recorded.decisions.size).toBeGreaterThan(20)
      expect(removed.actions.size).toBeGreaterThan(5)
    }
  })

  it('records decisions and actions, and a tick on one phone keeps an edit on another', () => {
    const docs = [createSpaceDoc(), createSpaceDoc()]
    const [a, b] = docs.map((doc) => createMeetingStore(doc)) as [MeetingStore, MeetingStore]
    const id = a.addMeeting(fields())
    expect(a.recordDecision(id, { text: ' ', method: 'vote', outcome: '' })).toBeUndefined()
    a.recordDecision(id, { text: 'Join the food network', method: 'consent', outcome: 'agreed' })
    const action = a.addAction(id, { what: 'Book the hall', who: 'Ana', due: '2026-03-01' })!
    expect(a.addAction(id, { what: 'x', who: '', due: '2026-02-30' })).toBeUndefined()
    Y.applyUpdate(docs[1]!, Y.encodeStateAsUpdate(docs[0]!))

    a.setActionDone(id, action, true) // on one phone
    b.removeDecision(id, b.getSnapshot().byId.get(id)!.decisions[0]!.id) // on the other
    Y.applyUpdate(docs[1]!, Y.encodeStateAsUpdate(docs[0]!))
    Y.applyUpdate(docs[0]!, Y.encodeStateAsUpdate(docs[1]!))
    for (const store of [a, b]) {
      const m = store.getSnapshot().byId.get(id)!
      expect(m.actions.map((x) => [x.what, x.done])).toEqual([['Book the hall', true]])
      expect(m.decisions).toEqual([])
    }
    expect(a.setActionDone(id, 'no-such-action', true)).toEqual(fail('no-entry'))
  })

  it('edits points, decisions and actions in place, and a tick on another phone survives', () => {
    const docs = [createSpaceDoc(), createSpaceDoc()]
    const [a, b] = docs.map((doc) => createMeetingStore(doc)) as [MeetingStore, MeetingStore]
    const id = a.addMeeting(fields())
    const point = a.addAgendaItem(id, 'Budgt')!
    a.addAgendaItem(id, 'Seed bank')
    const decision = a.recordDecision(id, { text: 'Jion', method: 'vote', outcome: '' })!
    const action = a.addAction(id, { what: 'Bok the hall', who: '', due: '' })!
    Y.applyUpdate(docs[1]!, Y.encodeStateAsUpdate(docs[0]!))

    expect(a.editAgendaItem(id, point, ' Budget ')).toEqual(ok())
    expect(a.editAgendaItem(id, point, '  ')).toEqual(fail('empty')) // an empty point is refused
    expect(
      a.editDecision(id, decision, { text: 'Join', method: 'consent', outcome: 'ok' }),
    ).toEqual(ok())
    expect(
      a.editAction(id, action, { what: 'Book the hall', who: 'Ben', due: '2026-13-01' }),
    ).toEqual(fail('invalid')) // not a date: nothing changes
    expect(a.editAction(id, 'gone-0000', { what: 'Book it', who: '', due: '' })).toEqual(
      fail('no-entry'),
    )
    expect(a.editAgendaItem('nothing-0000' as never, point, 'Budget')).toEqual(fail('not-found'))
    expect(a.editAction(id, action, { what: 'Book the hall', who: 'Ben', due: '' })).toEqual(ok())
    b.setActionDone(id, action, true) // meanwhile, on the other phone
    Y.applyUpdate(docs[1]!, Y.encodeStateAsUpdate(docs[0]!))
    Y.applyUpdate(docs[0]!, Y.encodeStateAsUpdate(docs[1]!))
    for (const store of [a, b]) {
      const m = store.getSnapshot().byId.get(id)!
      expect(m.agenda.map((x) => x.text)).toEqual(['Budget', 'Seed bank'])
      expect(m.decisions.map((d) => [d.text, d.method, d.outcome])).toEqual([
        ['Join', 'consent', 'ok'],
      ])
      expect(m.actions.map((x) => [x.what, x.who, x.done])).toEqual([
        ['Book the hall', 'Ben', true],
      ])
    }
    expect(
      a.editDecision(id, 'no-such-decision', { text: 'x', method: 'vote', outcome: '' }),
    ).toEqual(fail('no-entry'))
  })

  it('puts back a removed decision or action (undo)', () => {
    const store = createMeetingStore(createSpaceDoc())
    const id = store.addMeeting(fields())
    const decision = store.recordDecision(id, { text: 'Join', method: 'vote', outcome: '' })!
    const action = store.addAction(id, { what: 'Book the hall', who: '', due: '' })!
    store.removeDecision(id, decision)
    store.removeAction(id, action)
    expect(store.getSnapshot().byId.get(id)).toMatchObject({ decisions: [], actions: [] })
    expect(store.restoreDecision(id, decision)).toEqual(ok())
    expect(store.restoreAction(id, action)).toEqual(ok())
    const m = store.getSnapshot().byId.get(id)!
    expect([m.decisions.length, m.actions.length]).toEqual([1, 1])
  })

  it('ticks attendance one person and one group at a time, and two phones ticking both count', () => {
    const docs = [createSpaceDoc(), createSpaceDoc()]
    const [a, b] = docs.map((doc) => createMeetingStore(doc)) as [MeetingStore, MeetingStore]
    const id = a.addMeeting(fields({ groupIds: [] }))
    Y.applyUpdate(docs[1]!, Y.encodeStateAsUpdate(docs[0]!))
    a.setPersonAttended(id, 'Ana', true)
    a.setGroupAttended(id, 'group-aaaaaaaa', true)
    b.setPersonAttended(id, 'Ben', true)
    b.setGroupAttended(id, 'group-bbbbbbbb', true)
    expect(a.setGroupAttended(id, 'bad id', true)).toEqual(fail('invalid'))
    expect(a.setPersonAttended(id, '  ', true)).toEqual(fail('empty'))
    Y.applyUpdate(docs[1]!, Y.encodeStateAsUpdate(docs[0]!))
    Y.applyUpdate(docs[0]!, Y.encodeStateAsUpdate(docs[1]!))
    for (const store of [a, b])
      expect(store.getSnapshot().byId.get(id)).toMatchObject({
        people: ['Ana', 'Ben'],
        groupIds: ['group-aaaaaaaa', 'group-bbbbbbbb'],
      })
    a.setPersonAttended(id, 'ana', false) // the same person, however it is typed
    a.setGroupAttended(id, 'group-aaaaaaaa', false)
    expect(a.getSnapshot().byId.get(id)).toMatchObject({
      people: ['Ben'],
      groupIds: ['group-bbbbbbbb'],
    })
  })
})
