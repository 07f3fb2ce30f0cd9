import { useState, type ReactNode, type SyntheticEvent } from 'react'
import { useT } from '../../i18n/i18n-context'

/**
 * The frame both forms share: a refused entry keeps what was typed and says why. `onSubmit`
 * saves and answers nothing, or the words saying why it could not.
 */
export function EntryForm({
  fields,
  submitLabel,
  errorId,
  focusId,
  onSubmit,
  onCancel,
}: {
  fields: (invalid: boolean) => ReactNode
  submitLabel: string
  errorId: string
  focusId: string
  onSubmit: () => string | undefined
  onCancel?: () => void
}) {
  const t = useT()
  const [error, setError] = useState<string>()
  const invalid = error !== undefined
  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    const refused = onSubmit()
    setError(refused)
    if (refused !== undefined) document.getElementById(focusId)?.focus()
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
