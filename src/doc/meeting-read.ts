/**
 * How a meeting is stored: its keys (attending groups and people as set members, agenda
 * items, decisions and actions each under their own key, so concurrent edits of different
 * ones all survive), reading one back from whatever a peer wrote, and the patch a form makes.
 */
import * as Y from 'yjs'
import {
  AGENDA_TEXT_MAX,
  isDecisionMethod,
  isDueDate,
  isLocalDateTime,
  isMeetingKind,
  isRsvpAnswer,
  MEETING_PEOPLE_MAX,
  MEETING_TEXT_MAX,
  MEETING_TITLE_MAX,
  personKey,
  type Action,
  type AgendaItem,
  type AgendaItemId,
  type Decision,
  type Meeting,
  type MeetingFields,
  type MeetingId,
  type Rsvp,
} from '../domain/meeting'
import { isTimeZone } from '../domain/zoned-time'
import { REMOVE_FIELD, type FieldValue } from './collection'
import { readLastChange } from './last-change'
import { fieldsOf, readString, readTime, type Fields } from './read'

export const NOTES = 'notes'
export const GROUP = 'group:'
/** `person:<name folded>` → the name as typed: one key per person, whoever adds them. */
export const PERSON = 'person:'
export const AGENDA = 'agenda:'
export const DECISION = 'decision:'
export const ACTION = 'action:'
/** `rsvp:<name folded>` → { name, answer, groupId, at }: one answer per person, the last kept. */
export const RSVP = 'rsvp:'
export const GROUP_ID = /^[A-Za-z0-9_-]{8,64}$/
export const ENTRY_TEXT_MAX = 1_000

export function readMeeting(id: string, fields: Fields, meta: Meeting): Meeting | undefined {
  const title = readString(fields, 'title', MEETING_TITLE_MAX)?.trim()
  const startsAt = readString(fields, 'startsAt', 16)
  if (!title || startsAt === undefined || !isLocalDateTime(startsAt)) return undefined
  const kind = fields.get('kind')
  const groupIds: string[] = []
  const people: string[] = []
  const agenda: AgendaItem[] = []
  const removedAgenda: AgendaItem[] = []
  const decisions: Decision[] = []
  const actions: Action[] = []
  const rsvps: Rsvp[] = []
  for (const [key, value] of fields) {
    const groupId = key.slice(GROUP.length)
    if (key.startsWith(GROUP) && value === true && GROUP_ID.test(groupId)) groupIds.push(groupId)
    if (key.startsWith(PERSON) && typeof value === 'string' && people.length < MEETING_PEOPLE_MAX) {
      const name = value.trim().slice(0, MEETING_TEXT_MAX)
      if (name !== '' && personKey(name) === key.slice(PERSON.length)) people.push(name)
    }
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
    if (key.startsWith(RSVP) && rsvps.length < MEETING_PEOPLE_MAX) {
      const rsvp = readRsvp(key.slice(RSVP.length), value)
      if (rsvp) rsvps.push(rsvp)
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
  const lastChange = readLastChange(fields.get('lastChange'))
  return {
    ...meta,
    ...(lastChange && { lastChange }),
    id: id as MeetingId,
    title,
    kind: isMeetingKind(kind) ? kind : 'other',
    startsAt,
    timeZone: readZone(fields.get('timeZone')),
    place: readString(fields, 'place', MEETING_TEXT_MAX) ?? '',
    facilitator: readString(fields, 'facilitator', MEETING_TEXT_MAX) ?? '',
    noteTaker: readString(fields, 'noteTaker', MEETING_TEXT_MAX) ?? '',
    groupIds: groupIds.sort(),
    people: people.sort((a, b) => a.localeCompare(b)),
    hasNotes: fields.get(NOTES) instanceof Y.Text,
    agenda,
    removedAgenda,
    decisions,
    actions,
    rsvps: rsvps.sort((a, b) => a.name.localeCompare(b.name)),
  }
}

function readRsvp(key: string, value: unknown): Rsvp | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const { name, answer, groupId, at } = value as Record<string, unknown>
  if (typeof name !== 'string' || personKey(name) !== key || name.trim() === '') return undefined
  if (!isRsvpAnswer(answer) || typeof at !== 'number' || !Number.isFinite(at)) return undefined
  const group = typeof groupId === 'string' && GROUP_ID.test(groupId) ? groupId : ''
  return { name: name.trim().slice(0, MEETING_TEXT_MAX), answer, groupId: group, at }
}

const readZone = (value: unknown): string =>
  typeof value === 'string' && isTimeZone(value) ? value : ''

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
export function patchOf(
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
  const hadPeople = new Map((before?.people ?? []).map((name) => [personKey(name), name]))
  const hasPeople = new Map(after.people.map((name) => [personKey(name), name.trim()]))
  for (const [key, name] of hasPeople)
    if (key !== '' && hadPeople.get(key) !== name) patch[`${PERSON}${key}`] = name
  for (const key of hadPeople.keys())
    if (!hasPeople.has(key)) patch[`${PERSON}${key}`] = REMOVE_FIELD
  return patch
}
