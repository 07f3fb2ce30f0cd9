/**
 * Opening an invite link (/join#space=…&key=…&name=…): says what joining means, then adds the
 * space to this device (or opens it if it is already here) and removes the key from the
 * address bar and history.
 */
import { useState } from 'react'
import { parseInvite } from '../../domain/invite'
import { useT } from '../../i18n/i18n-context'
import { INVITE_ERROR_MESSAGES } from '../../ui/invite-messages'
import { useAppServices, useSpaces } from '../../session/use-app'
import { Link, navigate } from '../../ui/router'
import { ok } from '../../domain/result'

export function JoinScreen() {
  const t = useT()
  const services = useAppServices()
  const spaces = useSpaces()
  const [parsed] = useState(() => parseInvite(window.location.hash))
  const [busy, setBusy] = useState(false)

  if (!parsed.ok) {
    return (
      <main className="page narrow" id="main">
        <h1 id="main-heading" tabIndex={-1}>
          {t('join.invalidTitle')}
        </h1>
        <p role="alert">{t(INVITE_ERROR_MESSAGES[parsed.error])}</p>
        <p>{t('join.askAgain')}</p>
        <Link to="/">{t('notFound.home')}</Link>
      </main>
    )
  }

  const invite = parsed.value
  const name = invite.name || t('join.unnamed')
  const existing = spaces.find((space) => space.id === invite.spaceId)

  const join = async () => {
    setBusy(true)
    const result = existing ? ok(existing) : await services.joinSpace(invite)
    if (!result.ok) {
      setBusy(false) // the app-wide alert says why
      return
    }
    // the key must not stay in the address bar or in history
    window.history.replaceState(null, '', '/')
    navigate(`/spaces/${result.value.id}/home`, { replace: true })
  }

  return (
    <main className="page narrow" id="main">
      <h1 id="main-heading" tabIndex={-1}>
        {existing ? t('join.alreadyTitle', { name: existing.name }) : t('join.title', { name })}
      </h1>
      {existing ? (
        <p>{t('join.alreadyBody')}</p>
      ) : (
        <>
          <p className="lead">{t('join.body')}</p>
          <p className="notice">{t('join.warning')}</p>
        </>
      )}
      <div className="button-row">
        <button type="button" className="primary" disabled={busy} onClick={() => void join()}>
          {existing ? t('join.open') : t('join.join')}
        </button>
        <button type="button" onClick={() => navigate('/', { replace: true })}>
          {t('join.cancel')}
        </button>
      </div>
    </main>
  )
}
