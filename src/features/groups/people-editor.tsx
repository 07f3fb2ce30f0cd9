/** The group's people in the form: add, change, remove (a removal happens only on save). */
import type { ReactNode } from 'react'
import type { PersonFieldErrors } from '../../domain/group'
import { newId } from '../../domain/ids'
import { useT } from '../../i18n/i18n-context'
import { errorText } from './error-text'
import { TextField } from './form-fields'
import type { PersonDraft } from './form-state'

interface Props {
  readonly id: string
  readonly people: readonly PersonDraft[]
  readonly errors: Readonly<Record<string, PersonFieldErrors>>
  readonly onChange: (people: readonly PersonDraft[]) => void
  /** The public switch for the people as a whole. */
  readonly publicSwitch: ReactNode
}

const FIELDS = [
  ['name', 'groupForm.personName', 'text'],
  ['role', 'groupForm.personRole', 'text'],
  ['email', 'groupForm.email', 'email'],
  ['phone', 'groupForm.phone', 'tel'],
  ['other', 'groupForm.otherContact', 'text'],
] as const

export function PeopleEditor({ id, people, errors, onChange, publicSwitch }: Props) {
  const t = useT()
  const change = (key: string, patch: Partial<PersonDraft>) =>
    onChange(people.map((p) => (p.key === key ? { ...p, ...patch } : p)))
  return (
    <fieldset className="form-section">
      <legend>{t('groupForm.people')}</legend>
      <p className="hint">{t('groupForm.peopleHint')}</p>
      {publicSwitch}
      {people.map((person, index) => {
        const title = person.name.trim() || t('groupForm.personNumber', { number: index + 1 })
        const personErrors = errors[person.key] ?? {}
        return (
          <fieldset key={person.key} className="person-edit">
            <legend>{title}</legend>
            {FIELDS.map(([field, labelKey, type]) => {
              const errorField = field === 'other' ? 'otherContact' : field
              const code = personErrors[errorField]
              return (
                <TextField
                  key={field}
                  id={`${id}-p-${person.key}-${field}`}
                  label={t(labelKey)}
                  type={type}
                  value={person[field]}
                  onChange={(value) => change(person.key, { [field]: value })}
                  error={code && errorText(t, code, field === 'name' ? 'person' : errorField)}
                  {...(field === 'name' && { required: true })}
                />
              )
            })}
            <button
              type="button"
              className="danger"
              onClick={() => onChange(people.filter((p) => p.key !== person.key))}
            >
              {t('groupForm.removePerson', { name: title })}
            </button>
          </fieldset>
        )
      })}
      <button
        type="button"
        onClick={() =>
          onChange([
            ...people,
            { key: newId<'row'>(), name: '', role: '', email: '', phone: '', other: '' },
          ])
        }
      >
        {t('groupForm.addPerson')}
      </button>
    </fieldset>
  )
}
