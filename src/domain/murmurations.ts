/**
 * Murmurations (https://murmurations.network) organisation profiles, both ways.
 *
 * Export: only the fields a group marked public leave the device, as a profile for
 * organizations_schema-v1.0.0 that also passes default-v2.1.0 (the tests validate it against
 * the schemas; the schemas are GPL and never imported here). People, criteria answers, the date
 * the group joined and who changed what never leave: they belong to the network.
 *
 * Import: a profile (text or a parsed value) becomes group fields. Anything that is not a
 * profile is an expected failure, returned as a code with a message, never thrown.
 */
import {
  ESSGLOBAL_VOCABULARIES,
  findTermByLabel,
  termLabel,
  type EssglobalVocabulary,
} from './essglobal'
import {
  ACTIVITIES_MAX,
  canonicalLanguage,
  isPublic,
  normaliseUrl,
  validateGroupFields,
  type GeographicScope,
  type GroupErrorField,
  type GroupFields,
  type GroupStatus,
} from './group'
import { ok, type Result } from './result'

export const MURMURATIONS_SCHEMA = 'organizations_schema-v1.0.0'
/** Profiles bigger than this are refused before they are parsed. */
export const MURMURATIONS_IMPORT_MAX_BYTES = 256 * 1024
const TAG_MAX = 100

export interface MurmurationsOrganisation {
  readonly linked_schemas: readonly string[]
  readonly name: string
  readonly description?: string
  readonly mission?: string
  readonly primary_url?: string
  readonly urls?: readonly { readonly name: string; readonly url: string }[]
  readonly tags?: readonly string[]
  readonly status?: 'active' | 'on_hold' | 'completed'
  readonly locality?: string
  readonly region?: string
  readonly country_iso_3166?: string
  readonly country_name?: string
  readonly geographic_scope?: GeographicScope
  /** Founding: 1 January of the year, as a Unix timestamp in seconds. */
  readonly starts_at?: number
  readonly number_of_members?: number
  readonly knows_language?: readonly string[]
  readonly contact_details?: { readonly email: string }
  readonly telephone?: string
}

export type MurmurationsExport = Result<MurmurationsOrganisation, 'name-not-public'>

const STATUS_OUT: Readonly<Record<GroupStatus, 'active' | 'on_hold' | 'completed'>> = {
  active: 'active',
  'on-hold': 'on_hold',
  ended: 'completed',
}

const nonEmpty = (text: string | undefined): text is string => !!text && text.trim() !== ''

/** English names for country codes (the profile is read by an index, not a person nearby). */
function countryName(code: string): string | undefined {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }).of(code)
  } catch {
    return undefined // RangeError: a malformed code; the country code alone is exported
  }
}

/**
 * The group's public fields as a Murmurations organisation profile. Fails only when the name
 * is not public: a profile without a name is not valid, and the name must not leave unasked.
 */
export function exportMurmurationsProfile(group: GroupFields): MurmurationsExport {
  const shown = { visibility: group.visibility ?? {} }
  const pub = (field: Parameters<typeof isPublic>[1]) => isPublic(shown, field)
  if (!pub('name') || !nonEmpty(group.name)) return { ok: false, error: 'name-not-public' }
  const profile: Record<string, unknown> = {
    linked_schemas: [MURMURATIONS_SCHEMA],
    name: group.name.trim(),
  }
  if (pub('summary') && nonEmpty(group.summary)) profile.description = group.summary.trim()
  if (pub('story') && nonEmpty(group.story)) profile.mission = group.story.trim()
  const website = pub('website') && group.website ? normaliseUrl(group.website) : undefined
  if (website) profile.primary_url = website
  const tags = [
    ...(pub('activities') ? (group.activities ?? []) : []),
    ...(pub('legalForm') && group.legalForm ? [group.legalForm] : []),
    ...(pub('organisationalStructure') && group.organisationalStructure
      ? [group.organisationalStructure]
      : []),
    ...(pub('membershipType') && group.membershipType ? [group.membershipType] : []),
  ].flatMap((id) => termLabel(id, 'en')?.slice(0, TAG_MAX) ?? [])
  if (tags.length > 0) profile.tags = [...new Set(tags)]
  if (pub('status') && group.status) profile.status = STATUS_OUT[group.status]
  if (pub('place') && group.place) {
    const { locality, region, country } = group.place
    if (nonEmpty(locality)) profile.locality = locality.trim().slice(0, 100)
    if (nonEmpty(region)) profile.region = region.trim().slice(0, 100)
    const name = nonEmpty(country) ? countryName(country) : undefined
    if (name) {
      profile.country_iso_3166 = country
      profile.country_name = name.slice(0, 100)
    }
  }
  if (pub('scope') && group.scope) profile.geographic_scope = group.scope
  if (pub('yearFounded') && group.yearFounded !== undefined)
    profile.starts_at = Date.UTC(group.yearFounded, 0, 1) / 1000
  if (pub('memberCount') && group.memberCount !== undefined)
    profile.number_of_members = group.memberCount
  if (pub('languages') && group.languages?.length) profile.knows_language = [...group.languages]
  const contacts = group.contacts
  if (pub('email') && nonEmpty(contacts?.email))
    profile.contact_details = { email: contacts.email.trim() }
  if (pub('phone') && nonEmpty(contacts?.phone)) profile.telephone = contacts.phone.trim()
  const other = pub('otherContact') && contacts?.other ? normaliseUrl(contacts.other) : undefined
  if (other && /^https?:\/\//i.test(contacts?.other.trim() ?? ''))
    profile.urls = [{ name: 'other', url: other }]
  return ok(profile as unknown as MurmurationsOrganisation)
}

export type MurmurationsImportError =
  'too-large' | 'not-json' | 'not-an-object' | 'name-missing' | 'name-too-long' | 'wrong-type'

/** A profile read as a group's fields. */
export interface MurmurationsImported {
  readonly fields: GroupFields
  /** Profile fields that were present but not valid here (an email that is not one). */
  readonly skipped: readonly string[]
}

/**
 * A failure's `message` is English, for logs; the UI shows the catalog message
 * `murmurationsError.<error>`. `field` is the profile field at fault, for wrong-type.
 */
export type MurmurationsImport = Result<
  MurmurationsImported,
  MurmurationsImportError,
  { readonly field?: string; readonly message: string }
>

const fail = (error: MurmurationsImportError, message: string, field?: string) =>
  ({ ok: false, error, message, ...(field !== undefined && { field }) }) as const

/** A profile as JSON text (a pasted profile, or a file's contents). */
export function importMurmurationsText(text: string): MurmurationsImport {
  const bytes = new TextEncoder().encode(text).length
  if (bytes > MURMURATIONS_IMPORT_MAX_BYTES)
    return fail('too-large', `The profile is ${bytes} bytes; at most 256 KB can be imported.`)
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return fail('not-json', 'This is not JSON: it cannot be a Murmurations profile.')
  }
  return importMurmurationsValue(value)
}

type Kind = 'string' | 'number' | 'strings' | 'object' | 'objects'
const SHAPE: Readonly<Record<string, Kind>> = {
  name: 'string',
  description: 'string',
  mission: 'string',
  primary_url: 'string',
  urls: 'objects',
  tags: 'strings',
  status: 'string',
  locality: 'string',
  region: 'string',
  country_iso_3166: 'string',
  geographic_scope: 'string',
  starts_at: 'number',
  number_of_members: 'number',
  knows_language: 'strings',
  contact_details: 'object',
  email: 'string',
  telephone: 'string',
}

function hasKind(value: unknown, kind: Kind): boolean {
  const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v)
  switch (kind) {
    case 'string':
      return typeof value === 'string'
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    case 'strings':
      return Array.isArray(value) && value.every((item) => typeof item === 'string')
    case 'object':
      return isObject(value)
    case 'objects':
      return Array.isArray(value) && value.every(isObject)
  }
}

const STATUS_IN: Readonly<Record<string, GroupStatus>> = {
  active: 'active',
  on_hold: 'on-hold',
  completed: 'ended',
  cancelled: 'ended',
}

/** A profile already parsed from JSON (e.g. fetched or read by another module). */
export function importMurmurationsValue(value: unknown): MurmurationsImport {
  let size: number
  try {
    size = new TextEncoder().encode(JSON.stringify(value)).length
  } catch {
    return fail('not-json', 'This value cannot be written as JSON.')
  }
  if (size > MURMURATIONS_IMPORT_MAX_BYTES)
    return fail('too-large', `The profile is ${size} bytes; at most 256 KB can be imported.`)
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail('not-an-object', 'A Murmurations profile is a JSON object ({ … }).')
  const profile = value as Readonly<Record<string, unknown>>
  for (const [field, kind] of Object.entries(SHAPE)) {
    const item = profile[field]
    if (item !== undefined && item !== null && !hasKind(item, kind))
      return fail('wrong-type', `The field "${field}" should be of type ${kind}.`, field)
  }
  const text = (field: string) => {
    const item = profile[field]
    return typeof item === 'string' ? item.trim() : ''
  }
  const name = text('name')
  if (name === '') return fail('name-missing', 'The profile has no name.')

  const fields = mapProfile(profile, text)
  const errors = validateGroupFields(fields)
  if (errors.name) return fail('name-too-long', 'The name is longer than a group name can be.')
  const skipped = Object.keys(errors) as GroupErrorField[]
  return ok({ fields: withoutFields(fields, skipped), skipped })
}

function mapProfile(
  profile: Readonly<Record<string, unknown>>,
  text: (field: string) => string,
): GroupFields {
  const strings = (field: string) => {
    const item = profile[field]
    return Array.isArray(item) ? item.filter((v): v is string => typeof v === 'string') : []
  }
  const number = (field: string) => {
    const item = profile[field]
    return typeof item === 'number' && Number.isFinite(item) ? item : undefined
  }
  const urls = Array.isArray(profile.urls) ? (profile.urls as Record<string, unknown>[]) : []
  const firstUrl = urls.map((u) => u.url).find((u): u is string => typeof u === 'string')
  const contact = profile.contact_details as Readonly<Record<string, unknown>> | undefined
  const email = typeof contact?.email === 'string' ? contact.email.trim() : text('email')
  const description = text('description')
  const mission = text('mission')
  const summaryFits = description.length <= 280
  const started = number('starts_at')
  const members = number('number_of_members')
  const scope = text('geographic_scope')
  const status = STATUS_IN[text('status')]
  const {
    activities,
    legalForm,
    organisationalStructure: structure,
    membershipType,
  } = tagTerms(strings('tags'))
  return {
    name: text('name'),
    summary: summaryFits ? description : '',
    story: (summaryFits ? [mission] : [description, mission]).filter(Boolean).join('\n\n'),
    place: {
      locality: text('locality'),
      region: text('region'),
      country: text('country_iso_3166').toUpperCase(),
    },
    activities: activities.slice(0, ACTIVITIES_MAX),
    // One tag that is not a language drops only itself.
    languages: [
      ...new Set(strings('knows_language').flatMap((tag) => canonicalLanguage(tag) ?? [])),
    ],
    website: text('primary_url') || (firstUrl?.trim() ?? ''),
    contacts: { email, phone: text('telephone'), other: '' },
    ...((scope === 'local' ||
      scope === 'regional' ||
      scope === 'national' ||
      scope === 'international') && { scope }),
    ...(status && { status }),
    ...(legalForm && { legalForm }),
    ...(structure && { organisationalStructure: structure }),
    ...(membershipType && { membershipType }),
    ...(started !== undefined && { yearFounded: new Date(started * 1000).getUTCFullYear() }),
    ...(members !== undefined && { memberCount: members }),
  }
}

/**
 * ESSGlobal terms named by tags (in any language the vocabulary has). Each tag fills one field:
 * the first, in this order, that it names and that is still empty, so "Cooperative" (a legal
 * form and a structure) does not fill both.
 */
function tagTerms(tags: readonly string[]) {
  const found: { activities: string[] } & Partial<
    Record<Exclude<EssglobalVocabulary, 'activities'>, string>
  > = {
    activities: [],
  }
  for (const tag of tags) {
    for (const vocabulary of ESSGLOBAL_VOCABULARIES) {
      const term = findTermByLabel(tag, [vocabulary])
      if (!term) continue
      if (vocabulary === 'activities') {
        if (!found.activities.includes(term.id)) found.activities.push(term.id)
      } else if (found[vocabulary] === undefined) found[vocabulary] = term.id
      else continue
      break
    }
  }
  return found
}

/** The fields minus those that failed validation, so one bad value does not block the rest. */
function withoutFields(fields: GroupFields, bad: readonly GroupErrorField[]): GroupFields {
  const drop = new Set<string>(bad)
  const place = fields.place && {
    locality: drop.has('locality') ? '' : fields.place.locality,
    region: drop.has('region') ? '' : fields.place.region,
    country: drop.has('country') ? '' : fields.place.country,
  }
  const contacts = fields.contacts && {
    email: drop.has('email') ? '' : fields.contacts.email,
    phone: drop.has('phone') ? '' : fields.contacts.phone,
    other: '',
  }
  const kept = Object.fromEntries(Object.entries(fields).filter(([key]) => !drop.has(key)))
  return {
    ...(kept as unknown as GroupFields),
    ...(place && { place }),
    ...(contacts && { contacts }),
  }
}
