/**
 * The fields of each "Add more details" section, in plain words: about, contact, what the group
 * does (ESSGlobal activities), where, and how it is organised (ESSGlobal terms, each explained
 * in a hint). Who can see each section is set once per section (visibility-control.tsx).
 */
import { ESSGLOBAL_ATTRIBUTION, listTerms, type EssglobalVocabulary } from '../../domain/essglobal'
import {
  GEOGRAPHIC_SCOPES,
  GROUP_STATUSES,
  type GroupDraft,
  type GroupErrorField,
  type GroupFieldErrors,
} from '../../domain/group'
import { useT } from '../../i18n/i18n-context'
import type { MessageKey } from '../../i18n/translate'
import { errorText } from './error-text'
import { describedBy, FieldError, TextField } from './form-fields'
import { countryOptions, SCOPE_KEY, STATUS_KEY, termName } from './labels'
import { ChoiceSelect } from '../../ui/choice-select'

export interface SectionProps {
  readonly id: string
  readonly draft: GroupDraft
  readonly errors: GroupFieldErrors
  readonly set: (patch: Partial<GroupDraft>) => void
}

export function useFieldHelpers({ id, draft, errors, set }: SectionProps) {
  const t = useT()
  const error = (field: GroupErrorField) => {
    const code = errors[field]
    return code && errorText(t, code, field)
  }
  /** A text field whose draft key and error field share one name. */
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
    />
  )
  return { t, error, text }
}

/** What a new group is asked: its name, and one line about it if someone has it to hand. */
export function NameFields(props: SectionProps) {
  const { text } = useFieldHelpers(props)
  return (
    <>
      {text('name', 'groups.name')}
      {text('summary', 'groups.summary', { hint: 'groups.summaryHint' })}
    </>
  )
}

export function AboutSection(props: SectionProps) {
  const { text } = useFieldHelpers(props)
  return (
    <>
      <NameFields {...props} />
      {text('story', 'groupForm.story', { multiline: true, hint: 'groupForm.storyHint' })}
    </>
  )
}

export function PlaceSection(props: SectionProps) {
  const { t, error } = useFieldHelpers(props)
  const { id, draft, set } = props
  return (
    <>
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
        <ChoiceSelect
          id={`${id}-country`}
          value={draft.country}
          none={t('groupForm.notGiven')}
          choices={countryOptions(t.locale).map(({ code, name }) => ({ value: code, label: name }))}
          aria-invalid={error('country') ? true : undefined}
          aria-describedby={describedBy(`${id}-country`, false, error('country'))}
          onChange={(country) => set({ country })}
        />
        <FieldError id={`${id}-country`} error={error('country')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-scope`}>{t('groupForm.scope')}</label>
        <ChoiceSelect
          id={`${id}-scope`}
          value={draft.scope}
          none={t('groupForm.notGiven')}
          choices={GEOGRAPHIC_SCOPES.map((value) => ({ value, label: t(SCOPE_KEY[value]) }))}
          onChange={(scope) => set({ scope })}
        />
      </div>
    </>
  )
}

export function WorkSection(props: SectionProps) {
  const { t, error } = useFieldHelpers(props)
  const { id, draft, set } = props
  const activityError = error('activities')
  return (
    <>
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
      </fieldset>
      <EssglobalCredit />
    </>
  )
}

/** ESSGlobal's words, each with a plain hint of what it asks. */
const TERM_FIELDS = [
  ['legalForm', 'groupForm.legalForm', 'groupForm.legalFormHint'],
  ['organisationalStructure', 'groupForm.structure', 'groupForm.structureHint'],
  ['membershipType', 'groupForm.membershipType', 'groupForm.membershipTypeHint'],
] as const satisfies readonly (readonly [EssglobalVocabulary, MessageKey, MessageKey])[]

export function OrganisedSection(props: SectionProps) {
  const { t, error } = useFieldHelpers(props)
  const { id, draft, set } = props
  return (
    <>
      {TERM_FIELDS.map(([field, labelKey, hintKey]) => (
        <div className="field" key={field}>
          <label htmlFor={`${id}-${field}`}>{t(labelKey)}</label>
          <p className="hint" id={`${id}-${field}-hint`}>
            {t(hintKey)}
          </p>
          <ChoiceSelect
            id={`${id}-${field}`}
            value={draft[field]}
            none={t('groupForm.notGiven')}
            choices={listTerms(field).map(({ id: value }) => ({
              value,
              label: termName(value, t.locale),
            }))}
            aria-invalid={error(field) ? true : undefined}
            aria-describedby={describedBy(`${id}-${field}`, true, error(field))}
            onChange={(value) => set({ [field]: value })}
          />
          <FieldError id={`${id}-${field}`} error={error(field)} />
        </div>
      ))}
      <TextField
        id={`${id}-yearFounded`}
        label={t('groupForm.yearFounded')}
        value={draft.yearFounded}
        inputMode="numeric"
        onChange={(yearFounded) => set({ yearFounded })}
        error={error('yearFounded')}
      />
      <TextField
        id={`${id}-memberCount`}
        label={t('groupForm.memberCount')}
        value={draft.memberCount}
        inputMode="numeric"
        onChange={(memberCount) => set({ memberCount })}
        error={error('memberCount')}
      />
      <div className="field">
        <label htmlFor={`${id}-status`}>{t('groupForm.status')}</label>
        <ChoiceSelect
          id={`${id}-status`}
          value={draft.status}
          none={t('groupForm.notGiven')}
          choices={GROUP_STATUSES.map((value) => ({ value, label: t(STATUS_KEY[value]) }))}
          onChange={(status) => set({ status })}
        />
      </div>
      <TextField
        id={`${id}-joinedAt`}
        label={t('groupForm.joinedAt')}
        type="date"
        value={draft.joinedAt}
        onChange={(joinedAt) => set({ joinedAt })}
        error={error('joinedAt')}
      />
      <EssglobalCredit />
    </>
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

export function ContactSection(props: SectionProps) {
  const { text } = useFieldHelpers(props)
  return (
    <>
      {text('website', 'groupForm.website', { type: 'url' })}
      {text('email', 'groupForm.email', { type: 'email' })}
      {text('phone', 'groupForm.phone', { type: 'tel' })}
      {text('otherContact', 'groupForm.otherContact', { hint: 'groupForm.otherContactHint' })}
    </>
  )
}
