import { useT } from '../i18n/i18n-context'
import type { Session } from '../session/session'
import { useSyncStatus } from '../session/use-app'
import { Link } from '../ui/router'

/** Live sync in a few words, next to the save status; leads to Share and sync. */
export function SyncIndicator({ session }: { session: Session }) {
  const t = useT()
  const status = useSyncStatus(session)
  const text = !session.sync
    ? t('sync.unavailable')
    : status.state === 'connected'
      ? t('sync.connected', { count: status.peers })
      : status.state === 'offline'
        ? t('sync.offline')
        : t('sync.looking')
  return (
    <p role="status" className="sync-indicator">
      <Link to={`/spaces/${session.spaceId}/share`} className={`sync-chip ${status.state}`}>
        <span className="dot" aria-hidden="true" />
        {text}
      </Link>
    </p>
  )
}
