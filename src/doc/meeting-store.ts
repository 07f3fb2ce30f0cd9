/**
 * Meetings of a space, each a nested Y.Map of fields plus its shared notes: a Y.Text created
 * with the meeting in one transaction and never replaced, so two people typing at the same
 * meeting (online, or offline and merged later) keep every character. Attending groups are
 * set members (`group:<id>` keys), so two devices adding different groups both keep theirs.
 */
import * as Y from 'yjs'
import {
  isLocalDateTime,
  isMeetingKind,
  MEETING_TEXT_MAX,
  MEETING_TITLE_MAX,
  type Meeting,
  type MeetingFields,
  type MeetingId,
} from '../domain/meeting'
import { createCollection, REMOVE_FIELD, type FieldValue } from './collection'
import { readString, type Fields } from './read'
import { ROOT, type SpaceDoc } from './schema'
import { toTextHandle, type TextHandle } from './text-handle'

const NOTES = 'notes'
const GROUP = 'group:'
const GROUP_ID = /^[A-Za-z0-9_-]{8,64}$/

function read(id: string, fields: Fields, meta: Meeting): Meeting | undefined {
  const title = readString(fields, 'title', MEETING_TITLE_MAX)?.trim()
  const startsAt = readString(fields, 'startsAt', 16)
  if (!title || startsAt === undefined || !isLocalDateTime(startsAt)) return undefined
  const kind = fields.get('kind')
  const groupIds: string[] = []
  for (const [key, value] of fields) {
    const groupId = key.slice(GROUP.length)
    if (key.startsWith(GROUP) && value === true && GROUP_ID.test(groupId)) groupIds.push(groupId)
  }
  return {
    ...meta,
    id: id as MeetingId,
    title,
    kind: isMeetingKind(kind) ? kind : 'other',
    startsAt,
    place: readString(fields, 'place', MEETING_TEXT_MAX) ?? '',
    facilitator: readString(fields, 'facilitator', MEETING_TEXT_MAX) ?? '',
    noteTaker: readString(fields, 'noteTaker', MEETING_TEXT_MAX) ?? '',
    groupIds: groupIds.sort(),
    hasNotes: fields.get(NOTES) instanceof Y.Text,
  }
}

/** The fields a form changed, with groups as set members added or removed one by one. */
function patchOf(
  before: MeetingFields | undefined,
  after: MeetingFields,
): Record<string, FieldValue | undefined> {
  const patch: Record<string, FieldValue | undefined> = {}
  for (const key of ['title', 'kind', 'startsAt', 'place', 'facilitator', 'noteTaker'] as const) {
    const value = key === 'title' ? after.title.trim() : after[key]
    if (!before || before[key] !== value) patch[key] = value
  }
  const had = new Set(before?.groupIds ?? [])
  const has = new Set(after.groupIds)
  for (const id of has) if (!had.has(id)) patch[`${GROUP}${id}`] = true
  for (const id of had) if (!has.has(id)) patch[`${GROUP}${id}`] = REMOVE_FIELD
  return patch
}

export function createMeetingStore(doc: SpaceDoc, now?: () => number) {
  const meetings = createCollection<Meeting>(doc, {
    root: ROOT.meetings,
    read: (id, fields, meta) => read(id, fields, meta as Meeting),
    compare: (a, b) => (a.startsAt < b.startsAt ? 1 : a.startsAt > b.startsAt ? -1 : 0),
    ...(now ? { now } : {}),
  })
  const root = doc.getMap<unknown>(ROOT.meetings)
  return {
    subscribe: meetings.subscribe,
    getSnapshot: meetings.getSnapshot,
    addMeeting(fields: MeetingFields, notes = ''): MeetingId {
      return meetings.add(patchOf(undefined, fields), (entity) => {
        entity.set(NOTES, new Y.Text(notes))
      })
    },
    /** Writes only what changed between the form as opened and as saved. */
    updateMeetingFrom(id: MeetingId, before: MeetingFields, after: MeetingFields): boolean {
      return meetings.update(id, patchOf(before, after))
    },
    deleteMeeting: (id: MeetingId) => meetings.softDelete(id),
    restoreMeeting: (id: MeetingId) => meetings.restore(id),
    purgeDeleted: () => meetings.purgeDeleted(),
    /** The shared notes of a meeting, for the notes editor; undefined if it has none. */
    notesOf(id: MeetingId): TextHandle | undefined {
      const entity = root.get(id)
      const text = entity instanceof Y.Map ? (entity as Y.Map<unknown>).get(NOTES) : undefined
      return text instanceof Y.Text ? toTextHandle(text) : undefined
    },
    /** The notes as plain text (search, Markdown minutes). */
    notesText(id: MeetingId): string {
      const entity = root.get(id)
      const text = entity instanceof Y.Map ? (entity as Y.Map<unknown>).get(NOTES) : undefined
      return text instanceof Y.Text ? text.toJSON() : ''
    },
  }
}

export type MeetingStore = ReturnType<typeof createMeetingStore>
