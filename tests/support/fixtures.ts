/** Plain data the unit tests build again and again, with what a test cares about laid over. */
import type { MeetingFields } from '../../src/domain/meeting'

/** A meeting's fields: a dialogue on 12 March 2026 at 18:30, nobody and nothing else set. */
export function meetingFields(over: Partial<MeetingFields> = {}): MeetingFields {
  return {
    title: 'Meeting',
    kind: 'dialogue',
    startsAt: '2026-03-12T18:30',
    place: '',
    facilitator: '',
    noteTaker: '',
    groupIds: [],
    people: [],
    ...over,
  }
}
