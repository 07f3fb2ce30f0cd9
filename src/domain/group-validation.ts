/**
 * Validation of what a person typed into a group profile, with the limits as constants. Errors
 * come back per field as codes (`'email-invalid'`); the UI turns each into a message through
 * the catalog key `profileError.<code>`. Nothing here throws on bad input.
 */
import { westernDigits } from './typed-numbers'
import { COUNTRY_CODES, isTermOf, type EssglobalVocabulary } from './essglobal'
import {
  isGeographicScope,
  isGroupStatus,
  type Contacts,
  type GeographicScope,
  type GroupFields,
  type GroupStatus,
  type PersonFields,
  type Visibilities,
} from './group'
import { ok, type Result } from './result'

export const GROUP_NAME_MAX = 120
export const GROUP_SUMMARY_MAX = 280
export const GROUP_STORY_MAX = 5_000
/** Murmurations allows 100 characters for locality and region. */
export const PLACE_PART_MAX = 100
export const URL_MAX = 2_000
export const EMAIL_MAX = 254
export const PHONE_MAX = 40
export const CONTACT_OTHER_MAX = 200
export const PERSON_NAME_MAX = 120
export const PERSON_ROLE_MAX = 120
export const PEOPLE_MAX = 100
export const ACTIVITIES_MAX = 20
export const LANGUAGES_MAX = 20
/** Older than any group a network is likely to hold, recent enough to catch typos (`202`). */
export const YEAR_FOUNDED_MIN = 1700
export const MEMBER_COUNT_MAX = 100_000_000

export type GroupFieldError =
  | 'name-required'
  | 'name-too-long'
  | 'summary-too-long'
  | 'story-too-long'
  | 'text-too-long'
  | 'country-invalid'
  | 'scope-invalid'
  | 'term-unknown'
  | 'too-many'
  | 'year-invalid'
  | 'year-out-of-range'
  | 'count-invalid'
  | 'count-out-of-range'
  | 'language-invalid'
  | 'url-invalid'
  | 'email-invalid'
  | 'phone-invalid'
  | 'status-invalid'
  | 'date-invalid'
  | 'date-out-of-range'

/** Fields that can carry an error: the form's fields, with place and contacts split. */
export type GroupErrorField =
  | Exclude<keyof GroupFields, 'place' | 'contacts' | 'visibility'>
  | 'locality'
  | 'region'
  | 'country'
  | 'email'
  | 'phone'
  | 'otherContact'
export type GroupFieldErrors = Partial<Record<GroupErrorField, GroupFieldError>>

/** Text fields exactly as typed in a form (numbers still text). */
export interface GroupDraft {
  readonly name: string
  readonly summary: string
  readonly story: string
  readonly locality: string
  readonly region: string
  readonly country: string
  readonly scope: GeographicScope | ''
  readonly activities: readonly string[]
  readonly legalForm: string
  readonly organisationalStructure: string
  readonly membershipType: string
  readonly yearFounded: string
  readonly memberCount: string
  readonly languages: readonly string[]
  readonly website: string
  readonly email: string
  readonly phone: string
  readonly otherContact: string
  readonly status: GroupStatus | ''
  readonly joinedAt: string
  readonly visibility: Visibilities
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/u
const PHONE = /^\+?[\d\s().-]+$/u
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** An http(s) URL, with `https://` added when the person left the scheme out. */
export function normaliseUrl(text: string): string | undefined {
  const trimmed = text.trim()
  if (trimmed === '' || trimmed.length > URL_MAX || /\s/.test(trimmed)) return undefined
  const withScheme = /^[a-z][a-z\d+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`
  let url: URL
  try {
    url = new URL(withScheme) // not URL.canParse: Safari before 17 lacks it
  } catch {
    return undefined // TypeError: not a URL, which is what we report
  }
  const ok = (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.')
  return ok ? withScheme : undefined
}

/** The canonical BCP 47 form of a language tag (`pt-br` → `pt-BR`), or undefined. */
export function canonicalLanguage(tag: string): string | undefined {
  const trimmed = tag.trim()
  if (trimmed === '' || trimmed.length > 35) return undefined
  try {
    const [canonical] = Intl.getCanonicalLocales(trimmed)
    return canonical
  } catch {
    return undefined // RangeError: not a well-formed tag, which is what we report
  }
}

function isValidDate(text: string, minYear: number, maxYear: number): GroupFieldError | undefined {
  const match = DATE.exec(text)
  if (!match) return 'date-invalid'
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return 'date-invalid'
  return year < minYear || year > maxYear ? 'date-out-of-range' : undefined
}

function tooLong(text: string | undefined, max: number): boolean {
  return text !== undefined && text.trim().length > max
}

function checkTerm(vocabulary: EssglobalVocabulary, id: string | undefined) {
  return id === undefined || id === '' || isTermOf(vocabulary, id) ? undefined : 'term-unknown'
}

/** Contact errors, shared by groups and people. */
function validateContacts(contacts: Contacts | undefined): GroupFieldErrors {
  const errors: GroupFieldErrors = {}
  if (!contacts) return errors
  const email = contacts.email.trim()
  if (email !== '' && (email.length > EMAIL_MAX || !EMAIL.test(email)))
    errors.email = 'email-invalid'
  const phone = contacts.phone.trim()
  const digits = phone.replace(/\D/g, '').length
  if (phone !== '' && (phone.length > PHONE_MAX || !PHONE.test(phone) || digits < 3))
    errors.phone = 'phone-invalid'
  if (tooLong(contacts.other, CONTACT_OTHER_MAX)) errors.otherContact = 'text-too-long'
  return errors
}

/**
 * Checks the fields a person entered; returns the errors per field (empty when valid).
 * `now` decides the latest valid year (a group cannot be founded next year).
 */
export function validateGroupFields(fields: GroupFields, now = Date.now()): GroupFieldErrors {
  const errors: GroupFieldErrors = {}
  const thisYear = new Date(now).getUTCFullYear()
  const name = fields.name.trim()
  if (name === '') errors.name = 'name-required'
  else if (name.length > GROUP_NAME_MAX) errors.name = 'name-too-long'
  if (tooLong(fields.summary, GROUP_SUMMARY_MAX)) errors.summary = 'summary-too-long'
  if (tooLong(fields.story, GROUP_STORY_MAX)) errors.story = 'story-too-long'
  if (tooLong(fields.place?.locality, PLACE_PART_MAX)) errors.locality = 'text-too-long'
  if (tooLong(fields.place?.region, PLACE_PART_MAX)) errors.region = 'text-too-long'
  const country = fields.place?.country.trim() ?? ''
  if (country !== '' && !COUNTRY_CODES.has(country)) errors.country = 'country-invalid'
  if (fields.scope !== undefined && !isGeographicScope(fields.scope)) errors.scope = 'scope-invalid'
  const activities = fields.activities ?? []
  if (activities.length > ACTIVITIES_MAX) errors.activities = 'too-many'
  else if (activities.some((id) => !isTermOf('activities', id))) errors.activities = 'term-unknown'
  const legalForm = checkTerm('legalForm', fields.legalForm)
  if (legalForm) errors.legalForm = legalForm
  const structure = checkTerm('organisationalStructure', fields.organisationalStructure)
  if (structure) errors.organisationalStructure = structure
  const membership = checkTerm('membershipType', fields.membershipType)
  if (membership) errors.membershipType = membership
  const year = fields.yearFounded
  if (year !== undefined) {
    if (!Number.isInteger(year)) errors.yearFounded = 'year-invalid'
    else if (year < YEAR_FOUNDED_MIN || year > thisYear) errors.yearFounded = 'year-out-of-range'
  }
  const count = fields.memberCount
  if (count !== undefined) {
    if (!Number.isInteger(count)) errors.memberCount = 'count-invalid'
    else if (count < 0 || count > MEMBER_COUNT_MAX) errors.memberCount = 'count-out-of-range'
  }
  const languages = fields.languages ?? []
  if (languages.length > LANGUAGES_MAX) errors.languages = 'too-many'
  else if (languages.some((tag) => canonicalLanguage(tag) === undefined))
    errors.languages = 'language-invalid'
  if (fields.website !== undefined && fields.website.trim() !== '') {
    if (normaliseUrl(fields.website) === undefined) errors.website = 'url-invalid'
  }
  Object.assign(errors, validateContacts(fields.contacts))
  if (fields.status !== undefined && !isGroupStatus(fields.status)) errors.status = 'status-invalid'
  if (fields.joinedAt !== undefined && fields.joinedAt !== '') {
    const joined = isValidDate(fields.joinedAt, YEAR_FOUNDED_MIN, thisYear + 1)
    if (joined) errors.joinedAt = joined
  }
  return errors
}

export type PersonFieldErrors = Partial<
  Record<'name' | 'role' | 'email' | 'phone' | 'otherContact', GroupFieldError>
>

export function validatePersonFields(fields: PersonFields): PersonFieldErrors {
  const errors: PersonFieldErrors = {}
  const name = fields.name.trim()
  if (name === '') errors.name = 'name-required'
  else if (name.length > PERSON_NAME_MAX) errors.name = 'name-too-long'
  if (tooLong(fields.role, PERSON_ROLE_MAX)) errors.role = 'text-too-long'
  const { email, phone, otherContact } = validateContacts(fields.contacts)
  return {
    ...errors,
    ...(email && { email }),
    ...(phone && { phone }),
    ...(otherContact && { otherContact }),
  }
}

function parseWhole(text: string): number | undefined | 'invalid' {
  // "1,200", "1 200" and "١٢٠٠" are how people type
  const trimmed = westernDigits(text.trim()).replace(/[\s,._\u066C]/g, '')
  if (trimmed === '') return undefined
  return /^\d{1,12}$/.test(trimmed) ? Number(trimmed) : 'invalid'
}

/** Turns typed text into trimmed, canonical fields, or the errors per field. */
export function parseGroupDraft(
  draft: GroupDraft,
  now = Date.now(),
): Result<GroupFields, 'invalid', { readonly errors: GroupFieldErrors }> {
  const year = parseWhole(draft.yearFounded)
  const count = parseWhole(draft.memberCount)
  const website = draft.website.trim()
  const languages = draft.languages.map((tag) => canonicalLanguage(tag) ?? tag.trim())
  const fields: GroupFields = {
    name: draft.name.trim(),
    summary: draft.summary.trim(),
    story: draft.story.trim(),
    place: {
      locality: draft.locality.trim(),
      region: draft.region.trim(),
      country: draft.country.trim().toUpperCase(),
    },
    activities: [...new Set(draft.activities)],
    languages: [...new Set(languages)],
    website: website === '' ? '' : (normaliseUrl(website) ?? website),
    contacts: {
      email: draft.email.trim(),
      phone: draft.phone.trim(),
      other: draft.otherContact.trim(),
    },
    visibility: draft.visibility,
    ...(draft.scope !== '' && { scope: draft.scope }),
    ...(draft.legalForm !== '' && { legalForm: draft.legalForm }),
    ...(draft.organisationalStructure !== '' && {
      organisationalStructure: draft.organisationalStructure,
    }),
    ...(draft.membershipType !== '' && { membershipType: draft.membershipType }),
    ...(typeof year === 'number' && { yearFounded: year }),
    ...(typeof count === 'number' && { memberCount: count }),
    ...(draft.status !== '' && { status: draft.status }),
    ...(draft.joinedAt.trim() !== '' && { joinedAt: draft.joinedAt.trim() }),
  }
  const errors = validateGroupFields(fields, now)
  if (year === 'invalid') errors.yearFounded = 'year-invalid'
  if (count === 'invalid') errors.memberCount = 'count-invalid'
  return Object.keys(errors).length === 0 ? ok(fields) : { ok: false, error: 'invalid', errors }
}

/** The text a form shows for stored fields (the inverse of parseGroupDraft). */
export function draftOf(fields: GroupFields): GroupDraft {
  return {
    name: fields.name,
    summary: fields.summary,
    story: fields.story ?? '',
    locality: fields.place?.locality ?? '',
    region: fields.place?.region ?? '',
    country: fields.place?.country ?? '',
    scope: fields.scope ?? '',
    activities: fields.activities ?? [],
    legalForm: fields.legalForm ?? '',
    organisationalStructure: fields.organisationalStructure ?? '',
    membershipType: fields.membershipType ?? '',
    yearFounded: fields.yearFounded?.toString() ?? '',
    memberCount: fields.memberCount?.toString() ?? '',
    languages: fields.languages ?? [],
    website: fields.website ?? '',
    email: fields.contacts?.email ?? '',
    phone: fields.contacts?.phone ?? '',
    otherContact: fields.contacts?.other ?? '',
    status: fields.status ?? '',
    joinedAt: fields.joinedAt ?? '',
    visibility: fields.visibility ?? {},
  }
}
