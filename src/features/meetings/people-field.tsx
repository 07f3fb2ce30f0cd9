/**
 * Who came to a meeting: names typed, or picked from the people of the groups taking part
 * (offered as suggestions), each removable. A name already on the list is not added twice.
 */
import { useId, useState } from 'react'
import { MEETING_PEOPLE_MAX, MEETING_TEXT_MAX, personKey } from '../../domain/meeting'
import { useT } from '../../i18n/i18n-context'

interface Props {
  readonly people: readonly string[]
  /** Names from the profiles of the groups taking part. */
  readonly suggestions: readonly string[]
  readonly onChange: (people: readonly string[]) => void
}

export function PeopleField({ people, suggestions, onChange }: Props) {
  const t = useT()
  const id = useId()
  const [name, setName] = useState('')
  const [error, setError] = useState('')
  const listed = new Set(people.map(personKey))

  const add = () => {
    const trimmed = name.trim()
    if (trimmed === '') return setError(t('meetings.personRequired'))
    if (listed.has(personKey(trimmed)))
      return setError(t('meetings.personListed', { name: trimmed }))
    if (people.length >= MEETING_PEOPLE_MAX) return setError(t('meetings.peopleFull'))
    onChange([...people, trimmed])
    setName('')
    setError('')
  }

  return (
    <fieldset className="stack">
      <legend>{t('meetings.peopleLabel')}</legend>
      {people.length > 0 && (
        <ul className="chips" aria-label={t('meetings.peopleLabel')}>
          {people.map((person) => (
            <li key={personKey(person)}>
              <span>{person}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={t('meetings.removePerson', { name: person })}
                onClick={() => onChange(people.filter((p) => p !== person))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('meetings.personName')}</label>
        <div className="inline-add">
          <input
            id={`${id}-name`}
            value={name}
            maxLength={MEETING_TEXT_MAX}
            list={`${id}-known`}
            aria-invalid={error !== ''}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault() // Enter adds the person; it must not send the whole form
                add()
              }
            }}
          />
          <button type="button" onClick={add}>
            {t('meetings.addPerson')}
          </button>
        </div>
        <datalist id={`${id}-known`}>
          {suggestions
            .filter((s) => !listed.has(personKey(s)))
            .map((s) => (
              <option key={personKey(s)} value={s} />
            ))}
        </datalist>
        {error && (
          <p className="error" id={`${id}-error`} role="alert">
            {error}
          </p>
        )}
      </div>
    </fieldset>
  )
}
