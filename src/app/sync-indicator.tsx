/**
 * Where this space's copy stands, in a person's words: only on this phone, shared with nobody
 * else here right now, in sync with named people, offline, online but out of reach of the sync
 * server, or not in sync with a phone whose changes were refused (and why). Calm on purpose:
 * working alone is not an error. Leads to Share and sync, like the Share action beside the
 * space's name.
 */
import { useEffect } from 'react'
import { useT } from '../i18n/i18n-context'
import type { MessageKey, Translator } from '../i18n/translate'
import type { Session } from '../session/session'
import type { PresentPeer, RefusalReason, SyncStatus } from '../session/session-sync'
import type { SpaceRecord } from '../session/types'
import { useAppServices, useDevice, usePresent, useSyncStatus } from '../session/use-app'
import { Link } from '../ui/router'

/** Past this many names the status says how many instead. */
const NAMES_MAX = 3

export type SyncWording =
  | 'alone'
  | 'aloneOffline'
  | 'shared'
  | 'sharedOffline'
  | 'sharedUnreachable'
  | 'noLive'
  | 'refusedNewer'
  | 'refusedTooLarge'
  | 'refusedUnreadable'
  | 'with'

const WORDS: Record<Exclude<SyncWording, 'with'>, MessageKey> = {
  alone: 'sync.alone',
  aloneOffline: 'sync.aloneOffline',
  shared: 'sync.shared',
  sharedOffline: 'sync.sharedOffline',
  sharedUnreachable: 'sync.sharedUnreachable',
  noLive: 'sync.noLive',
  refusedNewer: 'sync.refusedNewer',
  refusedTooLarge: 'sync.refusedTooLarge',
  refusedUnreadable: 'sync.refusedUnreadable',
}

const REFUSED: Record<RefusalReason, SyncWording> = {
  'newer-app': 'refusedNewer',
  'too-large': 'refusedTooLarge',
  unreadable: 'refusedUnreadable',
}

/** Wordings that ask the person to do something: shown in full, never cut short. */
export const PROBLEMS: ReadonlySet<SyncWording> = new Set(Object.values(REFUSED))

/**
 * Offline only when the phone is; online with no sync server answering says that instead
 * (changes still wait on this phone). A phone that was refused is named with the reason until
 * another phone is in sync. Alone, the server does not matter: the space is only here anyway.
 */
export function syncWording(status: SyncStatus, shared: boolean, live: boolean): SyncWording {
  if (status.state === 'connected' && status.peers > 0) return 'with'
  if (status.refused) return REFUSED[status.refused.reason]
  if (!shared) return status.state === 'offline' && live ? 'aloneOffline' : 'alone'
  if (!live) return 'noLive'
  if (status.state === 'offline') return 'sharedOffline'
  return status.state === 'unreachable' ? 'sharedUnreachable' : 'shared'
}

function describe(
  t: Translator,
  wording: SyncWording,
  status: SyncStatus,
  present: readonly PresentPeer[],
) {
  if (wording !== 'with') return t(WORDS[wording])
  const names = [...new Set(present.map((p) => p.name))]
  if (names.length === 0 || names.length > NAMES_MAX)
    return t('sync.withCount', { count: Math.max(status.peers, names.length) })
  const list = new Intl.ListFormat(t.locale, { type: 'conjunction' }).format(names)
  return t('sync.with', { names: list })
}

export function SyncIndicator({ session, space }: { session: Session; space: SpaceRecord }) {
  const t = useT()
  const services = useAppServices()
  const status = useSyncStatus(session)
  const present = usePresent(session)
  const shared = useDevice().shared[space.id] !== undefined
  const seenSomeone = status.peers > 0
  // once another phone has been here, the space is no longer only on this one
  useEffect(() => {
    if (seenSomeone && !shared) void services.markShared(space.id)
  }, [seenSomeone, shared, services, space.id])
  const wording = syncWording(status, shared || seenSomeone, session.sync !== undefined)
  const words = describe(t, wording, status, present)
  return (
    <p role="status" className="sync-indicator">
      <Link
        to={`/spaces/${space.id}/share`}
        className={`sync-chip ${wording}${PROBLEMS.has(wording) ? ' problem' : ''}`}
        title={words}
      >
        <span className="dot" aria-hidden="true" />
        <span className="words">{words}</span>
      </Link>
    </p>
  )
}
