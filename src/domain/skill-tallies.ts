/**
 * What the skills map adds up to: hours each group gave and received, the matrix of groups
 * × skills, and the links between groups for the network picture.
 */
import type { GroupId } from './ids'
import type { NeedMatches, SkillsMap } from './skill-matching'
import {
  NEED_URGENCIES,
  OFFER_LEVELS,
  type Exchange,
  type NeedUrgency,
  type OfferLevel,
} from './skills'

const rank = <T extends string>(order: readonly T[], value: T) => order.indexOf(value)

export interface Balance {
  readonly groupId: GroupId
  readonly givenMinutes: number
  readonly receivedMinutes: number
}

/** Hours each group gave and received, for every group in the list or in an exchange. */
export function balances(
  exchanges: readonly Exchange[],
  groupIds: readonly GroupId[],
): ReadonlyMap<GroupId, Balance> {
  const result = new Map<GroupId, Balance>()
  const of = (id: GroupId) => result.get(id) ?? { groupId: id, givenMinutes: 0, receivedMinutes: 0 }
  for (const id of groupIds) result.set(id, of(id))
  for (const e of exchanges) {
    const giver = of(e.fromGroupId)
    result.set(e.fromGroupId, { ...giver, givenMinutes: giver.givenMinutes + e.minutes })
    const receiver = of(e.toGroupId)
    result.set(e.toGroupId, { ...receiver, receivedMinutes: receiver.receivedMinutes + e.minutes })
  }
  return result
}

export interface MatrixCell {
  /** The best level among the group's offers of the skill, if any. */
  readonly offer?: OfferLevel
  /** The most urgent of its needs of the skill, if any. */
  readonly need?: NeedUrgency
}

/** The matrix of groups × skills, keyed `${groupId}|${skillId}`. */
export function matrixCells(map: SkillsMap): ReadonlyMap<string, MatrixCell> {
  const cells = new Map<string, MatrixCell>()
  for (const e of map.entries) {
    const key = `${e.groupId}|${e.skill}`
    const cell = cells.get(key) ?? {}
    if (e.kind === 'offer') {
      if (!cell.offer || rank(OFFER_LEVELS, e.level) < rank(OFFER_LEVELS, cell.offer))
        cells.set(key, { ...cell, offer: e.level })
    } else if (!cell.need || rank(NEED_URGENCIES, e.urgency) < rank(NEED_URGENCIES, cell.need))
      cells.set(key, { ...cell, need: e.urgency })
  }
  return cells
}

export interface NetworkLink {
  readonly a: GroupId
  readonly b: GroupId
  /** Needs of one that the other offers, either way. */
  readonly matches: number
  readonly exchangedMinutes: number
}

/** Groups linked by matches and by exchanges: the network picture and its list. */
export function networkLinks(
  matches: readonly NeedMatches[],
  exchanges: readonly Exchange[],
): readonly NetworkLink[] {
  const links = new Map<
    string,
    { a: GroupId; b: GroupId; matches: number; exchangedMinutes: number }
  >()
  const link = (x: GroupId, y: GroupId) => {
    const [a, b] = x < y ? [x, y] : [y, x]
    const key = `${a}|${b}`
    let found = links.get(key)
    if (!found) links.set(key, (found = { a, b, matches: 0, exchangedMinutes: 0 }))
    return found
  }
  for (const m of matches) for (const match of m.matches) link(m.group.id, match.group.id).matches++
  for (const e of exchanges) {
    if (e.fromGroupId !== e.toGroupId)
      link(e.fromGroupId, e.toGroupId).exchangedMinutes += e.minutes
  }
  return [...links.values()].sort((x, y) => (x.a + x.b < y.a + y.b ? -1 : 1))
}
