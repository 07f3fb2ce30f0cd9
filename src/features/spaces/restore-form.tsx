/**
 * Restoring a backup on this phone (a new phone, or after a reset): every space in the file
 * is added, or merged into the copy already here.
 */
import { useId, useRef, useState, type SyntheticEvent } from 'react'
import { useT } from '../../i18n/i18n-context'
import type { MessageKey } from '../../i18n/translate'
import type { RestoreOutcome } from '../../session/app-services'
import { useAppServices } from '../../session/use-app'

type Failure = Extract<RestoreOutcome, { ok: false }>['error']

const ERRORS: Record<Failure, MessageKey> = {
  'not-a-backup': 'restore.errorNotBackup',
  'unsupported-version': 'restore.errorVersion',
  'wrong-passphrase-or-damaged': 'restore.errorPassphrase',
  'too-large': 'restore.errorTooLarge',
  empty: 'restore.errorEmpty',
  'quota-exceeded': 'storage.writeQuota',
  unavailable: 'storage.writeFailed',
  unknown: 'storage.writeFailed',
}

export function RestoreForm() {
  const t = useT()
  const services = useAppServices()
  const id = useId()
  const fileInput = useRef<HTMLInputElement>(null)
  const [passphrase, setPassphrase] = useState('')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ text: string; error: boolean } | undefined>()

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault()
    const file = fileInput.current?.files?.[0]
    if (!file) {
      setMessage({ text: t('restore.chooseFile'), error: true })
      fileInput.current?.focus()
      return
    }
    setBusy(true)
    setMessage({ text: t('restore.working'), error: false })
    const result = await services.restoreBackup(file, passphrase)
    setBusy(false)
    if (!result.ok) {
      setMessage({ text: t(ERRORS[result.error]), error: true })
      return
    }
    setPassphrase('')
    if (fileInput.current) fileInput.current.value = ''
    setMessage({
      text: t('restore.done', {
        added: result.added,
        merged: result.merged,
        skipped: result.skipped,
      }),
      error: false,
    })
  }

  return (
    <form
      className="card stack"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby={id}
    >
      <h2 id={id}>{t('restore.title')}</h2>
      <p className="hint">{t('restore.intro')}</p>
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('restore.fileLabel')}</label>
        <input id={`${id}-file`} ref={fileInput} type="file" accept=".txt,text/plain" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-pass`}>{t('restore.passphrase')}</label>
        <input
          id={`${id}-pass`}
          type="password"
          autoComplete="current-password"
          value={passphrase}
          onChange={(event) => setPassphrase(event.target.value)}
        />
      </div>
      <button type="submit" disabled={busy}>
        {t('restore.submit')}
      </button>
      <p role="status" className={message?.error ? 'error' : 'notice'}>
        {message?.text ?? ''}
      </p>
    </form>
  )
}
