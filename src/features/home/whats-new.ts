/**
 * What the space home reads from a space: what changed since this phone last looked, the next
 * meeting, the open actions that concern this phone's group, and the needs that group could
 * meet. Pure functions over snapshots, so the home stays a thin view and the rules are tested
 * without a browser.
 */
import type { Group } from '../../domain/group'
import { openActions, splitByTime, type Action, type Meeting } from '../../domain/meeting'
import type { SkillsMap } from '../../domain/skill-matching'
import type { SkillId } from '../../domain/skills'

export type ChangeKind = 'group' | 'meeting' | 'offer' | 'need'

export interface Change {
  readonly key: string
  readonly kind: ChangeKind
  /** The group's or meeting's name; for an offer or a need, the group's. */
  readonly name: string
  /** For an offer or a need: the skill. */
  readonly skillId?: SkillId
  /** Whether it is new since then (rather than changed). */
  readonly added: boolean
  /** Who changed it, where the space records it (groups). */
  readonly by?: string
  readonly at: number
  /** Where a tap on it leads, under the space's path. */
  readonly path: string
}

export interface ChangeInput {
  readonly groups: readonly Group[]
  readonly meetings: readonly Meeting[]
  readonly map: Pick<SkillsMap, 'entries' | 'groups'>
}

/**
 * Everything changed after `since`, newest first, leaving out what this phone's person did
 * (`me`, where the space records who changed something): they know about that already.
 */
export function changesSince(input: ChangeInput, since: number, me = ''): Change[] {
  const changes: Change[] = []
  const mine = (by: string | undefined) => me.trim() !== '' && by?.trim() === me.trim()
  for (const group of input.groups) {
    const at = Math.max(group.updatedAt, group.lastChange?.at ?? 0)
    if (at <= since || mine(group.lastChange?.by)) continue
    changes.push({
      key: `group:${group.id}`,
      kind: 'group',
      name: group.name,
      added: group.createdAt > since,
      ...(group.lastChange?.by ? { by: group.lastChange.by } : {}),
      at,
      path: `/groups/${group.id}`,
    })
  }
  for (const meeting of input.meetings) {
    if (meeting.updatedAt <= since || mine(meeting.lastChange?.by)) continue
    changes.push({
      key: `meeting:${meeting.id}`,
      kind: 'meeting',
      name: meeting.title,
      added: meeting.createdAt > since,
      ...(meeting.lastChange?.by ? { by: meeting.lastChange.by } : {}),
      at: meeting.updatedAt,
      path: `/meetings/${meeting.id}`,
    })
  }
  for (const entry of input.map.entries) {
    if (entry.updatedAt <= since || mine(entry.lastChange?.by)) continue
    const group = input.map.groups.get(entry.groupId)
    if (!group) continue
    changes.push({
      key: `entry:${entry.id}`,
      kind: entry.kind,
      name: group.name,
      skillId: entry.skill,
      added: entry.createdAt > since,
      ...(entry.lastChange?.by ? { by: entry.lastChange.by } : {}),
      at: entry.updatedAt,
      path: `/skills/skill/${entry.skill}`,
    })
  }
  return changes.sort((a, b) => b.at - a.at || (a.key < b.key ? -1 : 1))
}

/** The next meeting from `now` (local `YYYY-MM-DDTHH:MM`), or else the latest one held. */
export function nextMeeting(
  meetings: readonly Meeting[],
  now: string,
): { readonly meeting: Meeting; readonly upcoming: boolean } | undefined {
  const { upcoming, past } = splitByTime(meetings, now)
  if (upcoming[0]) return { meeting: upcoming[0], upcoming: true }
  if (past[0]) return { meeting: past[0], upcoming: false }
  return undefined
}

export interface ActionRow {
  readonly meeting: Meeting
  readonly action: Action
  readonly overdue: boolean
}

/**
 * Open actions that concern this phone: given to its person (by name), to its group or one of
 * the group's people, or decided at a meeting the group took part in and given to nobody.
 */
export function myActions(
  meetings: readonly Meeting[],
  today: string,
  me: { readonly name: string; readonly group: Group | undefined },
): ActionRow[] {
  const names = [me.name, me.group?.name ?? '', ...(me.group?.people.map((p) => p.name) ?? [])]
    .map(words)
    .filter((n) => n !== '')
  return openActions(meetings, today).filter(({ meeting, action }) => {
    const who = words(action.who)
    if (who !== '') return names.some((name) => who.includes(name))
    return me.group !== undefined && meeting.groupIds.includes(me.group.id)
  })
}

/**
 * A name as whole words, so "Ana" is found in "Ana and Sam" or "Ana, by Friday" but not in
 * "Banana" or "Anabel": " ana and sam " ('' for no words).
 */
function words(text: string): string {
  const parts = text
    .toLocaleLowerCase()
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter(Boolean)
  return parts.length > 0 ? ` ${parts.join(' ')} ` : ''
}
