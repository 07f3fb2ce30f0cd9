/**
 * The profile part of the form, in groups a person can take in at a glance: about, place,
 * what the group does (ESSGlobal terms), facts, contact. Each field carries its public switch.
 */
import { useState } from 'react'
import { ESSGLOBAL_ATTRIBUTION, listTerms, type EssglobalVocabulary } from '../../domain/essglobal'
import {
  GEOGRAPHIC_SCOPES,
  GROUP_STATUSES,
  isGeographicScope,
  isGroupStatus,
  type GroupDraft,
  type GroupErrorField,
  type GroupFieldErrors,
  type Visibilities,
  type VisibilityField,
} from '../../domain/group'
import { useT } from '../../i18n/i18n-context'
import type { MessageKey } from '../../i18n/translate'
import { errorText } from './error-text'
import { describedBy, FieldError, PublicSwitch, TextField } from './form-fields'
import {
  COMMON_LANGUAGES,
  countryOptions,
  languageName,
  SCOPE_KEY,
  STATUS_KEY,
  termName,
} from './labels'

export interface SectionProps {
  readonly id: string
  readonly draft: GroupDraft
  readonly errors: GroupFieldErrors
  readonly set: (patch: Partial<GroupDraft>) => void
}

function useFieldHelpers({ id, draft, errors, set }: SectionProps) {
  const t = useT()
  const error = (field: GroupErrorField) => {
    const code = errors[field]
    return code && errorText(t, code, field)
  }
  const publicSwitch = (field: VisibilityField, label: string) => (
    <PublicSwitch
      id={`${id}-${field}`}
      field={field}
      label={label}
      visibility={draft.visibility}
      onChange={(visibility: Visibilities) => set({ visibility })}
    />
  )
  /** A text field whose draft key, error field and visibility field share one name. */
  const text = (
    field: 'name' | 'summary' | 'story' | 'website' | 'phone' | 'otherContact' | 'email',
    labelKey: MessageKey,
    options: { hint?: MessageKey; multiline?: boolean; type?: 'email' | 'tel' | 'url' } = {},
  ) => (
    <TextField
      id={`${id}-${field}`}
      label={t(labelKey)}
      value={draft[field]}
      onChange={(value) => set({ [field]: value })}
      error={error(field)}
      hint={options.hint && t(options.hint)}
      required={field === 'name'}
      {...(options.multiline && { multiline: true })}
      {...(options.type && { type: options.type, inputMode: options.type })}
      extra={publicSwitch(field, t(labelKey))}
    />
  )
  return { t, error, publicSwitch, text }
}

export function AboutSection(props: SectionProps) {
  const { t, text } = useFieldHelpers(props)
  return (
    <fieldset className="form-section">
      <legend>{t('groupForm.about')}</legend>
      {text('name', 'groups.name')}
      {text('summary', 'groups.summary', { hint: 'groups.summaryHint' })}
      {text('story', 'groupForm.story', { multiline: true, hint: 'groupForm.storyHint' })}
    </fieldset>
  )
}

export function PlaceSection(props: SectionProps) {
  const { t, error, publicSwitch } = useFieldHelpers(props)
  const { id, draft, set } = props
  return (
    <fieldset className="form-section">
      <legend>{t('groupForm.place')}</legend>
      <TextField
        id={`${id}-locality`}
        label={t('groupForm.locality')}
        value={draft.locality}
        onChange={(locality) => set({ locality })}
        error={error('locality')}
      />
      <TextField
        id={`${id}-region`}
        label={t('groupForm.region')}
        value={draft.region}
        onChange={(region) => set({ region })}
        error={error('region')}
      />
      <div className="field">
        <label htmlFor={`${id}-country`}>{t('groupForm.country')}</label>
        <select
          id={`${id}-country`}
          value={draft.country}
          aria-invalid={error('country') ? true : undefined}
          aria-describedby={describedBy(`${id}-country`, false, error('country'))}
          onChange={(event) => set({ country: event.target.value })}
        >
          <option value="">{t('groupForm.notGiven')}</option>
          {countryOptions(t.locale).map(({ code, name }) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-country`} error={error('country')} />
      </div>
      {publicSwitch('place', t('groupForm.place'))}
      <div className="field">
        <label htmlFor={`${id}-scope`}>{t('groupForm.scope')}</label>
        <select
          id={`${id}-scope`}
          value={draft.scope}
          onChange={(event) => {
            const scope = event.target.value
            set({ scope: isGeographicScope(scope) ? scope : '' })
          }}
        >
          <option value="">{t('groupForm.notGiven')}</option>
          {GEOGRAPHIC_SCOPES.map((scope) => (
            <option key={scope} value={scope}>
              {t(SCOPE_KEY[scope])}
            </option>
          ))}
        </select>
        {publicSwitch('scope', t('groupForm.scope'))}
      </div>
    </fieldset>
  )
}

const TERM_FIELDS = [
  ['legalForm', 'groupForm.legalForm'],
  ['organisationalStructure', 'groupForm.structure'],
  ['membershipType', 'groupForm.membershipType'],
] as const satisfies readonly (readonly [EssglobalVocabulary, MessageKey])[]

export function WorkSection(props: SectionProps) {
  const { t, error, publicSwitch } = useFieldHelpers(props)
  const { id, draft, set } = props
  const activityError = error('activities')
  return (
    <fieldset className="form-section">
      <legend>{t('groupForm.work')}</legend>
      <fieldset
        className="choices"
        aria-describedby={describedBy(`${id}-activities`, false, activityError)}
      >
        <legend>{t('groupForm.activities')}</legend>
        {listTerms('activities').map((term, index) => (
          <label key={term.id} className="choice">
            <input
              type="checkbox"
              id={index === 0 ? `${id}-activities` : undefined}
              checked={draft.activities.includes(term.id)}
              onChange={(event) =>
                set({
                  activities: event.target.checked
                    ? [...draft.activities, term.id]
                    : draft.activities.filter((a) => a !== term.id),
                })
              }
            />
            <span>{termName(term.id, t.locale)}</span>
          </label>
        ))}
        <FieldError id={`${id}-activities`} error={activityError} />
        {publicSwitch('activities', t('groupForm.activities'))}
      </fieldset>
      {TERM_FIELDS.map(([field, labelKey]) => (
        <div className="field" key={field}>
          <label htmlFor={`${id}-${field}`}>{t(labelKey)}</label>
          <select
            id={`${id}-${field}`}
            value={draft[field]}
            aria-invalid={error(field) ? true : undefined}
            aria-describedby={describedBy(`${id}-${field}`, false, error(field))}
            onChange={(event) => set({ [field]: event.target.value })}
          >
            <option value="">{t('groupForm.notGiven')}</option>
            {listTerms(field).map((term) => (
              <option key={term.id} value={term.id}>
                {termName(term.id, t.locale)}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-${field}`} error={error(field)} />
          {publicSwitch(field, t(labelKey))}
        </div>
      ))}
      <EssglobalCredit />
    </fieldset>
  )
}

/** ESSGlobal terms are CC BY 3.0: wherever they are shown, they are credited. */
export function EssglobalCredit() {
  const t = useT()
  const { sourceLabel, source, licence, licenceUrl } = ESSGLOBAL_ATTRIBUTION
  return (
    <p className="hint credit">
      {t('essglobal.credit', { source: sourceLabel, licence })}{' '}
      <a href={source}>{t('groups.creditSource')}</a> · <a href={licenceUrl}>{licence}</a>
    </p>
  )
}

export function FactsSection(props: SectionProps) {
  const { t, error, publicSwitch } = useFieldHelpers(props)
  const { id, draft, set } = props
  const [adding, setAdding] = useState('')
  const languageError = error('languages')
  const choices = COMMON_LANGUAGES.filter((code) => !draft.languages.includes(code))
  return (
    <fieldset className="form-section">
      <legend>{t('groupForm.facts')}</legend>
      <TextField
        id={`${id}-yearFounded`}
        label={t('groupForm.yearFounded')}
        value={draft.yearFounded}
        inputMode="numeric"
        onChange={(yearFounded) => set({ yearFounded })}
        error={error('yearFounded')}
        extra={publicSwitch('yearFounded', t('groupForm.yearFounded'))}
      />
      <TextField
        id={`${id}-memberCount`}
        label={t('groupForm.memberCount')}
        value={draft.memberCount}
        inputMode="numeric"
        onChange={(memberCount) => set({ memberCount })}
        error={error('memberCount')}
        extra={publicSwitch('memberCount', t('groupForm.memberCount'))}
      />
      <div className="field">
        <span className="label" id={`${id}-languages-label`}>
          {t('groupForm.languages')}
        </span>
        {draft.languages.length > 0 ? (
          <ul className="chips" aria-labelledby={`${id}-languages-label`}>
            {draft.languages.map((tag) => (
              <li key={tag}>
                <span>{languageName(tag, t.locale)}</span>
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={t('groupForm.removeLanguage', {
                    language: languageName(tag, t.locale),
                  })}
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
        <div className="inline-add">
          <label htmlFor={`${id}-languages`} className="visually-hidden">
            {t('groupForm.addLanguageLabel')}
          </label>
          <select
            id={`${id}-languages`}
            value={adding}
            aria-invalid={languageError ? true : undefined}
            aria-describedby={describedBy(`${id}-languages`, false, languageError)}
            onChange={(event) => setAdding(event.target.value)}
          >
            <option value="">{t('groupForm.chooseLanguage')}</option>
            {choices.map((code) => (
              <option key={code} value={code}>
                {languageName(code, t.locale)}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={adding === ''}
            onClick={() => {
              set({ languages: [...draft.languages, adding] })
              setAdding('')
            }}
          >
            {t('groupForm.addLanguage')}
          </button>
        </div>
        <FieldError id={`${id}-languages`} error={languageError} />
        {publicSwitch('languages', t('groupForm.languages'))}
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>{t('groupForm.status')}</label>
        <select
          id={`${id}-status`}
          value={draft.status}
          onChange={(event) => {
            const status = event.target.value
            set({ status: isGroupStatus(status) ? status : '' })
          }}
        >
          <option value="">{t('groupForm.notGiven')}</option>
          {GROUP_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(STATUS_KEY[status])}
            </option>
          ))}
        </select>
        {publicSwitch('status', t('groupForm.status'))}
      </div>
      <TextField
        id={`${id}-joinedAt`}
        label={t('groupForm.joinedAt')}
        type="date"
        value={draft.joinedAt}
        onChange={(joinedAt) => set({ joinedAt })}
        error={error('joinedAt')}
        extra={publicSwitch('joinedAt', t('groupForm.joinedAt'))}
      />
    </fieldset>
  )
}

export function ContactSection(props: SectionProps) {
  const { t, text } = useFieldHelpers(props)
  return (
    <fieldset className="form-section">
      <legend>{t('groupForm.contact')}</legend>
      {text('website', 'groupForm.website', { type: 'url' })}
      {text('email', 'groupForm.email', { type: 'email' })}
      {text('phone', 'groupForm.phone', { type: 'tel' })}
      {text('otherContact', 'groupForm.otherContact', { hint: 'groupForm.otherContactHint' })}
    </fieldset>
  )
}
