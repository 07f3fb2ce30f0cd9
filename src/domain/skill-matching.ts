/**
 * What the skills map means once read: merged skills resolved to the one they became, who
 * could help whom (ranked, with reasons a person can read), hours given and received.
 *
 * Merges are stored as "this skill was merged into that one" on the merged skill, and entries
 * and exchanges keep the id they were written with. Reading follows the merges, so an entry
 * added on another device while a merge happened lands in the merged skill too. Two devices
 * merging a pair in opposite directions make a cycle; the skill with the smallest id in a
 * cycle stays, so every device reads the same result.
 */
import type { Group } from './group'
import type { GroupId } from './ids'
import {
  NEED_URGENCIES,
  OFFER_LEVELS,
  type Exchange,
  type NeedUrgency,
  type OfferLevel,
  type Skill,
  type SkillEntry,
  type SkillId,
} from './skills'

/** What matching needs to know of a group. */
export type MatchGroup = Pick<Group, 'id' | 'name' | 'languages' | 'place'>

export interface SkillsInput {
  /** Every skill known to the space: starters, added ones, merged and removed ones. */
  readonly skills: readonly Skill[]
  /** Live entries and exchanges (soft-deleted ones left out). */
  readonly entries: readonly SkillEntry[]
  readonly exchanges: readonly Exchange[]
  /** Live groups: entries of groups in the trash are not shown. */
  readonly groups: readonly MatchGroup[]
}

export type ResolvedEntry = SkillEntry & { readonly skill: SkillId }
export type ResolvedExchange = Exchange & { readonly skill: SkillId }

export interface SkillsMap {
  /** Skills on the list: not merged into another, and not removed unless still in use. */
  readonly skills: readonly Skill[]
  /** Every stored skill by id, merged ones included (for names in old exchanges). */
  readonly byId: ReadonlyMap<SkillId, Skill>
  /** The skill an id reads as after every merge. */
  readonly rootOf: (id: SkillId) => SkillId | undefined
  /** The skills merged into each listed skill, directly or through others. */
  readonly aliases: ReadonlyMap<SkillId, readonly Skill[]>
  /** Entries of live groups, each with the skill it now belongs to. */
  readonly entries: readonly ResolvedEntry[]
  readonly exchanges: readonly ResolvedExchange[]
  readonly groups: ReadonlyMap<GroupId, MatchGroup>
}

const smallest = (ids: readonly SkillId[]) => ids.reduce((a, b) => (b < a ? b : a))

export function resolveMerges(skills: readonly Skill[]): (id: SkillId) => SkillId | undefined {
  const byId = new Map(skills.map((s) => [s.id, s]))
  const roots = new Map<SkillId, SkillId>()
  return (start) => {
    if (!byId.has(start)) return undefined
    const known = roots.get(start)
    if (known) return known
    const path: SkillId[] = []
    const onPath = new Map<SkillId, number>()
    let current = start
    let root: SkillId
    for (;;) {
      const resolved = roots.get(current)
      if (resolved) {
        root = resolved
        break
      }
      const seenAt = onPath.get(current)
      if (seenAt !== undefined) {
        root = smallest(path.slice(seenAt))
        break
      }
      onPath.set(current, path.length)
      path.push(current)
      const next = byId.get(current)?.mergedInto
      if (!next || next === current || !byId.has(next)) {
        root = current
        break
      }
      current = next
    }
    for (const id of path) roots.set(id, root)
    return root
  }
}

export function buildSkillsMap(input: SkillsInput): SkillsMap {
  const byId = new Map(input.skills.map((s) => [s.id, s]))
  const rootOf = resolveMerges(input.skills)
  const groups = new Map(input.groups.map((g) => [g.id, g]))
  const entries: ResolvedEntry[] = []
  for (const entry of input.entries) {
    const skill = rootOf(entry.skillId)
    if (skill && groups.has(entry.groupId)) entries.push({ ...entry, skill })
  }
  const exchanges: ResolvedExchange[] = []
  for (const exchange of input.exchanges) {
    const skill = rootOf(exchange.skillId)
    if (skill) exchanges.push({ ...exchange, skill })
  }
  const used = new Set<SkillId>([...entries, ...exchanges].map((e) => e.skill))
  const aliases = new Map<SkillId, Skill[]>()
  const skills: Skill[] = []
  for (const skill of input.skills) {
    const root = rootOf(skill.id)
    if (root !== skill.id) {
      if (root) aliases.set(root, [...(aliases.get(root) ?? []), skill])
    } else if (skill.removedAt === undefined || used.has(skill.id)) skills.push(skill)
  }
  return { skills, byId, rootOf, aliases, entries, exchanges, groups }
}

export type MatchReason =
  | { readonly kind: 'level'; readonly level: OfferLevel }
  | { readonly kind: 'language'; readonly languages: readonly string[] }
  | { readonly kind: 'region'; readonly region: string }
  | { readonly kind: 'country'; readonly country: string }
  | { readonly kind: 'exchanges'; readonly count: number; readonly minutes: number }

export interface Match {
  readonly offer: ResolvedEntry
  readonly group: MatchGroup
  readonly score: number
  readonly reasons: readonly MatchReason[]
}

export interface NeedMatches {
  readonly need: ResolvedEntry
  readonly group: MatchGroup
  /** Best first. Empty when nobody offers the skill yet. */
  readonly matches: readonly Match[]
}

const LEVEL_SCORE: Record<OfferLevel, number> = { teach: 30, do: 20, learning: 10 }
const rank = <T extends string>(order: readonly T[], value: T) => order.indexOf(value)

// One collator for every comparison: localeCompare with options builds a new one per call,
// which made ranking a large network take a third of a second (BENCHMARKS.md).
const collator = new Intl.Collator(undefined, { sensitivity: 'base' })
const same = (a: string, b: string) => a.trim() !== '' && collator.compare(a.trim(), b.trim()) === 0

/** Exchanges between two groups, either way: groups that worked together before. */
function pairKey(a: GroupId, b: GroupId): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`
}

export function exchangesByPair(
  exchanges: readonly Exchange[],
): ReadonlyMap<string, { count: number; minutes: number }> {
  const pairs = new Map<string, { count: number; minutes: number }>()
  for (const e of exchanges) {
    const key = pairKey(e.fromGroupId, e.toGroupId)
    const pair = pairs.get(key) ?? { count: 0, minutes: 0 }
    pairs.set(key, { count: pair.count + 1, minutes: pair.minutes + e.minutes })
  }
  return pairs
}

export function scoreMatch(
  needer: MatchGroup,
  offerer: MatchGroup,
  level: OfferLevel,
  earlier: { count: number; minutes: number } | undefined,
): { score: number; reasons: MatchReason[] } {
  const reasons: MatchReason[] = [{ kind: 'level', level }]
  let score = LEVEL_SCORE[level]
  const languages = needer.languages.filter((l) => offerer.languages.includes(l))
  if (languages.length > 0) {
    score += 15
    reasons.push({ kind: 'language', languages })
  }
  const sameCountry = same(needer.place.country, offerer.place.country)
  const countryKnown = needer.place.country !== '' && offerer.place.country !== ''
  if (same(needer.place.region, offerer.place.region) && (sameCountry || !countryKnown)) {
    score += 10
    reasons.push({ kind: 'region', region: offerer.place.region.trim() })
  } else if (sameCountry) {
    score += 5
    reasons.push({ kind: 'country', country: offerer.place.country })
  }
  if (earlier && earlier.count > 0) {
    score += Math.min(3, earlier.count) * 5
    reasons.push({ kind: 'exchanges', count: earlier.count, minutes: earlier.minutes })
  }
  return { score, reasons }
}

const byName = (a: MatchGroup, b: MatchGroup) =>
  collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * For every need, the groups that offer the same skill, best first. A group that offers the
 * skill twice (two entries merged into one skill) is listed once, at its best level.
 */
export function matchNeeds(map: SkillsMap): readonly NeedMatches[] {
  const offersBySkill = new Map<SkillId, Map<GroupId, ResolvedEntry>>()
  for (const entry of map.entries) {
    if (entry.kind !== 'offer') continue
    const offers = offersBySkill.get(entry.skill) ?? new Map<GroupId, ResolvedEntry>()
    const current = offers.get(entry.groupId)
    if (
      !current ||
      (current.kind === 'offer' &&
        rank(OFFER_LEVELS, entry.level) < rank(OFFER_LEVELS, current.level))
    )
      offers.set(entry.groupId, entry)
    offersBySkill.set(entry.skill, offers)
  }
  const pairs = exchangesByPair(map.exchanges)
  const result: NeedMatches[] = []
  for (const need of map.entries) {
    if (need.kind !== 'need') continue
    const needer = map.groups.get(need.groupId)
    if (!needer) continue
    const matches: Match[] = []
    for (const offer of offersBySkill.get(need.skill)?.values() ?? []) {
      const offerer = map.groups.get(offer.groupId)
      if (!offerer || offerer.id === needer.id || offer.kind !== 'offer') continue
      const earlier = pairs.get(pairKey(needer.id, offerer.id))
      matches.push({ offer, group: offerer, ...scoreMatch(needer, offerer, offer.level, earlier) })
    }
    matches.sort((a, b) => b.score - a.score || byName(a.group, b.group))
    result.push({ need, group: needer, matches })
  }
  const urgency = (n: NeedMatches) =>
    n.need.kind === 'need' ? rank<NeedUrgency>(NEED_URGENCIES, n.need.urgency) : 0
  return result.sort(
    (a, b) =>
      urgency(a) - urgency(b) || byName(a.group, b.group) || (a.need.id < b.need.id ? -1 : 1),
  )
}

/** "Who could help us": our needs with the groups that could meet them. */
export function helpFor(matches: readonly NeedMatches[], groupId: GroupId) {
  return matches.filter((m) => m.need.groupId === groupId)
}

/** "Whom we could help": other groups' needs that we offer, with how we rank for them. */
export function helpFrom(matches: readonly NeedMatches[], groupId: GroupId) {
  return matches.flatMap((m) => {
    const ours = m.matches.find((match) => match.group.id === groupId)
    return ours ? [{ need: m.need, group: m.group, match: ours }] : []
  })
}
