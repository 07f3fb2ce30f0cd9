/** Pieces of the room screen: the code to show, the check number, the phones linked. */
import { useT } from '../../i18n/i18n-context'
import type { RoomLinkStatus } from '../../session/session-sync'
import { formatBytes } from '../../ui/format'
import { QrCode } from '../../ui/qr-code'

/**
 * The code for the other phone, big. The text is also on the element (`data-room-code`):
 * what the QR code says, for a test to make the other phone's camera picture from.
 */
export function RoomCodeCard({
  code,
  step,
  check,
}: {
  readonly code: string
  readonly step: string
  readonly check?: string
}) {
  const t = useT()
  return (
    <div className="room-code stack" data-room-code={code}>
      <p className="room-step">{step}</p>
      <QrCode text={code} label={t('room.codeLabel')} />
      {check !== undefined && <RoomCheck value={check} />}
    </div>
  )
}

/** The number both phones show: the same on both means they reached each other. */
export function RoomCheck({ value }: { readonly value: string }) {
  const t = useT()
  return (
    <div className="room-check">
      <p>
        {t('room.checkLabel')} <strong dir="ltr">{value}</strong>
      </p>
      <p className="hint">{t('room.checkHint')}</p>
    </div>
  )
}

/** Every phone linked in the room: who, how much arrived, up to date or still syncing. */
export function RoomLinkList({ links }: { readonly links: readonly RoomLinkStatus[] }) {
  const t = useT()
  if (links.length === 0) return null
  return (
    <ul className="room-links" aria-label={t('room.linksLabel')}>
      {links.map((link) => {
        const names = new Intl.ListFormat(t.locale, { type: 'conjunction' }).format(link.names)
        const size = formatBytes(link.receivedBytes, t.locale)
        return (
          <li key={link.id} className="card stack">
            <p className="room-who">
              {link.open
                ? names
                  ? t('room.connectedTo', { names })
                  : t('room.connectedAnon')
                : t('room.linkClosed', { names: names || link.check })}
            </p>
            {link.open && (
              <p role="status" className={link.upToDate ? 'notice' : 'hint'}>
                {link.upToDate ? t('room.upToDate') : t('room.syncing')}
              </p>
            )}
            <p className="hint">
              {t('room.received', { size })} · {t('room.checkLabel')}{' '}
              <span dir="ltr">{link.check}</span>
            </p>
          </li>
        )
      })}
    </ul>
  )
}
