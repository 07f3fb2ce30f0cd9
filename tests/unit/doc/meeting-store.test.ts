import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { createMeetingStore, type MeetingStore } from '../../../src/doc/meeting-store'
import { createSpaceDoc } from '../../../src/doc/schema'
import { fromTextHandle } from '../../../src/doc/text-handle'
import type { MeetingFields } from '../../../src/domain/meeting'
import { runConvergence } from '../../support/convergence'

const fields = (over: Partial<MeetingFields> = {}): MeetingFields => ({
  title: 'Dialogue space, March',
  kind: 'dialogue',
  startsAt: '2026-03-12T18:30',
  place: 'Community hall',
  facilitator: 'Ana',
  noteTaker: 'Ben',
  groupIds: ['group-aaaaaaaa'],
  ...over,
})

describe('meeting store', () => {
  it('keeps a meeting with its notes, and writes only what a form changed', () => {
    const doc = createSpaceDoc()
    const store = createMeetingStore(doc)
    const id = store.addMeeting(fields(), 'Round of news')
    const meeting = store.getSnapshot().byId.get(id)
    expect(meeting).toMatchObject({ title: 'Dialogue space, March', hasNotes: true })
    expect(store.notesText(id)).toBe('Round of news')

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
        peers: 3,
        seed,
        steps: 300,
        setup: (doc) => createMeetingStore(doc),
        operate(store, random) {
          const { items } = store.getSnapshot()
          if (items.length === 0 || random.chance(0.05)) {
            store.addMeeting(fields({ title: `Meeting ${random.int(1000)}` }))
            return
          }
          const meeting = random.pick(items)
          if (random.chance(0.7)) {
            const text = fromTextHandle(store.notesOf(meeting.id)!)
            const word = random.pick(['agua ', 'حصاد ', 'seeds ', 'żywność '])
            text.insert(random.int(text.length + 1), word)
            typed += word.length
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
          for (const m of store.getSnapshot().items) expect(m.hasNotes).toBe(true)
        },
      })
      const total = (store: MeetingStore) =>
        store.getSnapshot().items.reduce((n, m) => n + store.notesText(m.id).length, 0)
      for (const store of states) expect(total(store)).toBe(typed) // every character kept
    }
  })

  it('keeps one agenda, in one order everywhere, when phones reorder it at once', () => {
    for (const seed of [4, 5, 6]) {
      let added = 0
      const { states } = runConvergence<MeetingStore>({
        peers: 3,
        seed,
        steps: 300,
        setup: (doc) => createMeetingStore(doc),
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
    expect(a.setActionDone(id, 'no-such-action', true)).toBe(false)
  })
})
