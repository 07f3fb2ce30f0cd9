/**
 * Share and sync, inside a space, in the order a member needs it: the invite (share sheet,
 * copy, QR code), who is here now, sync by file; then, folded away under "Advanced", what only
 * whoever runs a network's server needs (signalling, STUN/TURN) and moving to a new key.
 */
import { useId, useState, type SyntheticEvent } from 'react'
import { formatInvite } from '../../domain/invite'
import {
  formatIceLines,
  parseIceLines,
  parseSignallingLines,
  type SettingsLineError,
} from '../../domain/sync-settings'
import { useT } from '../../i18n/i18n-context'
import type { MessageKey } from '../../i18n/translate'
import type { Session } from '../../session/session'
import { defaultSignallingUrl } from '../../session/session-sync'
import { useAppServices, usePresent, useSyncStatus } from '../../session/use-app'
import type { SpaceRecord } from '../../session/types'
import { formatTime } from '../../ui/format'
import { QrCode } from '../../ui/qr-code'
import { Link } from '../../ui/router'
import { FileSyncSection } from './file-sync-section'
import { MoveSection } from './move-section'
import './share.css'

export function ShareScreen({ session, space }: { session: Session; space: SpaceRecord }) {
  const t = useT()
  return (
    <div className="stack">
      <h1 id="main-heading" tabIndex={-1}>
        {t('share.title')}
      </h1>
      <InviteSection space={space} />
      <div className="stack">
        <Link to={`/spaces/${space.id}/room`} className="button">
          {t('room.entry')}
        </Link>
        <p className="hint">{t('room.entryHint')}</p>
      </div>
      <PresenceSection session={session} />
      <FileSyncSection session={session} space={space} />
      <details className="advanced">
        <summary>{t('share.advanced')}</summary>
        <div className="stack">
          <p className="hint">{t('share.advancedHint')}</p>
          <ServersSection space={space} />
          <MoveSection space={space} />
        </div>
      </details>
    </div>
  )
}

/**
 * The link as a person reads it: letters of any script instead of %D8%B4… The link itself
 * (what is copied, shared and put in the QR code) stays percent-encoded, as every app expects.
 * Only encoded non-ASCII letters are decoded, so spaces, '&' and '#' keep their meaning.
 */
export function readableLink(link: string): string {
  return link.replace(/(?:%[89A-Fa-f][0-9A-Fa-f])+/g, (run) => {
    try {
      return decodeURIComponent(run)
    } catch {
      return run // not whole UTF-8 characters: leave as it was
    }
  })
}

const STATE_TEXT = {
  offline: 'share.stateOffline',
  unreachable: 'share.stateUnreachable',
  connecting: 'share.stateConnecting',
  looking: 'share.stateLooking',
  connected: 'share.stateConnected',
} as const satisfies Record<string, MessageKey>

function PresenceSection({ session }: { session: Session }) {
  const t = useT()
  const status = useSyncStatus(session)
  const present = usePresent(session)
  const id = useId()
  const last = status.lastExchange
  return (
    <section className="card stack" aria-labelledby={id}>
      <h2 id={id}>{t('share.hereTitle')}</h2>
      <p role="status">
        {session.sync
          ? t(STATE_TEXT[status.state], { count: status.peers })
          : t('share.stateUnavailable')}
      </p>
      {present.length === 0 ? (
        <p className="empty">{t('share.nobody')}</p>
      ) : (
        <ul className="people" aria-label={t('share.hereList')}>
          {present.map((peer) => (
            <li key={peer.clientId}>
              <span className="dot" style={{ background: peer.colour }} aria-hidden="true" />
              {peer.name}
            </li>
          ))}
        </ul>
      )}
      <p className="hint">
        {last
          ? t('share.lastExchange', {
              time: formatTime(last.at, t.locale),
              names: last.peerNames.length > 0 ? last.peerNames.join(', ') : t('share.someone'),
            })
          : t('share.noExchange')}
      </p>
    </section>
  )
}

function InviteSection({ space }: { space: SpaceRecord }) {
  const t = useT()
  const services = useAppServices()
  const [shown, setShown] = useState(false)
  const [notice, setNotice] = useState('')
  const id = useId()
  const link = formatInvite(window.location.origin, {
    spaceId: space.id,
    key: space.key,
    name: space.name,
  })
  const canShare = typeof navigator.share === 'function'

  const show = () => {
    setShown(true)
    // once the QR code is on screen anyone near can scan it: the space is shared
    void services.markShared(space.id)
  }
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link)
      setNotice(t('share.copied'))
    } catch {
      setNotice(t('share.copyFailed'))
    }
  }
  const share = async () => {
    try {
      await navigator.share({
        title: space.name,
        text: t('share.shareText', { name: space.name }),
        url: link,
      })
    } catch {
      // the person closed the share sheet: nothing to say
    }
  }

  return (
    <section className="card stack" aria-labelledby={id}>
      <h2 id={id}>{t('share.inviteTitle')}</h2>
      <p className="notice">{t('share.inviteWarning')}</p>
      {!shown ? (
        <button type="button" className="primary" onClick={show}>
          {t('share.showInvite')}
        </button>
      ) : (
        <>
          <div className="field">
            <label htmlFor={`${id}-link`}>{t('share.linkLabel')}</label>
            <textarea
              id={`${id}-link`}
              className="invite-link"
              readOnly
              dir="ltr"
              rows={5}
              value={readableLink(link)}
              onFocus={(event) => event.target.select()}
            />
          </div>
          <div className="button-row">
            {canShare && (
              <button type="button" className="primary" onClick={() => void share()}>
                {t('share.share')}
              </button>
            )}
            <button type="button" className={canShare ? '' : 'primary'} onClick={() => void copy()}>
              {t('share.copy')}
            </button>
            <button type="button" onClick={() => setShown(false)}>
              {t('share.hideInvite')}
            </button>
          </div>
          <p className="notice" role="status">
            {notice}
          </p>
          <QrCode text={link} label={t('share.qrLabel', { name: space.name })} />
          <p className="hint">{t('share.iphoneHint')}</p>
        </>
      )}
    </section>
  )
}

const LINE_ERRORS: Record<SettingsLineError, MessageKey> = {
  'signalling-not-websocket': 'share.errorSignalling',
  'ice-bad-scheme': 'share.errorIce',
  'turn-needs-credentials': 'share.errorTurn',
  'too-many': 'share.errorTooMany',
}

function ServersSection({ space }: { space: SpaceRecord }) {
  const t = useT()
  const services = useAppServices()
  const id = useId()
  const [signalling, setSignalling] = useState(space.settings.signallingUrls.join('\n'))
  const [ice, setIce] = useState(formatIceLines(space.settings.iceServers))
  const [errors, setErrors] = useState<{ signalling?: string; ice?: string }>({})
  const [saved, setSaved] = useState(false)

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault()
    const urls = parseSignallingLines(signalling)
    const servers = parseIceLines(ice)
    const next: { signalling?: string; ice?: string } = {}
    if (!urls.ok) next.signalling = t(LINE_ERRORS[urls.error], { line: urls.line })
    if (!servers.ok) next.ice = t(LINE_ERRORS[servers.error], { line: servers.line })
    setErrors(next)
    setSaved(false)
    if (!urls.ok || !servers.ok) return
    const result = await services.updateSpaceSettings(space.id, {
      signallingUrls: urls.value,
      iceServers: servers.value,
    })
    setSaved(result.ok)
  }

  return (
    <section className="card stack" aria-labelledby={id}>
      <h2 id={id}>{t('share.serversTitle')}</h2>
      <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-signal`}>{t('share.signallingLabel')}</label>
          <p className="hint" id={`${id}-signal-hint`}>
            {t('share.signallingHint', { url: defaultSignallingUrl(window.location) })}
          </p>
          <textarea
            id={`${id}-signal`}
            rows={2}
            value={signalling}
            spellCheck={false}
            autoCapitalize="off"
            aria-invalid={errors.signalling !== undefined}
            aria-describedby={`${id}-signal-hint${errors.signalling ? ` ${id}-signal-error` : ''}`}
            onChange={(event) => setSignalling(event.target.value)}
          />
          {errors.signalling && (
            <p className="error" id={`${id}-signal-error`} role="alert">
              {errors.signalling}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-ice`}>{t('share.iceLabel')}</label>
          <p className="hint" id={`${id}-ice-hint`}>
            {t('share.iceHint')}
          </p>
          <textarea
            id={`${id}-ice`}
            rows={2}
            value={ice}
            spellCheck={false}
            autoCapitalize="off"
            aria-invalid={errors.ice !== undefined}
            aria-describedby={`${id}-ice-hint${errors.ice ? ` ${id}-ice-error` : ''}`}
            onChange={(event) => setIce(event.target.value)}
          />
          {errors.ice && (
            <p className="error" id={`${id}-ice-error`} role="alert">
              {errors.ice}
            </p>
          )}
        </div>
        <button type="submit">{t('share.saveServers')}</button>
        <p className="notice" role="status">
          {saved ? t('share.serversSaved') : ''}
        </p>
      </form>
    </section>
  )
}
