/** Plain data the unit tests build again and again, with what a test cares about laid over. */
import type { GroupId } from '../../src/domain/ids'
import type { Meeting, MeetingFields, MeetingId } from '../../src/domain/meeting'
import type { EntryFields, SkillId } from '../../src/domain/skills'

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

type Need = Extract<EntryFields, { kind: 'need' }>
type Offer = Extract<EntryFields, { kind: 'offer' }>

/** A group's need of a skill, wanted soon, with no note and no contact unless given. */
export function needEntry(
  groupId: GroupId,
  skillId: SkillId,
  over: Partial<Omit<Need, 'kind'>> = {},
): Need {
  return { kind: 'need', urgency: 'soon', groupId, skillId, note: '', contact: '', ...over }
}

/** A group's offer to teach a skill, with no note and no contact unless given. */
export function offerEntry(
  groupId: GroupId,
  skillId: SkillId,
  over: Partial<Omit<Offer, 'kind'>> = {},
): Offer {
  return { kind: 'offer', level: 'teach', groupId, skillId, note: '', contact: '', ...over }
}

/** A meeting as read from a document: meetingFields() with an id, times, notes and empty lists. */
export function meetingRecord(over: Partial<Meeting> = {}): Meeting {
  return {
    id: 'm1' as MeetingId,
    createdAt: 1,
    updatedAt: 1,
    ...meetingFields(),
    timeZone: '',
    hasNotes: true,
    agenda: [],
    removedAgenda: [],
    decisions: [],
    actions: [],
    rsvps: [],
    ...over,
  }
}
