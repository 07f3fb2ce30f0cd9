/**
 * The group's people in the form: add, change, remove (a removal happens only on save, and
 * "Undo" puts the row back as it was).
 */
import type { PersonFieldErrors } from '../../domain/group'
import { newId } from '../../domain/ids'
import { useT } from '../../i18n/i18n-context'
import { IconButton } from '../../ui/icon-button'
import { offerUndo } from '../../ui/undo'
import { errorText } from './error-text'
import { TextField } from './form-fields'
import type { PersonDraft } from './form-state'

interface Props {
  readonly id: string
  readonly people: readonly PersonDraft[]
  readonly errors: Readonly<Record<string, PersonFieldErrors>>
  readonly onChange: (people: readonly PersonDraft[]) => void
  /** Puts a removed row back (from "Undo"), into the form as it is by then. */
  readonly onRestore: (person: PersonDraft, index: number) => void
}

const FIELDS = [
  ['name', 'groupForm.personName', 'text'],
  ['role', 'groupForm.personRole', 'text'],
  ['email', 'groupForm.email', 'email'],
  ['phone', 'groupForm.phone', 'tel'],
  ['other', 'groupForm.otherContact', 'text'],
] as const

export function PeopleEditor({ id, people, errors, onChange, onRestore }: Props) {
  const t = useT()
  const change = (key: string, patch: Partial<PersonDraft>) =>
    onChange(people.map((p) => (p.key === key ? { ...p, ...patch } : p)))
  return (
    <>
      <p className="hint">{t('groupForm.peopleHint')}</p>
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
            <IconButton
              icon="trash"
              label={t('groupForm.removePerson', { name: title })}
              onClick={() => {
                onChange(people.filter((p) => p.key !== person.key))
                offerUndo(t('groupForm.personRemoved', { name: title }), () =>
                  onRestore(person, index),
                )
              }}
            />
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
    </>
  )
}
