/**
 * A meeting's details: title, kind, date and time, place or call link, facilitator,
 * note-taker, the groups taking part and the people who came. Errors are tied to their fields; focus moves to the
 * first; what was typed stays.
 */
import { useId, useState, type ReactNode, type SyntheticEvent } from 'react'
import {
  MEETING_KINDS,
  MEETING_TEXT_MAX,
  MEETING_TITLE_MAX,
  validateMeetingFields,
  type MeetingFieldError,
  type MeetingFields,
} from '../../domain/meeting'
import { TEMPLATES, type TemplateId } from '../../domain/meeting-templates'
import { deviceTimeZone } from '../../domain/zoned-time'
import { useT } from '../../i18n/i18n-context'
import type { MessageKey } from '../../i18n/translate'
import type { Session } from '../../session/session'
import { useStore } from '../../session/use-app'
import { KIND_LABELS } from './labels'
import { PeopleField } from './people-field'
import { isTemplateChoice, savedChoice, type TemplateChoice } from './template-choice'
import { ZoneField } from './zone-field'

const ERRORS: Record<MeetingFieldError, MessageKey> = {
  'title-required': 'meetings.errorTitle',
  'title-too-long': 'meetings.errorTitleLong',
  'date-invalid': 'meetings.errorDate',
  'text-too-long': 'meetings.errorTextLong',
  'link-not-web': 'meetings.errorLink',
}

interface Props {
  readonly session: Session
  readonly initial: MeetingFields
  /** where the time is (an IANA zone); this phone's unless the meeting says otherwise */
  readonly initialZone?: string
  readonly submitLabel: string
  /** A new meeting offers a template for its notes; an existing one keeps its notes. */
  readonly withTemplate?: boolean
  readonly onSubmit: (fields: MeetingFields, template: TemplateChoice, timeZone: string) => void
  readonly onCancel: () => void
}

export const TEMPLATE_LABELS: Record<TemplateId, MessageKey> = {
  blank: 'templates.blank',
  'dialogue-round': 'templates.dialogueRound',
  workshop: 'templates.workshop',
}

export function MeetingForm({
  session,
  initial,
  initialZone,
  submitLabel,
  withTemplate = false,
  onSubmit,
  onCancel,
}: Props) {
  const t = useT()
  const id = useId()
  const groups = useStore(session.stores.groups).items
  const [fields, setFields] = useState(initial)
  const saved = useStore(session.stores.templates).items
  const [template, setTemplate] = useState<TemplateChoice>('blank')
  const [zone, setZone] = useState(() => initialZone || deviceTimeZone())
  const [errors, setErrors] = useState<Partial<Record<keyof MeetingFields, MeetingFieldError>>>({})
  const set = <K extends keyof MeetingFields>(key: K, value: MeetingFields[K]) =>
    setFields((current) => ({ ...current, [key]: value }))

  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    const found = validateMeetingFields(fields)
    setErrors(found)
    const first = (['title', 'startsAt', 'place', 'facilitator', 'noteTaker'] as const).find(
      (key) => found[key],
    )
    if (first) {
      document.getElementById(`${id}-${first}`)?.focus()
      return
    }
    onSubmit(fields, template, zone)
  }

  const field = (
    key: 'title' | 'startsAt' | 'place' | 'facilitator' | 'noteTaker',
    label: MessageKey,
    input: (props: {
      id: string
      'aria-invalid': boolean
      'aria-describedby': string | undefined
    }) => ReactNode,
  ) => {
    const error = errors[key]
    const fieldId = `${id}-${key}`
    return (
      <div className="field">
        <label htmlFor={fieldId}>{t(label)}</label>
        {input({
          id: fieldId,
          'aria-invalid': error !== undefined,
          'aria-describedby': error ? `${fieldId}-error` : undefined,
        })}
        {error && (
          <p className="error" id={`${fieldId}-error`} role="alert">
            {t(ERRORS[error], { max: key === 'title' ? MEETING_TITLE_MAX : MEETING_TEXT_MAX })}
          </p>
        )}
      </div>
    )
  }

  return (
    <form className="stack" onSubmit={submit} noValidate>
      {field('title', 'meetings.titleLabel', (props) => (
        <input
          {...props}
          value={fields.title}
          maxLength={MEETING_TITLE_MAX}
          onChange={(e) => set('title', e.target.value)}
        />
      ))}
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('meetings.kindLabel')}</label>
        <select
          id={`${id}-kind`}
          value={fields.kind}
          onChange={(e) => {
            const kind = MEETING_KINDS.find((k) => k === e.target.value)
            if (kind) set('kind', kind)
          }}
        >
          {MEETING_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(KIND_LABELS[kind])}
            </option>
          ))}
        </select>
      </div>
      {field('startsAt', 'meetings.dateLabel', (props) => (
        <input
          {...props}
          type="datetime-local"
          value={fields.startsAt}
          onChange={(e) => set('startsAt', e.target.value)}
        />
      ))}
      <ZoneField zone={zone} onChange={setZone} />
      {field('place', 'meetings.placeLabel', (props) => (
        <input
          {...props}
          value={fields.place}
          maxLength={MEETING_TEXT_MAX}
          onChange={(e) => set('place', e.target.value)}
        />
      ))}
      {field('facilitator', 'meetings.facilitatorLabel', (props) => (
        <input
          {...props}
          value={fields.facilitator}
          maxLength={MEETING_TEXT_MAX}
          onChange={(e) => set('facilitator', e.target.value)}
        />
      ))}
      {field('noteTaker', 'meetings.noteTakerLabel', (props) => (
        <input
          {...props}
          value={fields.noteTaker}
          maxLength={MEETING_TEXT_MAX}
          onChange={(e) => set('noteTaker', e.target.value)}
        />
      ))}
      <fieldset className="stack">
        <legend>{t('meetings.groupsLabel')}</legend>
        {groups.length === 0 && <p className="hint">{t('meetings.noGroups')}</p>}
        {groups.map((group) => (
          <label key={group.id} className="check">
            <input
              type="checkbox"
              checked={fields.groupIds.includes(group.id)}
              onChange={(e) =>
                set(
                  'groupIds',
                  e.target.checked
                    ? [...fields.groupIds, group.id]
                    : fields.groupIds.filter((g) => g !== group.id),
                )
              }
            />{' '}
            {group.name}
          </label>
        ))}
      </fieldset>
      <PeopleField
        people={fields.people}
        suggestions={groups
          .filter((g) => fields.groupIds.includes(g.id))
          .flatMap((g) => g.people.map((p) => p.name))}
        onChange={(people) => set('people', people)}
      />
      {withTemplate && (
        <div className="field">
          <label htmlFor={`${id}-template`}>{t('templates.label')}</label>
          <p className="hint" id={`${id}-template-hint`}>
            {t('templates.hint')} {t('templates.formHint')}
          </p>
          <select
            id={`${id}-template`}
            value={template}
            aria-describedby={`${id}-template-hint`}
            onChange={(e) => {
              if (isTemplateChoice(e.target.value)) setTemplate(e.target.value)
            }}
          >
            {TEMPLATES.map((tpl) => (
              <option key={tpl} value={tpl}>
                {t(TEMPLATE_LABELS[tpl])}
              </option>
            ))}
            {saved.length > 0 && (
              <optgroup label={t('templates.savedGroup')}>
                {saved.map((tpl) => (
                  <option key={tpl.id} value={savedChoice(tpl)}>
                    {tpl.name}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </div>
      )}
      <div className="button-row">
        <button type="submit" className="primary">
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
