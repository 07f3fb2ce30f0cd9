import { useId, useState, type SyntheticEvent } from 'react'
import {
  GROUP_NAME_MAX,
  GROUP_SUMMARY_MAX,
  validateGroupFields,
  type GroupFields,
} from '../../domain/group'
import { useT } from '../../i18n/i18n-context'

interface Props {
  readonly initial?: GroupFields
  readonly submitLabel: string
  readonly onSubmit: (fields: GroupFields) => void
  readonly onCancel?: () => void
}

/** Name and one-line summary; the full profile form grows from here. */
export function GroupForm({ initial, submitLabel, onSubmit, onCancel }: Props) {
  const t = useT()
  const [fields, setFields] = useState<GroupFields>(initial ?? { name: '', summary: '' })
  const [touched, setTouched] = useState(false)
  const id = useId()
  const errors = touched ? validateGroupFields(fields) : {}

  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    setTouched(true)
    const found = validateGroupFields(fields)
    if (found.name) {
      document.getElementById(`${id}-name`)?.focus()
      return
    }
    if (found.summary) return
    onSubmit(fields)
    if (!initial) {
      setFields({ name: '', summary: '' })
      setTouched(false)
    }
  }

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('groups.name')}</label>
        <input
          id={`${id}-name`}
          value={fields.name}
          maxLength={GROUP_NAME_MAX}
          aria-invalid={errors.name !== undefined}
          aria-describedby={errors.name ? `${id}-name-error` : undefined}
          onChange={(event) => setFields({ ...fields, name: event.target.value })}
        />
        {errors.name && (
          <p className="error" id={`${id}-name-error`} role="alert">
            {t(errors.name === 'name-required' ? 'groups.nameRequired' : 'groups.nameTooLong', {
              max: GROUP_NAME_MAX,
            })}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-summary`}>{t('groups.summary')}</label>
        <input
          id={`${id}-summary`}
          value={fields.summary}
          maxLength={GROUP_SUMMARY_MAX}
          aria-describedby={`${id}-summary-hint`}
          onChange={(event) => setFields({ ...fields, summary: event.target.value })}
        />
        <p className="hint" id={`${id}-summary-hint`}>
          {t('groups.summaryHint')}
        </p>
      </div>
      <div className="button-row">
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
        <button type="submit" className="primary">
          {submitLabel}
        </button>
      </div>
    </form>
  )
}
