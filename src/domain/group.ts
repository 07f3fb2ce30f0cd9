/**
 * A group in the network: its profile, its people, its answers to the network's criteria and
 * which fields it shows outside the network. Every field is optional except the name, so a
 * half-filled profile is valid. Validation of typed text lives in group-validation.ts.
 */
import type { CriterionAnswer, CriterionId } from './criteria'
import type { EntityMeta } from './entity'
import type { Brand, GroupId } from './ids'

export type PersonId = Brand<string, 'PersonId'>

export const GEOGRAPHIC_SCOPES = ['local', 'regional', 'national', 'international'] as const
export type GeographicScope = (typeof GEOGRAPHIC_SCOPES)[number]

export const GROUP_STATUSES = ['active', 'on-hold', 'ended'] as const
export type GroupStatus = (typeof GROUP_STATUSES)[number]

/** `network` (the default) keeps a field inside the space; `public` lets it leave in exports. */
export type Visibility = 'public' | 'network'
export const DEFAULT_VISIBILITY: Visibility = 'network'

/** The parts of a profile that each have their own visibility. */
export const VISIBILITY_FIELDS = [
  'name',
  'summary',
  'story',
  'place',
  'scope',
  'activities',
  'legalForm',
  'organisationalStructure',
  'membershipType',
  'yearFounded',
  'memberCount',
  'languages',
  'website',
  'email',
  'phone',
  'otherContact',
  'status',
  'joinedAt',
  'people',
  'criteria',
] as const
export type VisibilityField = (typeof VISIBILITY_FIELDS)[number]
export type Visibilities = Readonly<Partial<Record<VisibilityField, Visibility>>>

export interface Place {
  readonly locality: string
  readonly region: string
  /** ISO 3166-1 alpha-2 code (`GB`), or '' when not given; the UI names it with Intl.DisplayNames. */
  readonly country: string
}

export interface Contacts {
  readonly email: string
  readonly phone: string
  /** Anything else: a messaging handle, a postal address, a social media page. */
  readonly other: string
}

export interface Person {
  readonly id: PersonId
  readonly name: string
  readonly role: string
  readonly contacts: Contacts
  /** When the person was added: keeps the list in the same order on every device. */
  readonly addedAt: number
}

export interface LastChange {
  /** The display name of whoever made the change, as their device called them. */
  readonly by: string
  readonly at: number
}

/** What a person edits in the profile form, as domain values (ids, numbers, ISO codes). */
export interface GroupFields {
  readonly name: string
  readonly summary: string
  /** Longer story or mission. */
  readonly story?: string
  readonly place?: Place
  readonly scope?: GeographicScope
  /** ESSGlobal ids (essglobal.ts), e.g. `AM60`. */
  readonly activities?: readonly string[]
  readonly legalForm?: string
  readonly organisationalStructure?: string
  readonly membershipType?: string
  readonly yearFounded?: number
  readonly memberCount?: number
  /** BCP 47 language tags, canonical (`es`, `pt-BR`). */
  readonly languages?: readonly string[]
  /** An http(s) URL. */
  readonly website?: string
  readonly contacts?: Contacts
  readonly status?: GroupStatus
  /** The day the group joined the network, `YYYY-MM-DD`. */
  readonly joinedAt?: string
  readonly visibility?: Visibilities
}

export interface Group extends EntityMeta<GroupId> {
  readonly name: string
  readonly summary: string
  readonly story: string
  readonly place: Place
  readonly scope?: GeographicScope
  readonly activities: readonly string[]
  readonly legalForm?: string
  readonly organisationalStructure?: string
  readonly membershipType?: string
  readonly yearFounded?: number
  readonly memberCount?: number
  readonly languages: readonly string[]
  readonly website: string
  readonly contacts: Contacts
  readonly status?: GroupStatus
  readonly joinedAt?: string
  readonly visibility: Visibilities
  readonly people: readonly Person[]
  /** People taken off the profile, kept so the removal can be undone. */
  readonly removedPeople: readonly Person[]
  /** The group's self-assessment, by criterion id (answers to removed criteria are kept). */
  readonly criteria: Readonly<Record<CriterionId, CriterionAnswer>>
  readonly lastChange?: LastChange
}

export interface PersonFields {
  readonly name: string
  readonly role?: string
  readonly contacts?: Contacts
}

export const EMPTY_PLACE: Place = Object.freeze({ locality: '', region: '', country: '' })
export const EMPTY_CONTACTS: Contacts = Object.freeze({ email: '', phone: '', other: '' })

export function visibilityOf(
  group: { readonly visibility: Visibilities },
  field: VisibilityField,
): Visibility {
  return group.visibility[field] ?? DEFAULT_VISIBILITY
}

export const isPublic = (group: { readonly visibility: Visibilities }, field: VisibilityField) =>
  visibilityOf(group, field) === 'public'

export function isGeographicScope(value: unknown): value is GeographicScope {
  return typeof value === 'string' && (GEOGRAPHIC_SCOPES as readonly string[]).includes(value)
}

export function isGroupStatus(value: unknown): value is GroupStatus {
  return typeof value === 'string' && (GROUP_STATUSES as readonly string[]).includes(value)
}

export function isVisibilityField(value: unknown): value is VisibilityField {
  return typeof value === 'string' && (VISIBILITY_FIELDS as readonly string[]).includes(value)
}

/** The editable fields of a stored group: what a profile form starts from. */
export function groupFieldsOf(group: Group): GroupFields {
  return {
    name: group.name,
    summary: group.summary,
    story: group.story,
    place: group.place,
    activities: group.activities,
    languages: group.languages,
    website: group.website,
    contacts: group.contacts,
    visibility: group.visibility,
    ...(group.scope && { scope: group.scope }),
    ...(group.legalForm && { legalForm: group.legalForm }),
    ...(group.organisationalStructure && {
      organisationalStructure: group.organisationalStructure,
    }),
    ...(group.membershipType && { membershipType: group.membershipType }),
    ...(group.yearFounded !== undefined && { yearFounded: group.yearFounded }),
    ...(group.memberCount !== undefined && { memberCount: group.memberCount }),
    ...(group.status && { status: group.status }),
    ...(group.joinedAt && { joinedAt: group.joinedAt }),
  }
}

export function byName(a: { name: string }, b: { name: string }): number {
  return a.name.localeCompare(b.name, undefined, { sensitivity: 'base' })
}

export {
  validateGroupFields,
  validatePersonFields,
  parseGroupDraft,
  draftOf,
  normaliseUrl,
  canonicalLanguage,
  GROUP_NAME_MAX,
  GROUP_SUMMARY_MAX,
  GROUP_STORY_MAX,
  PLACE_PART_MAX,
  URL_MAX,
  EMAIL_MAX,
  PHONE_MAX,
  CONTACT_OTHER_MAX,
  PERSON_NAME_MAX,
  PERSON_ROLE_MAX,
  PEOPLE_MAX,
  ACTIVITIES_MAX,
  LANGUAGES_MAX,
  YEAR_FOUNDED_MIN,
  MEMBER_COUNT_MAX,
  type GroupDraft,
  type GroupFieldError,
  type GroupFieldErrors,
  type GroupErrorField,
  type PersonFieldErrors,
} from './group-validation'
