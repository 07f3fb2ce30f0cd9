/**
 * Meetings of a space, each a nested Y.Map of fields plus its shared notes: a Y.Text created
 * with the meeting in one transaction and never replaced, so two people typing at the same
 * meeting (online, or offline and merged later) keep every character. How the fields are
 * stored and read back is in meeting-read.ts.
 */
import * as Y from 'yjs'
import {
  AGENDA_MAX,
  AGENDA_TEXT_MAX,
  isDueDate,
  orderAt,
  type DecisionMethod,
  type AgendaItemId,
  MEETING_PEOPLE_MAX,
  MEETING_TEXT_MAX,
  personKey,
  type Meeting,
  type MeetingFields,
  type MeetingId,
  isRsvpAnswer,
  type RsvpAnswer,
} from '../domain/meeting'
import { createCollection, nestedFields, REMOVE_FIELD } from './collection'
import {
  ACTION,
  AGENDA,
  DECISION,
  ENTRY_TEXT_MAX,
  GROUP,
  GROUP_ID,
  NOTES,
  PERSON,
  RSVP,
  patchOf,
  readMeeting,
} from './meeting-read'
import { newId } from '../domain/ids'
import { fail, type Result } from '../domain/result'
import { deviceTimeZone, isTimeZone } from '../domain/zoned-time'
import { lastChangeStamp, withLastChange } from './last-change'
import { ROOT, type SpaceDoc } from './schema'
import { toTextHandle, type TextHandle } from './text-handle'

/**
 * What a meeting command answers: done, or why not: no such meeting ('not-found'), agenda
 * point ('no-item') or decision/action ('no-entry'); empty text ('empty'); an unknown time zone,
 * due date, group or answer ('invalid'); the attendance list is full ('full').
 */
export type MeetingResult = Result<
  void,
  'not-found' | 'no-item' | 'no-entry' | 'empty' | 'invalid' | 'full'
>

/** `author`: this phone's person, recorded as who last changed a meeting (last-change.ts). */
export function createMeetingStore(
  doc: SpaceDoc,
  now?: () => number,
  author: () => string = () => '',
) {
  const root = doc.getMap<unknown>(ROOT.meetings)
  /**
   * Each meeting's notes as plain text, until a change touches that meeting: search asks for
   * all of them on every query, and the same string back lets it reuse what it folded.
   * Observed before the collection is made, so it is cleared before any listener reads it.
   */
  const notesCache = new Map<string, string>()
  root.observeDeep((events) => {
    for (const event of events) {
      const [id] = event.path
      if (typeof id === 'string') notesCache.delete(id)
      else for (const key of event.changes.keys.keys()) notesCache.delete(key)
    }
  })
  const meetings = withLastChange(
    createCollection<Meeting>(doc, {
      root: ROOT.meetings,
      read: (id, fields, meta) => readMeeting(id, fields, meta as Meeting),
      compare: (a, b) => (a.startsAt < b.startsAt ? 1 : a.startsAt > b.startsAt ? -1 : 0),
      ...(now ? { now } : {}),
    }),
    lastChangeStamp(author, now ?? Date.now),
  )
  /** Whether a meeting holds an entry (decision, action) under `key`: no half-made entries. */
  const hasEntry = (id: MeetingId, key: string) => {
    const entity = root.get(id)
    return entity instanceof Y.Map && (entity as Y.Map<unknown>).get(key) instanceof Y.Map
  }
  const exists = (id: MeetingId) => meetings.getSnapshot().byId.has(id)
  /** Updates an entry (decision, action) that exists. */
  const updateEntry = (
    id: MeetingId,
    key: string,
    fields: Parameters<typeof nestedFields>[0],
  ): MeetingResult => {
    if (!hasEntry(id, key)) return fail(exists(id) ? 'no-entry' : 'not-found')
    return meetings.update(id, { [key]: nestedFields(fields) })
  }
  const hasItem = (id: MeetingId, itemId: AgendaItemId) => {
    const meeting = meetings.getSnapshot().byId.get(id)
    return [...(meeting?.agenda ?? []), ...(meeting?.removedAgenda ?? [])].some(
      (item) => item.id === itemId,
    )
  }
  return {
    subscribe: meetings.subscribe,
    getSnapshot: meetings.getSnapshot,
    /** `timeZone`: where the meeting happens; this phone's zone unless said otherwise. */
    addMeeting(fields: MeetingFields, notes = '', timeZone = deviceTimeZone()): MeetingId {
      const zone = isTimeZone(timeZone) ? timeZone : ''
      return meetings.add({ ...patchOf(undefined, fields), timeZone: zone }, (entity) => {
        entity.set(NOTES, new Y.Text(notes))
      })
    },
    /** Writes only what changed between the form as opened and as saved. */
    updateMeetingFrom(id: MeetingId, before: MeetingFields, after: MeetingFields): MeetingResult {
      return meetings.update(id, patchOf(before, after))
    },
    /** Moves a meeting to another time zone (its time stays as written). */
    setTimeZone(id: MeetingId, timeZone: string): MeetingResult {
      if (!exists(id)) return fail('not-found')
      if (!isTimeZone(timeZone)) return fail('invalid')
      return meetings.update(id, { timeZone })
    },
    deleteMeeting: (id: MeetingId) => meetings.softDelete(id),
    restoreMeeting: (id: MeetingId) => meetings.restore(id),
    purgeDeleted: () => meetings.purgeDeleted(),

    /** Adds an agenda item at the end; false if the text is empty or the agenda is full. */
    addAgendaItem(id: MeetingId, text: string): AgendaItemId | undefined {
      const meeting = meetings.getSnapshot().byId.get(id)
      const clean = text.trim().slice(0, AGENDA_TEXT_MAX)
      if (!meeting || clean === '' || meeting.agenda.length >= AGENDA_MAX) return undefined
      const itemId = newId<'AgendaItemId'>()
      const order = Math.floor(meeting.agenda.at(-1)?.order ?? 0) + 1
      meetings.update(id, { [`${AGENDA}${itemId}`]: nestedFields({ text: clean, order }) })
      return itemId
    },
    /** Rewrites an agenda point in place (its position stays). */
    editAgendaItem(id: MeetingId, itemId: AgendaItemId, text: string): MeetingResult {
      const clean = text.trim().slice(0, AGENDA_TEXT_MAX)
      if (!hasItem(id, itemId)) return fail(exists(id) ? 'no-item' : 'not-found')
      if (clean === '') return fail('empty')
      return meetings.update(id, { [`${AGENDA}${itemId}`]: nestedFields({ text: clean }) })
    },
    /** Moves an item to a position among the others (0 = first): one number changes. */
    moveAgendaItem(id: MeetingId, itemId: AgendaItemId, toIndex: number): MeetingResult {
      const meeting = meetings.getSnapshot().byId.get(id)
      if (!meeting) return fail('not-found')
      if (!meeting.agenda.some((item) => item.id === itemId)) return fail('no-item')
      const others = meeting.agenda.filter((item) => item.id !== itemId)
      const order = orderAt(others, toIndex)
      return meetings.update(id, { [`${AGENDA}${itemId}`]: nestedFields({ order }) })
    },
    removeAgendaItem(id: MeetingId, itemId: AgendaItemId): MeetingResult {
      if (!hasItem(id, itemId)) return fail(exists(id) ? 'no-item' : 'not-found')
      return meetings.update(id, {
        [`${AGENDA}${itemId}`]: nestedFields({ removedAt: (now ?? Date.now)() }),
      })
    },
    recordDecision(
      id: MeetingId,
      decision: { text: string; method: DecisionMethod; outcome: string },
    ): string | undefined {
      const text = decision.text.trim().slice(0, ENTRY_TEXT_MAX)
      if (text === '' || !meetings.getSnapshot().byId.has(id)) return undefined
      const entryId = newId<'DecisionId'>()
      meetings.update(id, {
        [`${DECISION}${entryId}`]: nestedFields({
          text,
          method: decision.method,
          outcome: decision.outcome.trim().slice(0, MEETING_TEXT_MAX),
          createdAt: (now ?? Date.now)(),
        }),
      })
      return entryId
    },
    /** Rewrites a decision in place. */
    editDecision(
      id: MeetingId,
      entryId: string,
      decision: { text: string; method: DecisionMethod; outcome: string },
    ): MeetingResult {
      const text = decision.text.trim().slice(0, ENTRY_TEXT_MAX)
      if (text === '') return fail('empty')
      return updateEntry(id, `${DECISION}${entryId}`, {
        text,
        method: decision.method,
        outcome: decision.outcome.trim().slice(0, MEETING_TEXT_MAX),
      })
    },
    restoreDecision: (id: MeetingId, entryId: string) =>
      updateEntry(id, `${DECISION}${entryId}`, { removedAt: REMOVE_FIELD }),
    removeDecision: (id: MeetingId, entryId: string) =>
      updateEntry(id, `${DECISION}${entryId}`, { removedAt: (now ?? Date.now)() }),
    addAction(
      id: MeetingId,
      action: { what: string; who: string; due: string },
    ): string | undefined {
      const what = action.what.trim().slice(0, ENTRY_TEXT_MAX)
      if (what === '' || !isDueDate(action.due) || !meetings.getSnapshot().byId.has(id))
        return undefined
      const entryId = newId<'ActionId'>()
      meetings.update(id, {
        [`${ACTION}${entryId}`]: nestedFields({
          what,
          who: action.who.trim().slice(0, MEETING_TEXT_MAX),
          due: action.due,
          done: false,
          createdAt: (now ?? Date.now)(),
        }),
      })
      return entryId
    },
    /** Rewrites what, who and by when, not done: another phone ticking it off survives. */
    editAction(
      id: MeetingId,
      entryId: string,
      action: { what: string; who: string; due: string },
    ): MeetingResult {
      const what = action.what.trim().slice(0, ENTRY_TEXT_MAX)
      if (what === '') return fail('empty')
      if (!isDueDate(action.due)) return fail('invalid')
      return updateEntry(id, `${ACTION}${entryId}`, {
        what,
        who: action.who.trim().slice(0, MEETING_TEXT_MAX),
        due: action.due,
      })
    },
    restoreAction: (id: MeetingId, entryId: string) =>
      updateEntry(id, `${ACTION}${entryId}`, { removedAt: REMOVE_FIELD }),
    /**
     * Attendance, one set member at a time, so two phones ticking different people at once
     * both count. A group attended is what stipends count (domain/stipends.ts).
     */
    setGroupAttended(id: MeetingId, groupId: string, attended: boolean): MeetingResult {
      if (!exists(id)) return fail('not-found')
      if (!GROUP_ID.test(groupId)) return fail('invalid')
      return meetings.update(id, { [`${GROUP}${groupId}`]: attended ? true : REMOVE_FIELD })
    },
    setPersonAttended(id: MeetingId, name: string, attended: boolean): MeetingResult {
      const meeting = meetings.getSnapshot().byId.get(id)
      const clean = name.trim().slice(0, MEETING_TEXT_MAX)
      const key = personKey(clean)
      if (!meeting) return fail('not-found')
      if (key === '') return fail('empty')
      if (attended && meeting.people.length >= MEETING_PEOPLE_MAX) return fail('full')
      return meetings.update(id, { [`${PERSON}${key}`]: attended ? clean : REMOVE_FIELD })
    },
    /**
     * A person's answer to "are you coming?": one per person, whoever's phone gives it (two
     * phones answering for one person at once agree on one of the two answers).
     */
    setRsvp(id: MeetingId, name: string, answer: RsvpAnswer, groupId = ''): MeetingResult {
      const clean = name.trim().slice(0, MEETING_TEXT_MAX)
      const key = personKey(clean)
      if (!exists(id)) return fail('not-found')
      if (key === '') return fail('empty')
      if (!isRsvpAnswer(answer)) return fail('invalid')
      return meetings.update(id, {
        [`${RSVP}${key}`]: {
          name: clean,
          answer,
          groupId: GROUP_ID.test(groupId) ? groupId : '',
          at: (now ?? Date.now)(),
        },
      })
    },
    /** Done or not: one field, so another phone's edit of the same action's text survives. */
    setActionDone: (id: MeetingId, entryId: string, done: boolean) =>
      updateEntry(id, `${ACTION}${entryId}`, { done }),
    removeAction: (id: MeetingId, entryId: string) =>
      updateEntry(id, `${ACTION}${entryId}`, { removedAt: (now ?? Date.now)() }),
    restoreAgendaItem(id: MeetingId, itemId: AgendaItemId): MeetingResult {
      if (!hasItem(id, itemId)) return fail(exists(id) ? 'no-item' : 'not-found')
      return meetings.update(id, {
        [`${AGENDA}${itemId}`]: nestedFields({ removedAt: REMOVE_FIELD }),
      })
    },
    /** The shared notes of a meeting, for the notes editor; undefined if it has none. */
    notesOf(id: MeetingId): TextHandle | undefined {
      const entity = root.get(id)
      const text = entity instanceof Y.Map ? (entity as Y.Map<unknown>).get(NOTES) : undefined
      return text instanceof Y.Text ? toTextHandle(text) : undefined
    },
    /** The notes as plain text (search, Markdown minutes). */
    notesText(id: MeetingId): string {
      const cached = notesCache.get(id)
      if (cached !== undefined) return cached
      const entity = root.get(id)
      const text = entity instanceof Y.Map ? (entity as Y.Map<unknown>).get(NOTES) : undefined
      const notes = text instanceof Y.Text ? text.toJSON() : ''
      notesCache.set(id, notes)
      return notes
    },
  }
}

export type MeetingStore = ReturnType<typeof createMeetingStore>
