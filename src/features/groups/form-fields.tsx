/**
 * The building blocks of the profile form: a labelled field with its hint and error tied to it
 * (aria-describedby, aria-invalid), and the "public" switch each field carries.
 */
import type { ChangeEvent, ReactNode } from 'react'
import type { Visibilities, VisibilityField } from '../../domain/group'
import { useT } from '../../i18n/i18n-context'

export interface FieldProps {
  readonly id: string
  readonly label: string
  readonly value: string
  readonly onChange: (value: string) => void
  readonly error?: string | undefined
  readonly hint?: string | undefined
  readonly type?: 'text' | 'email' | 'tel' | 'url' | 'date'
  readonly multiline?: boolean
  readonly rows?: number
  readonly inputMode?: 'numeric' | 'text' | 'email' | 'tel' | 'url'
  readonly autoComplete?: string
  readonly required?: boolean
  /** A control shown under the input (the public switch). */
  readonly extra?: ReactNode
}

export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean)
  return ids.length > 0 ? ids.join(' ') : undefined
}

export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null
  return (
    <p className="error" id={`${id}-error`}>
      {error}
    </p>
  )
}

export function TextField(props: FieldProps) {
  const { id, label, value, onChange, error, hint, multiline, extra } = props
  const common = {
    id,
    value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, hint, error),
    'aria-required': props.required ? true : undefined,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      onChange(event.target.value),
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea rows={props.rows ?? 5} {...common} />
      ) : (
        <input
          type={props.type ?? 'text'}
          inputMode={props.inputMode}
          autoComplete={props.autoComplete ?? 'off'}
          {...common}
        />
      )}
      <FieldError id={id} error={error} />
      {extra}
    </div>
  )
}

interface SwitchProps {
  readonly id: string
  readonly field: VisibilityField
  /** The field's name, said after "Public" so each switch has its own accessible name. */
  readonly label: string
  readonly visibility: Visibilities
  readonly onChange: (visibility: Visibilities) => void
}

/** Unticked means the field stays inside the network (the default). */
export function PublicSwitch({ id, field, label, visibility, onChange }: SwitchProps) {
  const t = useT()
  return (
    <label className="public-switch" htmlFor={`${id}-public`}>
      <input
        type="checkbox"
        id={`${id}-public`}
        checked={visibility[field] === 'public'}
        onChange={(event) =>
          onChange({ ...visibility, [field]: event.target.checked ? 'public' : 'network' })
        }
      />
      <span>
        {t('groupForm.public')}
        <span className="visually-hidden">{` (${label})`}</span>
      </span>
    </label>
  )
}
