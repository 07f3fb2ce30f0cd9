/**
 * Search and filters of the list of groups, as pure functions the screen and the tests share.
 * Search ignores case and accents ("cafe" finds "Café") and every word typed must match
 * somewhere: the name, the place, an activity (in the reader's language or English) or a
 * language (by code or by name).
 */
import type { Group, GroupStatus } from '../../domain/group'
import { countryName, languageName, termName } from './labels'

export interface GroupFilters {
  readonly query: string
  /** An ESSGlobal activity id, or '' for any. */
  readonly activity: string
  /** A region as groups wrote it, or '' for any. */
  readonly region: string
  readonly status: GroupStatus | ''
}

export const NO_FILTERS: GroupFilters = { query: '', activity: '', region: '', status: '' }

export const isFiltering = (filters: GroupFilters) =>
  filters.query.trim() !== '' ||
  filters.activity !== '' ||
  filters.region !== '' ||
  filters.status !== ''

/** Lower case without accents, so people typing on a phone without them still find a match. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase().trim()
}

function searchableText(group: Group, locale: string): string {
  const { locality, region, country } = group.place
  const parts = [
    group.name,
    locality,
    region,
    country,
    country && countryName(country, locale),
    ...group.activities.flatMap((id) => [termName(id, locale), termName(id, 'en')]),
    ...group.languages.flatMap((tag) => [tag, languageName(tag, locale)]),
  ]
  return fold(parts.filter(Boolean).join(' \u0000 '))
}

export function matchesFilters(group: Group, filters: GroupFilters, locale: string): boolean {
  if (filters.activity !== '' && !group.activities.includes(filters.activity)) return false
  if (filters.region !== '' && fold(group.place.region) !== fold(filters.region)) return false
  if (filters.status !== '' && group.status !== filters.status) return false
  const words = fold(filters.query).split(/\s+/).filter(Boolean)
  if (words.length === 0) return true
  const text = searchableText(group, locale)
  return words.every((word) => text.includes(word))
}

export function filterGroups(
  groups: readonly Group[],
  filters: GroupFilters,
  locale: string,
): readonly Group[] {
  return isFiltering(filters)
    ? groups.filter((group) => matchesFilters(group, filters, locale))
    : groups
}

/** The regions groups wrote, once each (ignoring case and accents), sorted. */
export function regionsOf(groups: readonly Group[], locale: string): readonly string[] {
  const seen = new Map<string, string>()
  for (const { place } of groups) {
    const region = place.region.trim()
    if (region !== '' && !seen.has(fold(region))) seen.set(fold(region), region)
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b, locale))
}

/** The activities at least one group does, sorted by their name in the reader's language. */
export function activitiesOf(groups: readonly Group[], locale: string): readonly string[] {
  const ids = new Set(groups.flatMap((group) => group.activities))
  return [...ids].sort((a, b) => termName(a, locale).localeCompare(termName(b, locale), locale))
}
