/**
 * The skills map of an open space as one read model, rebuilt only when one of its stores
 * changed, and the device's own group in that space.
 */
import { useMemo } from 'react'
import type { GroupId } from '../../domain/ids'
import {
  buildSkillsMap,
  matchNeeds,
  type MatchGroup,
  type SkillsMap,
} from '../../domain/skill-matching'
import { useT } from '../../i18n/i18n-context'
import type { Session } from '../../session/session'
import { useAppServices, useDevice, useStore } from '../../session/use-app'

export function useSkillsMap(session: Session): SkillsMap {
  const store = session.stores.skills
  const skills = useStore(store.skills)
  const entries = useStore(store.entries)
  const exchanges = useStore(store.exchanges)
  const groups = useStore(session.stores.groups)
  return useMemo(
    () =>
      buildSkillsMap({
        skills: skills.all,
        entries: entries.items,
        exchanges: exchanges.items,
        groups: groups.items,
      }),
    [skills, entries, exchanges, groups],
  )
}

export function useMatches(map: SkillsMap) {
  return useMemo(() => matchNeeds(map), [map])
}

/** The group this phone speaks for in the space, if chosen and still live. */
export function useMyGroup(session: Session, map: SkillsMap) {
  const services = useAppServices()
  const chosen = useDevice().myGroups[session.spaceId] as GroupId | undefined
  const myGroup = chosen && map.groups.has(chosen) ? chosen : undefined
  const setMyGroup = (groupId: GroupId | undefined) => services.setMyGroup(session.spaceId, groupId)
  return [myGroup, setMyGroup] as const
}

/** The live groups by name in the reader's language, sorted once per change of the map. */
export function useGroupsByName(map: SkillsMap): readonly MatchGroup[] {
  const t = useT()
  return useMemo(
    () => [...map.groups.values()].sort((a, b) => a.name.localeCompare(b.name, t.locale)),
    [map, t],
  )
}
