/**
 * "Your name", asked where a phone's person has none yet (answering a proposal, saying whether
 * one is coming): typed once, with its error tied to it.
 */
export function NameField({
  id,
  label,
  value,
  error = '',
  onChange,
}: {
  id: string
  label: string
  value: string
  error?: string
  onChange: (name: string) => void
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        autoComplete="name"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...(error ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {})}
      />
      {error && (
        <p className="error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
