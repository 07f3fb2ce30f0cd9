/**
 * Backup of every space on this phone with its key, in one file locked with a passphrase.
 */
import { useId, useState, type SyntheticEvent } from 'react'
import { useT } from '../../i18n/i18n-context'
import { useAppServices, useDevice } from '../../session/use-app'
import { formatTime } from '../../ui/format'
import { canShareFiles, saveFile } from '../../ui/save-file'

/** Shorter than this, a passphrase guarding every key can be guessed. */
export const MIN_PASSPHRASE = 10

export function BackupSection() {
  const t = useT()
  const services = useAppServices()
  const { lastBackupAt } = useDevice()
  const id = useId()
  const [passphrase, setPassphrase] = useState('')
  const [repeat, setRepeat] = useState('')
  const [error, setError] = useState<'short' | 'different' | undefined>()
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState('')

  const submit = async (event: SyntheticEvent, share: boolean) => {
    event.preventDefault()
    setNotice('')
    if (passphrase.length < MIN_PASSPHRASE) {
      setError('short')
      document.getElementById(`${id}-pass`)?.focus()
      return
    }
    if (repeat !== passphrase) {
      setError('different')
      document.getElementById(`${id}-repeat`)?.focus()
      return
    }
    setError(undefined)
    setBusy(true)
    const result = await services.backupAll(passphrase)
    setBusy(false)
    if (!result.ok) return // the app-wide alert says why
    const { text, fileName } = result.value
    const outcome = await saveFile(new File([text], fileName, { type: 'text/plain' }), { share })
    if (outcome === 'cancelled') return
    setPassphrase('')
    setRepeat('')
    setNotice(outcome === 'shared' ? t('backup.shared') : t('backup.saved', { name: fileName }))
  }

  const errorText =
    error === 'short'
      ? t('backup.tooShort', { min: MIN_PASSPHRASE })
      : error === 'different'
        ? t('backup.different')
        : undefined

  return (
    <section className="card stack" aria-labelledby={id}>
      <h2 id={id}>{t('backup.title')}</h2>
      <p className="hint">{t('backup.intro')}</p>
      <p>
        {lastBackupAt
          ? t('backup.last', { time: formatTime(lastBackupAt, t.locale) })
          : t('backup.never')}
      </p>
      <form className="stack" onSubmit={(event) => void submit(event, false)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-pass`}>{t('backup.passphrase')}</label>
          <p className="hint" id={`${id}-pass-hint`}>
            {t('backup.passphraseHint', { min: MIN_PASSPHRASE })}
          </p>
          <input
            id={`${id}-pass`}
            type="password"
            autoComplete="new-password"
            value={passphrase}
            aria-invalid={error === 'short'}
            aria-describedby={`${id}-pass-hint${error === 'short' ? ` ${id}-error` : ''}`}
            onChange={(event) => setPassphrase(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-repeat`}>{t('backup.repeat')}</label>
          <input
            id={`${id}-repeat`}
            type="password"
            autoComplete="new-password"
            value={repeat}
            aria-invalid={error === 'different'}
            aria-describedby={error === 'different' ? `${id}-error` : undefined}
            onChange={(event) => setRepeat(event.target.value)}
          />
        </div>
        {errorText && (
          <p className="error" id={`${id}-error`} role="alert">
            {errorText}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('backup.working') : t('backup.save')}
          </button>
          {canShareFiles() && (
            <button type="button" disabled={busy} onClick={(event) => void submit(event, true)}>
              {t('backup.send')}
            </button>
          )}
        </div>
        <p className="notice" role="status">
          {notice}
        </p>
      </form>
    </section>
  )
}
