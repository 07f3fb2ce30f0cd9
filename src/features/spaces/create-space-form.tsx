import { useId, useState, type SyntheticEvent } from 'react'
import { useT } from '../../i18n/i18n-context'
import { useAppServices } from '../../session/use-app'
import { Icon } from '../../ui/icons'
import { navigate } from '../../ui/router'

export const SPACE_NAME_MAX = 80

/** Creates a space and opens it. */
export function CreateSpaceForm() {
  const t = useT()
  const services = useAppServices()
  const [name, setName] = useState('')
  const [error, setError] = useState(false)
  const id = useId()

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault()
    if (name.trim() === '') {
      setError(true)
      document.getElementById(id)?.focus()
      return
    }
    const result = await services.createSpace(name.slice(0, SPACE_NAME_MAX))
    if (!result.ok) return // the app-wide alert says why; the typed name stays
    setName('')
    navigate(`/spaces/${result.value.id}/home`)
  }

  return (
    <form
      className="card stack"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby={`${id}-title`}
    >
      <h2 id={`${id}-title`}>{t('spaces.createTitle')}</h2>
      <p className="hint">{t('spaces.createHint')}</p>
      <div className="field">
        <label htmlFor={id}>{t('spaces.nameLabel')}</label>
        <input
          id={id}
          value={name}
          maxLength={SPACE_NAME_MAX}
          aria-invalid={error}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => {
            setName(event.target.value)
            if (event.target.value.trim()) setError(false)
          }}
        />
        {error && (
          <p className="error" id={`${id}-error`} role="alert">
            {t('spaces.nameRequired')}
          </p>
        )}
      </div>
      <button type="submit" className="primary">
        <Icon name="add" size={20} />
        {t('spaces.create')}
      </button>
    </form>
  )
}
