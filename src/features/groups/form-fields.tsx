/**
 * The building blocks of the profile form: a labelled field with its hint and error tied to it
 * (aria-describedby, aria-invalid). Who can see a field is chosen per section
 * (visibility-control.tsx), no longer by a "Public" box after each field.
 */
import type { ChangeEvent, ReactNode } from 'react'

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
