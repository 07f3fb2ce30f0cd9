import { useId, useRef, useState, type SyntheticEvent } from 'react'
import { flushSync } from 'react-dom'
import { parseInvite, type Invite, type InviteError } from '../../domain/invite'
import { useT } from '../../i18n/i18n-context'
import { INVITE_ERROR_MESSAGES } from '../../ui/invite-messages'
import { navigate } from '../../ui/router'
import { canScan } from '../../ui/qr-scan-camera'
import { ScanView } from './scan-view'

function openInvite({ spaceId, key, name }: Invite) {
  const fragment = new URLSearchParams({ space: spaceId, key, name }).toString()
  navigate(`/join#${fragment}`) // the join screen reads the fragment, then drops it
}

/**
 * Pasting an invite link, or scanning its QR code where there is a camera: the ways in on
 * iPhone, where links open Safari, not the app.
 */
export function JoinForm() {
  const t = useT()
  const [text, setText] = useState('')
  const [error, setError] = useState<InviteError | undefined>()
  const [scanning, setScanning] = useState(false)
  const scanButton = useRef<HTMLButtonElement>(null)
  const id = useId()

  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    const parsed = parseInvite(text)
    if (!parsed.ok) {
      setError(parsed.error)
      document.getElementById(id)?.focus()
      return
    }
    openInvite(parsed.value)
  }

  const closeScanner = (failed: boolean) => {
    flushSync(() => setScanning(false)) // so the scan button is back before focus moves
    // after a camera problem the way on is pasting; otherwise back to where the person was
    if (failed) document.getElementById(id)?.focus()
    else scanButton.current?.focus()
  }

  return (
    <form className="card stack" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('join.pasteTitle')}</h2>
      <p className="hint" id={`${id}-hint`}>
        {t('join.pasteHint')}
      </p>
      <div className="field">
        <label htmlFor={id}>{t('join.pasteLabel')}</label>
        <input
          id={id}
          value={text}
          inputMode="url"
          autoCapitalize="off"
          spellCheck={false}
          aria-invalid={error !== undefined}
          aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
          onChange={(event) => {
            setText(event.target.value)
            setError(undefined)
          }}
        />
        {error && (
          <p className="error" id={`${id}-error`} role="alert">
            {t(INVITE_ERROR_MESSAGES[error])}
          </p>
        )}
      </div>
      <button type="submit">{t('join.pasteSubmit')}</button>
      {scanning ? (
        <ScanView onInvite={openInvite} onClose={closeScanner} />
      ) : (
        canScan() && (
          <button type="button" ref={scanButton} onClick={() => setScanning(true)}>
            {t('join.scanOpen')}
          </button>
        )
      )}
    </form>
  )
}
