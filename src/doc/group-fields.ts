/**
 * How a group profile is laid out in its Y.Map, both ways: the tolerant reader (stored fields →
 * a valid Group, or undefined) and the writer (domain fields → the fields to write).
 *
 * Every independently editable value has its own key, so edits of different values on two
 * devices both survive: scalars by name (`website`), set members and per-field choices as
 * prefixed keys (`activity:AM60` → true, `language:es` → true, `visibility:email` → 'public',
 * `criterion:<id>` → {answer, note}), and each person as a nested Y.Map under `person:<id>`
 * (made by the one device that adds the person, so two devices adding people never collide;
 * a shared `people` map created lazily on two devices would drop one device's people).
 */
import {
  CRITERION_NOTE_MAX,
  isCriterionAnswerValue,
  type CriterionAnswer,
  type CriterionId,
} from '../domain/criteria'
import { COUNTRY_CODES, listTerms, isTermOf, type EssglobalVocabulary } from '../domain/essglobal'
import {
  canonicalLanguage,
  CONTACT_OTHER_MAX,
  EMAIL_MAX,
  GROUP_NAME_MAX,
  GROUP_STORY_MAX,
  GROUP_SUMMARY_MAX,
  isGeographicScope,
  isGroupStatus,
  isVisibilityField,
  MEMBER_COUNT_MAX,
  normaliseUrl,
  PERSON_NAME_MAX,
  PERSON_ROLE_MAX,
  PHONE_MAX,
  PLACE_PART_MAX,
  URL_MAX,
  VISIBILITY_FIELDS,
  YEAR_FOUNDED_MIN,
  type Contacts,
  type Group,
  type GroupFields,
  type Person,
  type PersonFields,
  type PersonId,
  type VisibilityField,
  type Visibility,
} from '../domain/group'
import type { GroupId } from '../domain/ids'
import type { EntityMeta } from '../domain/entity'
import { REMOVE_FIELD, jsonEqual, type FieldValue, type JsonValue } from './collection'
import { readLastChange } from './last-change'
import { fieldsOf, readId, readString, readTime, type Fields } from './read'

export const KEY = {
  activity: 'activity:',
  language: 'language:',
  visibility: 'visibility:',
  person: 'person:',
  criterion: 'criterion:',
} as const

type Patch = Record<string, FieldValue | undefined>

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function readTerm(fields: Fields, key: string, vocabulary: EssglobalVocabulary) {
  const value = fields.get(key)
  return typeof value === 'string' && isTermOf(vocabulary, value) ? value : undefined
}

function readWhole(fields: Fields, key: string, min: number, max: number) {
  const value = fields.get(key)
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
    ? value
    : undefined
}

/** Members of a set stored as `prefix<member>` → true. */
function readSet(fields: Fields, prefix: string): string[] {
  const members: string[] = []
  for (const [key, value] of fields) {
    if (key.startsWith(prefix) && value === true) members.push(key.slice(prefix.length))
  }
  return members
}

function readContacts(fields: Fields): Contacts {
  return {
    email: readString(fields, 'email', EMAIL_MAX)?.trim() ?? '',
    phone: readString(fields, 'phone', PHONE_MAX)?.trim() ?? '',
    other: readString(fields, 'otherContact', CONTACT_OTHER_MAX)?.trim() ?? '',
  }
}

function readPerson(id: string, value: unknown): [Person, boolean] | undefined {
  const fields = fieldsOf(value)
  const personId = readId(id)
  if (!fields || !personId) return undefined
  const name = readString(fields, 'name', PERSON_NAME_MAX)?.trim()
  if (!name) return undefined
  const person: Person = {
    id: personId as PersonId,
    name,
    role: readString(fields, 'role', PERSON_ROLE_MAX)?.trim() ?? '',
    contacts: readContacts(fields),
    addedAt: readTime(fields, 'addedAt') ?? 0,
  }
  return [person, readTime(fields, 'removedAt') !== undefined]
}

function readAnswer(value: unknown): CriterionAnswer | undefined {
  if (!isRecord(value) || !isCriterionAnswerValue(value.answer)) return undefined
  const note = typeof value.note === 'string' ? value.note.slice(0, CRITERION_NOTE_MAX) : ''
  return { answer: value.answer, note }
}

const vocabularyOrder = (vocabulary: EssglobalVocabulary) =>
  new Map(listTerms(vocabulary).map((term, index) => [term.id, index]))
const activityOrder = vocabularyOrder('activities')

/** Turns the stored fields of one group into a valid Group, or undefined to skip it. */
export function readGroup(fields: Fields, meta: EntityMeta): Group | undefined {
  const name = readString(fields, 'name', GROUP_NAME_MAX)?.trim()
  if (!name) return undefined // a group without a name is not a group
  const people: Person[] = []
  const removedPeople: Person[] = []
  const criteria: Record<CriterionId, CriterionAnswer> = {}
  const visibility: Partial<Record<VisibilityField, Visibility>> = {}
  for (const [key, value] of fields) {
    if (key.startsWith(KEY.person)) {
      const [person, removed] = readPerson(key.slice(KEY.person.length), value) ?? []
      if (person) (removed ? removedPeople : people).push(person)
    } else if (key.startsWith(KEY.criterion)) {
      const id = readId(key.slice(KEY.criterion.length))
      const answer = readAnswer(value)
      if (id && answer) criteria[id as CriterionId] = answer
    } else if (key.startsWith(KEY.visibility)) {
      const field = key.slice(KEY.visibility.length)
      if (isVisibilityField(field) && (value === 'public' || value === 'network'))
        visibility[field] = value
    }
  }
  const byAdded = (a: Person, b: Person) =>
    a.addedAt - b.addedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  people.sort(byAdded)
  removedPeople.sort(byAdded)
  const activities = readSet(fields, KEY.activity)
    .filter((id) => isTermOf('activities', id))
    .sort((a, b) => (activityOrder.get(a) ?? 0) - (activityOrder.get(b) ?? 0))
  const languages = [
    ...new Set(readSet(fields, KEY.language).flatMap((tag) => canonicalLanguage(tag) ?? [])),
  ].sort()
  const website = normaliseUrl(readString(fields, 'website', URL_MAX) ?? '') ?? ''
  const country = readString(fields, 'country', 10) ?? ''
  const scope = fields.get('scope')
  const status = fields.get('status')
  const joinedAt = readString(fields, 'joinedAt', 10)
  const legalForm = readTerm(fields, 'legalForm', 'legalForm')
  const structure = readTerm(fields, 'organisationalStructure', 'organisationalStructure')
  const membershipType = readTerm(fields, 'membershipType', 'membershipType')
  const yearFounded = readWhole(fields, 'yearFounded', YEAR_FOUNDED_MIN, 9999)
  const memberCount = readWhole(fields, 'memberCount', 0, MEMBER_COUNT_MAX)
  const lastChange = readLastChange(fields.get('lastChange'))
  return {
    ...meta,
    id: meta.id as GroupId,
    name,
    summary: readString(fields, 'summary', GROUP_SUMMARY_MAX) ?? '',
    story: readString(fields, 'story', GROUP_STORY_MAX) ?? '',
    place: {
      locality: readString(fields, 'locality', PLACE_PART_MAX)?.trim() ?? '',
      region: readString(fields, 'region', PLACE_PART_MAX)?.trim() ?? '',
      country: COUNTRY_CODES.has(country) ? country : '',
    },
    activities,
    languages,
    website,
    contacts: readContacts(fields),
    visibility,
    people,
    removedPeople,
    criteria,
    ...(isGeographicScope(scope) && { scope }),
    ...(legalForm && { legalForm }),
    ...(structure && { organisationalStructure: structure }),
    ...(membershipType && { membershipType }),
    ...(yearFounded !== undefined && { yearFounded }),
    ...(memberCount !== undefined && { memberCount }),
    ...(isGroupStatus(status) && { status }),
    ...(joinedAt && /^\d{4}-\d{2}-\d{2}$/.test(joinedAt) && { joinedAt }),
    ...(lastChange && { lastChange }),
  }
}

/** The atomic fields of a profile as stored; `null` means "not given". */
function scalars(fields: GroupFields): Record<string, JsonValue> {
  const text = (value: string | undefined) => value?.trim() ?? ''
  return {
    name: text(fields.name),
    summary: text(fields.summary),
    story: text(fields.story),
    locality: text(fields.place?.locality),
    region: text(fields.place?.region),
    country: text(fields.place?.country).toUpperCase(),
    scope: fields.scope ?? null,
    legalForm: fields.legalForm || null,
    organisationalStructure: fields.organisationalStructure || null,
    membershipType: fields.membershipType || null,
    yearFounded: fields.yearFounded ?? null,
    memberCount: fields.memberCount ?? null,
    website: fields.website?.trim() ? (normaliseUrl(fields.website) ?? '') : '',
    email: text(fields.contacts?.email),
    phone: text(fields.contacts?.phone),
    otherContact: text(fields.contacts?.other),
    status: fields.status ?? null,
    joinedAt: fields.joinedAt?.trim() || null,
  }
}

function setChanges(prefix: string, before: readonly string[], after: readonly string[]): Patch {
  const patch: Patch = {}
  const kept = new Set(after)
  for (const member of before) if (!kept.has(member)) patch[prefix + member] = REMOVE_FIELD
  for (const member of after) if (!before.includes(member)) patch[prefix + member] = true
  return patch
}

/**
 * The fields to write to turn `before` into `after`: only what changed, and set members one
 * by one, so whatever another device changed meanwhile (and this form never touched) survives.
 */
export function groupPatch(before: GroupFields | undefined, after: GroupFields): Patch {
  const patch: Patch = {}
  const from = before ? scalars(before) : {}
  for (const [key, value] of Object.entries(scalars(after))) {
    if (before ? !jsonEqual(from[key], value) : value !== null) patch[key] = value
  }
  const languages = (list: readonly string[] | undefined) =>
    (list ?? []).flatMap((tag) => canonicalLanguage(tag) ?? [])
  Object.assign(
    patch,
    setChanges(KEY.activity, before?.activities ?? [], after.activities ?? []),
    setChanges(KEY.language, languages(before?.languages), languages(after.languages)),
  )
  for (const field of VISIBILITY_FIELDS) {
    const was = before?.visibility?.[field]
    const now = after.visibility?.[field]
    if (now !== undefined && now !== was) patch[KEY.visibility + field] = now
    else if (now === undefined && was !== undefined) patch[KEY.visibility + field] = REMOVE_FIELD
  }
  return patch
}

/** The stored fields of a person; only the given ones on an update. */
export function personPatch(fields: Partial<PersonFields>): Patch {
  return {
    name: fields.name?.trim(),
    role: fields.role?.trim(),
    email: fields.contacts?.email.trim(),
    phone: fields.contacts?.phone.trim(),
    otherContact: fields.contacts?.other.trim(),
  }
}
