import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { createMeetingStore } from '../../../src/doc/meeting-store'
import { createSpaceDoc } from '../../../src/doc/schema'
import { rsvpCounts, type MeetingFields } from '../../../src/domain/meeting'
import { fail, ok } from '../../../src/domain/result'

const fields: MeetingFields = {
  title: 'Dialogue round, December',
  kind: 'dialogue',
  startsAt: '2026-12-10T18:30',
  place: 'Community hall',
  facilitator: '',
  noteTaker: '',
  groupIds: [],
  people: [],
}
const PANTRY = 'group-pantry01'
const GARDEN = 'group-garden01'

describe('who is coming to a meeting', () => {
  it('keeps one answer per person and counts them in all and per group', () => {
    const store = createMeetingStore(createSpaceDoc())
    const id = store.addMeeting(fields, '', 'Africa/Cairo')
    expect(store.setRsvp(id, 'Ana', 'going', PANTRY)).toEqual(ok())
    expect(store.setRsvp(id, 'Ben', 'maybe', PANTRY)).toEqual(ok())
    expect(store.setRsvp(id, 'Carla', 'no', GARDEN)).toEqual(ok())
    expect(store.setRsvp(id, ' ana ', 'no', PANTRY)).toEqual(ok()) // Ana changed her mind
    const meeting = store.getSnapshot().byId.get(id)!
    expect(meeting.timeZone).toBe('Africa/Cairo')
    expect(meeting.rsvps.map((r) => [r.name, r.answer])).toEqual([
      ['ana', 'no'],
      ['Ben', 'maybe'],
      ['Carla', 'no'],
    ])
    const { all, byGroup } = rsvpCounts(meeting.rsvps)
    expect(all).toEqual({ going: 0, maybe: 1, no: 2 })
    expect(byGroup.get(PANTRY)).toEqual({ going: 0, maybe: 1, no: 1 })
    expect(byGroup.get(GARDEN)).toEqual({ going: 0, maybe: 0, no: 1 })
  })

  it('refuses an empty name, an unknown answer or a missing meeting, writing nothing', () => {
    const doc = createSpaceDoc()
    const store = createMeetingStore(doc)
    const id = store.addMeeting(fields)
    const before = Y.encodeStateVector(doc)
    expect(store.setRsvp(id, '  ', 'going')).toEqual(fail('empty'))
    expect(store.setRsvp(id, 'Ana', 'perhaps' as never)).toEqual(fail('invalid'))
    expect(store.setRsvp('nothing0000' as never, 'Ana', 'going')).toEqual(fail('not-found'))
    expect(Y.encodeStateVector(doc)).toEqual(before)
  })

  it('agrees on one answer when two phones answer for one person at once, skips forged ones', () => {
    const a = createSpaceDoc()
    const b = createSpaceDoc()
    const storeA = createMeetingStore(a)
    const storeB = createMeetingStore(b)
    const id = storeA.addMeeting(fields)
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    storeA.setRsvp(id, 'Ana', 'going')
    storeB.setRsvp(id, 'Ana', 'no')
    ;(b.getMap('meetings').get(id) as Y.Map<unknown>).set('rsvp:eve', {
      name: 'Mallory',
      answer: 'going',
      at: 1,
    })
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    const onA = storeA.getSnapshot().byId.get(id)!.rsvps
    expect(onA).toEqual(storeB.getSnapshot().byId.get(id)!.rsvps)
    expect(onA.map((r) => r.name)).toEqual(['Ana'])
  })
})
