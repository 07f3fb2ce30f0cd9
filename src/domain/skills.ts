/**
 * The shared skills map: a vocabulary of skills per space (a starter list that members
 * extend), each group's entries (what it offers, what it needs) and the exchanges of time
 * between groups, logged like a timebank. Matching is in skill-matching.ts, balances and the
 * matrix in skill-tallies.ts.
 */
import type { EntityMeta } from './entity'
import type { LastChange } from './group'
import type { Brand, GroupId } from './ids'
import { westernDigits } from './typed-numbers'

export type SkillId = Brand<string, 'SkillId'>

export const SKILL_CATEGORIES = [
  'organising',
  'money',
  'legal',
  'funding',
  'food',
  'housing',
  'care',
  'digital',
  'communication',
  'campaigning',
  'buildings',
  'other',
] as const
export type SkillCategory = (typeof SKILL_CATEGORIES)[number]

export const OFFER_LEVELS = ['teach', 'do', 'learning'] as const
export type OfferLevel = (typeof OFFER_LEVELS)[number]
export const NEED_URGENCIES = ['now', 'soon', 'sometime'] as const
export type NeedUrgency = (typeof NEED_URGENCIES)[number]
export const ENTRY_KINDS = ['offer', 'need'] as const
export type EntryKind = (typeof ENTRY_KINDS)[number]

export const SKILL_NAME_MAX = 80
export const ENTRY_NOTE_MAX = 1_000
export const CONTACT_MAX = 200
export const EXCHANGE_NOTE_MAX = 1_000
/** A day's work at most in one line of the log is not enough (a week-long course); a year is. */
export const EXCHANGE_MINUTES_MAX = 2_000 * 60

export interface Skill {
  readonly id: SkillId
  /** The name as the network wrote it; for a starter skill nobody renamed, the English name. */
  readonly name: string
  /** Catalog key of a starter skill still under its original name, read in each reader's language. */
  readonly nameKey?: `skillNames.${string}`
  readonly category: SkillCategory
  /** The skill this one was merged into, as stored (it may itself be merged further). */
  readonly mergedInto?: SkillId
  /** When it was taken off the list (it comes back while entries still use it). */
  readonly removedAt?: number
  readonly createdAt: number
}

interface EntryCommon {
  readonly groupId: GroupId
  readonly skillId: SkillId
  readonly note: string
  /** Who to ask: a person's name, a phone number, whatever the group writes. */
  readonly contact: string
}
export type EntryFields =
  | (EntryCommon & { readonly kind: 'offer'; readonly level: OfferLevel })
  | (EntryCommon & { readonly kind: 'need'; readonly urgency: NeedUrgency })
/** An offer or a need as stored, with who last changed it where their phone said. */
export type SkillEntry = EntryFields & EntityMeta & { readonly lastChange?: LastChange }

export interface ExchangeFields {
  /** The group that gave its time. */
  readonly fromGroupId: GroupId
  /** The group that received it. */
  readonly toGroupId: GroupId
  readonly skillId: SkillId
  /** Whole minutes, so sums never pick up rounding errors. */
  readonly minutes: number
  /** `YYYY-MM-DD` */
  readonly date: string
  readonly note: string
}
export type Exchange = ExchangeFields & EntityMeta

const starter = (category: SkillCategory, slugs: readonly string[]) =>
  slugs.map((slug) => ({ slug, category }))

/** About forty skills that grassroots groups commonly have or need, by category. */
const STARTER_LIST = [
  ...starter('organising', ['facilitation', 'consensus', 'recruiting', 'conflict']),
  ...starter('money', ['bookkeeping', 'budgeting', 'payroll', 'admin']),
  ...starter('legal', ['legal-structure', 'governance', 'registering-coop', 'data-protection']),
  ...starter('funding', ['grant-writing', 'funder-reports', 'crowdfunding', 'impact']),
  ...starter('food', ['growing', 'food-hygiene', 'food-distribution', 'community-kitchen']),
  ...starter('housing', ['tenancy-rights', 'housing-coop', 'land-trust', 'evictions']),
  ...starter('care', ['mental-health', 'safeguarding', 'childcare', 'peer-support']),
  ...starter('digital', ['websites', 'spreadsheets', 'online-meetings', 'digital-security']),
  ...starter('communication', ['social-media', 'design', 'translation', 'plain-writing']),
  ...starter('campaigning', ['campaign-planning', 'lobbying', 'press', 'petitions']),
  ...starter('buildings', ['repairs', 'electrics-plumbing', 'energy-saving', 'carpentry']),
]

export interface StarterSkill {
  readonly id: SkillId
  readonly nameKey: `skillNames.${string}`
  readonly category: SkillCategory
  readonly order: number
}

/** Starter skills have fixed ids, so two devices starting a space at once agree on them. */
export const STARTER_SKILLS: readonly StarterSkill[] = STARTER_LIST.map(
  ({ slug, category }, order) => ({
    id: `skill-${slug}` as SkillId,
    nameKey: `skillNames.${slug}`,
    category,
    order,
  }),
)

export function isSkillCategory(value: unknown): value is SkillCategory {
  return typeof value === 'string' && (SKILL_CATEGORIES as readonly string[]).includes(value)
}
export function isOfferLevel(value: unknown): value is OfferLevel {
  return typeof value === 'string' && (OFFER_LEVELS as readonly string[]).includes(value)
}
export function isNeedUrgency(value: unknown): value is NeedUrgency {
  return typeof value === 'string' && (NEED_URGENCIES as readonly string[]).includes(value)
}

/** "Book-keeping", "bookkeeping" and "Bóok keeping" are one name to a person: so here. */
export function normaliseSkillName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en')
    .replace(/[^\p{L}\p{N}]/gu, '')
}

/** Edit distance, stopping early once it passes `limit` (names are short). */
function withinDistance(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      )
      current.push(value)
      rowMin = Math.min(rowMin, value)
    }
    if (rowMin > limit) return false
    previous = current
  }
  return (previous[b.length] ?? Infinity) <= limit
}

/**
 * Whether two names are probably the same skill: equal once case, accents, spaces and
 * punctuation are ignored, or one typo apart in names of six letters or more.
 */
export function similarSkillNames(a: string, b: string): boolean {
  const x = normaliseSkillName(a)
  const y = normaliseSkillName(b)
  if (x === '' || y === '') return false
  if (x === y) return true
  return Math.min(x.length, y.length) >= 6 && withinDistance(x, y, 1)
}

export type SkillNameError = 'name-required' | 'name-too-long'

export function validateSkillName(name: string): SkillNameError | undefined {
  const trimmed = name.trim()
  if (trimmed === '') return 'name-required'
  if (trimmed.length > SKILL_NAME_MAX) return 'name-too-long'
  return undefined
}

export type ExchangeError =
  | 'same-group'
  | 'group-required'
  | 'skill-required'
  | 'hours-invalid'
  | 'date-invalid'
  | 'note-too-long'

/** Hours as a person types them ("1.5", "1,5", "2", "١٫٥") to whole minutes, or undefined. */
export function parseHours(text: string): number | undefined {
  const normalised = westernDigits(text.trim()).replace(',', '.')
  if (!/^\d{1,4}(\.\d{1,2})?$/.test(normalised)) return undefined
  const minutes = Math.round(Number(normalised) * 60)
  return minutes > 0 && minutes <= EXCHANGE_MINUTES_MAX ? minutes : undefined
}

export function validateExchange(fields: ExchangeFields): ExchangeError | undefined {
  if (!fields.fromGroupId || !fields.toGroupId) return 'group-required'
  if (fields.fromGroupId === fields.toGroupId) return 'same-group'
  if (!fields.skillId) return 'skill-required'
  if (
    !Number.isSafeInteger(fields.minutes) ||
    fields.minutes <= 0 ||
    fields.minutes > EXCHANGE_MINUTES_MAX
  )
    return 'hours-invalid'
  if (!isIsoDate(fields.date)) return 'date-invalid'
  if (fields.note.length > EXCHANGE_NOTE_MAX) return 'note-too-long'
  return undefined
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}
