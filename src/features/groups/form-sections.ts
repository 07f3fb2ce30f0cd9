/**
 * The profile in short steps: each section of "Add more details" with the fields it holds and
 * the parts whose visibility its "Who can see this" control sets. A new group needs only a
 * name; everything else is added later, one short section at a time.
 */
import type { GroupErrorField, VisibilityField } from '../../domain/group'
import type { MessageKey } from '../../i18n/translate'

export const FORM_SECTIONS = [
  'about',
  'contact',
  'people',
  'work',
  'where',
  'languages',
  'organised',
  'membership',
] as const
export type FormSection = (typeof FORM_SECTIONS)[number]

export const isFormSection = (value: unknown): value is FormSection =>
  typeof value === 'string' && (FORM_SECTIONS as readonly string[]).includes(value)

export const SECTION_TITLE: Readonly<Record<FormSection, MessageKey>> = {
  about: 'groupForm.about',
  contact: 'groupForm.contact',
  people: 'groupForm.people',
  work: 'groupForm.work',
  where: 'groupForm.where',
  languages: 'groupForm.languagesSection',
  organised: 'groupForm.organisedSection',
  membership: 'groupForm.criteria',
}

// Most sections hold the same parts as fields and as visibility: named once here.
const ABOUT = ['name', 'summary', 'story'] as const
const CONTACT = ['website', 'email', 'phone', 'otherContact'] as const
const ORGANISED = [
  'legalForm',
  'organisationalStructure',
  'membershipType',
  'yearFounded',
  'memberCount',
  'status',
  'joinedAt',
] as const

/** The form fields of each section, for opening the one that holds a problem. */
export const SECTION_FIELDS: Readonly<Record<FormSection, readonly GroupErrorField[]>> = {
  about: ABOUT,
  contact: CONTACT,
  people: [],
  work: ['activities'],
  where: ['locality', 'region', 'country', 'scope'],
  languages: ['languages'],
  organised: ORGANISED,
  membership: [],
}

/** The parts of the profile whose visibility each section's control sets. */
export const SECTION_VISIBILITY: Readonly<Record<FormSection, readonly VisibilityField[]>> = {
  about: ABOUT,
  contact: CONTACT,
  people: ['people'],
  work: ['activities'],
  where: ['place', 'scope'],
  languages: ['languages'],
  organised: ORGANISED,
  membership: ['criteria'],
}

/** A part's name, for the "choose for each part" ticks. */
export const PART_LABEL: Readonly<Record<VisibilityField, MessageKey>> = {
  name: 'groups.name',
  summary: 'groups.summary',
  story: 'groupForm.story',
  place: 'groupForm.place',
  scope: 'groupForm.scope',
  activities: 'groupForm.activities',
  legalForm: 'groupForm.legalForm',
  organisationalStructure: 'groupForm.structure',
  membershipType: 'groupForm.membershipType',
  yearFounded: 'groupForm.yearFounded',
  memberCount: 'groupForm.memberCount',
  languages: 'groupForm.languages',
  website: 'groupForm.website',
  email: 'groupForm.email',
  phone: 'groupForm.phone',
  otherContact: 'groupForm.otherContact',
  status: 'groupForm.status',
  joinedAt: 'groupForm.joinedAt',
  people: 'groupForm.people',
  criteria: 'groupForm.criteria',
}

export function sectionOf(field: GroupErrorField): FormSection {
  return FORM_SECTIONS.find((section) => SECTION_FIELDS[section].includes(field)) ?? 'about'
}
