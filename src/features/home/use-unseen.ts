/**
 * How many changes by others arrived since this phone last looked at a space's home: the
 * number on the Home tab, like a chat app's unread count, so "what's new" shows from any tab.
 */
import { useMemo } from 'react'
import { buildSkillsMap } from '../../domain/skill-matching'
import type { Session } from '../../session/session'
import { useDevice, useStore } from '../../session/use-app'
import { changesSince } from './whats-new'

export function useUnseenCount(session: Session): number {
  const device = useDevice()
  const groups = useStore(session.stores.groups).items
  const meetings = useStore(session.stores.meetings).items
  const skills = useStore(session.stores.skills.skills)
  const entries = useStore(session.stores.skills.entries)
  const since = device.lastLooked[session.spaceId]
  const me = device.profile?.displayName ?? ''
  // The map is rebuilt only when skills, entries or groups change: the badge is on every tab,
  // and typing a meeting's notes changes the meetings on every keystroke.
  const map = useMemo(
    () => buildSkillsMap({ skills: skills.all, entries: entries.items, exchanges: [], groups }),
    [skills, entries, groups],
  )
  return useMemo(
    // before the first look, the home itself shows the week's changes: no number yet
    () => (since === undefined ? 0 : changesSince({ groups, meetings, map }, since, me).length),
    [since, me, groups, meetings, map],
  )
}
