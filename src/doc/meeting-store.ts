/**
 * Meetings of a space, each a nested Y.Map of fields plus its shared notes: a Y.Text created
 * with the meeting in one transaction and never replaced, so two people typing at the same
 * meeting (online, or offline and merged later) keep every character. Attending groups are
 * set members (`group:<id>` keys), so two devices adding different groups both keep theirs.
 */
import * as Y from 'yjs'
import {
  AGENDA_MAX,
  AGENDA_TEXT_MAX,
  isDecisionMethod,
  isDueDate,
  isLocalDateTime,
  isMeetingKind,
  orderAt,
  type Action,
  type Decision,
  type DecisionMethod,
  type AgendaItem,
  type AgendaItemId,
  MEETING_TEXT_MAX,
  MEETING_TITLE_MAX,
  type Meeting,
  type MeetingFields,
  type MeetingId,
} from '../domain/meeting'
import { createCollection, nestedFields, REMOVE_FIELD, type FieldValue } from './collection'
import { fieldsOf, readString, readTime, type Fields } from './read'
import { newId } from '../domain/ids'
import { ROOT, type SpaceDoc } from './schema'
import { toTextHandle, type TextHandle } from './text-handle'

const NOTES = 'notes'
const GROUP = 'group:'
const AGENDA = 'agenda:'
const DECISION = 'decision:'
const ACTION = 'action:'
const GROUP_ID = /^[A-Za-z0-9_-]{8,64}$/
const ENTRY_TEXT_MAX = 1_000

function read(id: string, fields: Fields, meta: Meeting): Meeting | undefined {
  const title = readString(fields, 'title', MEETING_TITLE_MAX)?.trim()
  const startsAt = readString(fields, 'startsAt', 16)
  if (!title || startsAt === undefined || !isLocalDateTime(startsAt)) return undefined
  const kind = fields.get('kind')
  const groupIds: string[] = []
  const agenda: AgendaItem[] = []
  const removedAgenda: AgendaItem[] = []
  const decisions: Decision[] = []
  const actions: Action[] = []
  for (const [key, value] of fields) {
    const groupId = key.slice(GROUP.length)
    if (key.startsWith(GROUP) && value === true && GROUP_ID.test(groupId)) groupIds.push(groupId)
    if (key.startsWith(AGENDA)) {
      const item = readAgendaItem(key.slice(AGENDA.length), value)
      if (item) (item.removedAt === undefined ? agenda : removedAgenda).push(item)
    }
    if (key.startsWith(DECISION)) {
      const decision = readDecision(key.slice(DECISION.length), value)
      if (decision) decisions.push(decision)
    }
    if (key.startsWith(ACTION)) {
      const action = readAction(key.slice(ACTION.length), value)
      if (action) actions.push(action)
    }
  }
  const byOrder = (a: AgendaItem, b: AgendaItem) =>
    a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  agenda.sort(byOrder)
  const byCreated = (a: { createdAt: number; id: string }, b: { createdAt: number; id: string }) =>
    a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  decisions.sort(byCreated)
  actions.sort(byCreated)
  removedAgenda.sort((a, b) => (b.removedAt ?? 0) - (a.removedAt ?? 0) || byOrder(a, b))
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
    agenda,
    removedAgenda,
    decisions,
    actions,
  }
}

/** Entries taken off (removedAt) are not shown; a text is required. */
function readDecision(id: string, value: unknown): Decision | undefined {
  const fields = fieldsOf(value)
  if (!fields || !GROUP_ID.test(id) || readTime(fields, 'removedAt') !== undefined) return undefined
  const text = readString(fields, 'text', ENTRY_TEXT_MAX)?.trim()
  const method = fields.get('method')
  if (!text) return undefined
  return {
    id,
    text,
    method: isDecisionMethod(method) ? method : 'consensus',
    outcome: readString(fields, 'outcome', MEETING_TEXT_MAX) ?? '',
    createdAt: readTime(fields, 'createdAt') ?? 0,
  }
}

function readAction(id: string, value: unknown): Action | undefined {
  const fields = fieldsOf(value)
  if (!fields || !GROUP_ID.test(id) || readTime(fields, 'removedAt') !== undefined) return undefined
  const what = readString(fields, 'what', ENTRY_TEXT_MAX)?.trim()
  if (!what) return undefined
  const due = readString(fields, 'due', 10) ?? ''
  return {
    id,
    what,
    who: readString(fields, 'who', MEETING_TEXT_MAX) ?? '',
    due: isDueDate(due) ? due : '',
    done: fields.get('done') === true,
    createdAt: readTime(fields, 'createdAt') ?? 0,
  }
}

function readAgendaItem(id: string, value: unknown): AgendaItem | undefined {
  const fields = fieldsOf(value)
  if (!fields || !GROUP_ID.test(id)) return undefined
  const text = readString(fields, 'text', AGENDA_TEXT_MAX)?.trim()
  const order = fields.get('order')
  if (!text || typeof order !== 'number' || !Number.isFinite(order)) return undefined
  const removedAt = readTime(fields, 'removedAt')
  const item = { id: id as AgendaItemId, text, order }
  return removedAt === undefined ? item : { ...item, removedAt }
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
  const meetings = createCollection<Meeting>(doc, {
    root: ROOT.meetings,
    read: (id, fields, meta) => read(id, fields, meta as Meeting),
    compare: (a, b) => (a.startsAt < b.startsAt ? 1 : a.startsAt > b.startsAt ? -1 : 0),
    ...(now ? { now } : {}),
  })
  /** Whether a meeting holds an entry (decision, action) under `key`: no half-made entries. */
  const hasEntry = (id: MeetingId, key: string) => {
    const entity = root.get(id)
    return entity instanceof Y.Map && (entity as Y.Map<unknown>).get(key) instanceof Y.Map
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
    rewordAgendaItem(id: MeetingId, itemId: AgendaItemId, text: string): boolean {
      const clean = text.trim().slice(0, AGENDA_TEXT_MAX)
      if (clean === '' || !hasItem(id, itemId)) return false
      return meetings.update(id, { [`${AGENDA}${itemId}`]: nestedFields({ text: clean }) })
    },
    /** Moves an item to a position among the others (0 = first): one number changes. */
    moveAgendaItem(id: MeetingId, itemId: AgendaItemId, toIndex: number): boolean {
      const meeting = meetings.getSnapshot().byId.get(id)
      if (!meeting?.agenda.some((item) => item.id === itemId)) return false
      const others = meeting.agenda.filter((item) => item.id !== itemId)
      const order = orderAt(others, toIndex)
      return meetings.update(id, { [`${AGENDA}${itemId}`]: nestedFields({ order }) })
    },
    removeAgendaItem(id: MeetingId, itemId: AgendaItemId): boolean {
      if (!hasItem(id, itemId)) return false
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
    removeDecision: (id: MeetingId, entryId: string) =>
      hasEntry(id, `${DECISION}${entryId}`) &&
      meetings.update(id, {
        [`${DECISION}${entryId}`]: nestedFields({ removedAt: (now ?? Date.now)() }),
      }),
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
    /** Done or not: one field, so another phone's edit of the same action's text survives. */
    setActionDone: (id: MeetingId, entryId: string, done: boolean) =>
      hasEntry(id, `${ACTION}${entryId}`) &&
      meetings.update(id, { [`${ACTION}${entryId}`]: nestedFields({ done }) }),
    removeAction: (id: MeetingId, entryId: string) =>
      hasEntry(id, `${ACTION}${entryId}`) &&
      meetings.update(id, {
        [`${ACTION}${entryId}`]: nestedFields({ removedAt: (now ?? Date.now)() }),
      }),
    restoreAgendaItem(id: MeetingId, itemId: AgendaItemId): boolean {
      if (!hasItem(id, itemId)) return false
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
