import { useState, type ReactNode, type SyntheticEvent } from 'react'
import { useT } from '../../i18n/i18n-context'

/** The frame both forms share: a refused entry keeps what was typed and says why. */
export function EntryForm({
  fields,
  submitLabel,
  error,
  errorId,
  focusId,
  onSubmit,
  onCancel,
}: {
  fields: (invalid: boolean) => ReactNode
  submitLabel: string
  error: string
  errorId: string
  focusId: string
  onSubmit: () => boolean
  onCancel?: () => void
}) {
  const t = useT()
  const [invalid, setInvalid] = useState(false)
  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    const ok = onSubmit()
    setInvalid(!ok)
    if (!ok) document.getElementById(focusId)?.focus()
  }
  return (
    <form className="stack" onSubmit={submit} noValidate>
      {fields(invalid)}
      {invalid && (
        <p className="error" id={errorId} role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit">{submitLabel}</button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  )
}
