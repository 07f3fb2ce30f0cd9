/**
 * The languages a group works in, named in the reader's language (never as codes): chosen ones
 * as chips, and a list to add another (choosing one adds it, no second tap).
 */
import { useT } from '../../i18n/i18n-context'
import { describedBy, FieldError } from './form-fields'
import { COMMON_LANGUAGES, useLanguageName } from './labels'
import { useFieldHelpers, type SectionProps } from './profile-sections'

export function LanguagesSection(props: SectionProps) {
  const t = useT()
  const { error } = useFieldHelpers(props)
  const { id, draft, set } = props
  const name = useLanguageName()
  const languageError = error('languages')
  const choices = COMMON_LANGUAGES.filter((code) => !draft.languages.includes(code))
    .map((code) => ({ code, label: name(code) }))
    .sort((a, b) => a.label.localeCompare(b.label, t.locale))
  return (
    <div className="field">
      <span className="label" id={`${id}-languages-label`}>
        {t('groupForm.languages')}
      </span>
      {draft.languages.length > 0 ? (
        <ul className="chips" aria-labelledby={`${id}-languages-label`}>
          {draft.languages.map((tag) => (
            <li key={tag}>
              <span>{name(tag)}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={t('groupForm.removeLanguage', { language: name(tag) })}
                onClick={() => set({ languages: draft.languages.filter((l) => l !== tag) })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">{t('groupForm.noLanguages')}</p>
      )}
      <label htmlFor={`${id}-languages`} className="visually-hidden">
        {t('groupForm.addLanguageLabel')}
      </label>
      <select
        id={`${id}-languages`}
        value=""
        aria-invalid={languageError ? true : undefined}
        aria-describedby={describedBy(`${id}-languages`, false, languageError)}
        onChange={(event) => {
          const code = event.target.value
          if (code) set({ languages: [...draft.languages, code] })
        }}
      >
        <option value="">{t('groupForm.chooseLanguage')}</option>
        {choices.map(({ code, label }) => (
          <option key={code} value={code}>
            {label}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-languages`} error={languageError} />
    </div>
  )
}
