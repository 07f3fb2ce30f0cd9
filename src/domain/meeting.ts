/**
 * Meetings of the network: dialogue spaces, workshops, group meetings. The shared notes are a
 * collaborative text held by doc/ (not part of this plain record); agenda, decisions, actions
 * and attendance for stipends build on this record.
 */
import type { EntityMeta } from './entity'
import type { LastChange } from './group'
import type { Brand } from './ids'

export type MeetingId = Brand<string, 'MeetingId'>

export const MEETING_KINDS = ['dialogue', 'workshop', 'group-meeting', 'other'] as const
export type MeetingKind = (typeof MEETING_KINDS)[number]

export interface Meeting extends EntityMeta<MeetingId> {
  readonly title: string
  readonly kind: MeetingKind
  /** Local date and time as typed, `YYYY-MM-DDTHH:MM` (a meeting happens where it happens). */
  readonly startsAt: string
  /**
   * The IANA time zone `startsAt` is in (the zone of the phone that made the meeting), so a
   * phone elsewhere and a calendar file read the right hour; '' for meetings made before
   * zones were kept, read in the reader's own zone.
   */
  readonly timeZone: string
  /** A place, or a call link (http/https only). */
  readonly place: string
  readonly facilitator: string
  readonly noteTaker: string
  /** Ids of the groups that attended (or are expected). */
  readonly groupIds: readonly string[]
  /** Names of the people who came, as typed or picked from the groups' people. */
  readonly people: readonly string[]
  /** Whether the shared notes exist (the text itself is read and edited through doc/). */
  readonly hasNotes: boolean
  /** In agenda order; items taken off are in `removedAgenda`, most recent first. */
  readonly agenda: readonly AgendaItem[]
  readonly removedAgenda: readonly AgendaItem[]
  /** In the order they were recorded. */
  readonly decisions: readonly Decision[]
  readonly actions: readonly Action[]
  /** Who said they are coming, one answer per person (the latest they gave), by name. */
  readonly rsvps: readonly Rsvp[]
  /** Who last changed the meeting's details or lists (not its notes), where recorded. */
  readonly lastChange?: LastChange
}

export const RSVP_ANSWERS = ['going', 'maybe', 'no'] as const
export type RsvpAnswer = (typeof RSVP_ANSWERS)[number]

export interface Rsvp {
  readonly name: string
  readonly answer: RsvpAnswer
  /** The group the person came for ('' when the phone has not said which group it is). */
  readonly groupId: string
  readonly at: number
}

export const isRsvpAnswer = (value: unknown): value is RsvpAnswer =>
  typeof value === 'string' && (RSVP_ANSWERS as readonly string[]).includes(value)

export interface RsvpCounts {
  readonly going: number
  readonly maybe: number
  readonly no: number
}

/** Answers counted in all, and per group ('' for people whose group is not known). */
export function rsvpCounts(rsvps: readonly Rsvp[]): {
  readonly all: RsvpCounts
  readonly byGroup: ReadonlyMap<string, RsvpCounts>
} {
  const add = (counts: RsvpCounts | undefined, answer: RsvpAnswer): RsvpCounts => {
    const base = counts ?? { going: 0, maybe: 0, no: 0 }
    return { ...base, [answer]: base[answer] + 1 }
  }
  let all: RsvpCounts = { going: 0, maybe: 0, no: 0 }
  const byGroup = new Map<string, RsvpCounts>()
  for (const rsvp of rsvps) {
    all = add(all, rsvp.answer)
    byGroup.set(rsvp.groupId, add(byGroup.get(rsvp.groupId), rsvp.answer))
  }
  return { all, byGroup }
}

export const DECISION_METHODS = ['consensus', 'consent', 'vote'] as const
export type DecisionMethod = (typeof DECISION_METHODS)[number]

export interface Decision {
  readonly id: string
  readonly text: string
  readonly method: DecisionMethod
  /** e.g. "agreed", "12 for, 2 against" */
  readonly outcome: string
  readonly createdAt: number
}

export interface Action {
  readonly id: string
  readonly what: string
  /** A person's name or a group's name, as typed. */
  readonly who: string
  /** `YYYY-MM-DD`, or '' for no date. */
  readonly due: string
  readonly done: boolean
  readonly createdAt: number
}

export const isDecisionMethod = (value: unknown): value is DecisionMethod =>
  typeof value === 'string' && (DECISION_METHODS as readonly string[]).includes(value)

export const isDueDate = (value: string): boolean =>
  value === '' || isLocalDateTime(`${value}T00:00`)

/** Open actions across meetings: overdue first (oldest due first), then by due date, undated last. */
export function openActions(
  meetings: readonly Meeting[],
  today: string,
  who = '',
): { readonly meeting: Meeting; readonly action: Action; readonly overdue: boolean }[] {
  const wanted = who.trim().toLocaleLowerCase()
  const rows = meetings.flatMap((meeting) =>
    meeting.actions
      .filter((a) => !a.done && (wanted === '' || a.who.toLocaleLowerCase().includes(wanted)))
      .map((action) => ({ meeting, action, overdue: action.due !== '' && action.due < today })),
  )
  const key = (row: (typeof rows)[number]) =>
    row.action.due === '' ? '9999-99-99' : row.action.due
  return rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
}

export type AgendaItemId = Brand<string, 'AgendaItemId'>

export interface AgendaItem {
  readonly id: AgendaItemId
  readonly text: string
  /** Position (fractional, so two phones reordering never duplicate or lose an item). */
  readonly order: number
  readonly removedAt?: number
}

export const AGENDA_TEXT_MAX = 300
export const AGENDA_MAX = 60

/** An order value that puts an item at `index` among `others` (already in order). */
export function orderAt(others: readonly { readonly order: number }[], index: number): number {
  const at = Math.max(0, Math.min(others.length, Math.trunc(index)))
  const before = others[at - 1]?.order
  const after = others[at]?.order
  if (before === undefined) return (after ?? 1) - 1
  if (after === undefined) return before + 1
  return (before + after) / 2
}

export const MEETING_TITLE_MAX = 160
export const MEETING_TEXT_MAX = 200

export type MeetingFields = Pick<
  Meeting,
  'title' | 'kind' | 'startsAt' | 'place' | 'facilitator' | 'noteTaker' | 'groupIds' | 'people'
>

/** People listed at one meeting: a large assembly, not a whole town. */
export const MEETING_PEOPLE_MAX = 300

/** One key per person, whoever adds them: "Ana " and "ana" are the same person at a meeting. */
export function personKey(name: string): string {
  return name.trim().normalize('NFC').toLocaleLowerCase()
}

export type MeetingFieldError =
  'title-required' | 'title-too-long' | 'date-invalid' | 'text-too-long' | 'link-not-web'

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/

export function isMeetingKind(value: unknown): value is MeetingKind {
  return typeof value === 'string' && (MEETING_KINDS as readonly string[]).includes(value)
}

/** A real calendar date and time in `YYYY-MM-DDTHH:MM` form (what <input type=datetime-local> gives). */
export function isLocalDateTime(value: string): boolean {
  const match = LOCAL_DATE_TIME.exec(value)
  if (!match) return false
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number]
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi))
  return (
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    h < 24 &&
    mi < 60
  )
}

/** A place that looks like a link must be a web link (no javascript:, data: and the like). */
function placeError(place: string): MeetingFieldError | undefined {
  if (place.length > MEETING_TEXT_MAX) return 'text-too-long'
  if (!/^[a-z][a-z0-9+.-]*:/i.test(place.trim())) return undefined
  return /^https?:\/\/\S+$/i.test(place.trim()) ? undefined : 'link-not-web'
}

export function validateMeetingFields(
  fields: MeetingFields,
): Partial<Record<keyof MeetingFields, MeetingFieldError>> {
  const errors: Partial<Record<keyof MeetingFields, MeetingFieldError>> = {}
  const title = fields.title.trim()
  if (title === '') errors.title = 'title-required'
  else if (title.length > MEETING_TITLE_MAX) errors.title = 'title-too-long'
  if (!isLocalDateTime(fields.startsAt)) errors.startsAt = 'date-invalid'
  const place = placeError(fields.place)
  if (place) errors.place = place
  if (fields.facilitator.length > MEETING_TEXT_MAX) errors.facilitator = 'text-too-long'
  if (fields.noteTaker.length > MEETING_TEXT_MAX) errors.noteTaker = 'text-too-long'
  return errors
}

/** Upcoming first (soonest first), then past (most recent first), relative to `now`. */
export function splitByTime(
  meetings: readonly Meeting[],
  now: string,
): { readonly upcoming: Meeting[]; readonly past: Meeting[] } {
  const upcoming = meetings
    .filter((m) => m.startsAt >= now)
    .sort((a, b) => (a.startsAt < b.startsAt ? -1 : 1))
  const past = meetings
    .filter((m) => m.startsAt < now)
    .sort((a, b) => (a.startsAt > b.startsAt ? -1 : 1))
  return { upcoming, past }
}

/** Now as `YYYY-MM-DDTHH:MM` in local time, to compare with `startsAt`. */
export function localNow(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`
}

/** Lower case without accents, for search that forgives "reunion" for "reunión". */
export const fold = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase()

export interface MeetingFilter {
  readonly query: string
  readonly kind: MeetingKind | ''
  readonly groupId: string
}

/**
 * What a search has already folded, per meeting: a record is immutable and its notes string
 * comes back as the same string while unchanged, so each meeting is folded once, not on
 * every keystroke in the search box (folding 10 MB of notes takes longer than searching it).
 */
export type SearchCache = WeakMap<Meeting, { readonly notes: string; readonly haystack: string }>

export const createSearchCache = (): SearchCache => new WeakMap()

/** Meetings matching every word of the query in title, notes, decisions or actions, and the filters. */
export function filterMeetings(
  meetings: readonly Meeting[],
  filter: MeetingFilter,
  notesOf: (meeting: Meeting) => string,
  cache: SearchCache = createSearchCache(),
): Meeting[] {
  const words = fold(filter.query).split(/\s+/).filter(Boolean)
  const haystackOf = (m: Meeting) => {
    const notes = notesOf(m)
    const cached = cache.get(m)
    if (cached?.notes === notes) return cached.haystack
    const haystack = fold(
      [
        m.title,
        m.place,
        notes,
        ...m.agenda.map((i) => i.text),
        ...m.decisions.map((d) => `${d.text} ${d.outcome}`),
        ...m.actions.map((a) => `${a.what} ${a.who}`),
      ].join('\n'),
    )
    cache.set(m, { notes, haystack })
    return haystack
  }
  return meetings.filter((m) => {
    if (filter.kind !== '' && m.kind !== filter.kind) return false
    if (filter.groupId !== '' && !m.groupIds.includes(filter.groupId)) return false
    if (words.length === 0) return true
    const haystack = haystackOf(m)
    return words.every((word) => haystack.includes(word))
  })
}
