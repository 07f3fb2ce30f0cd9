/**
 * Starting a proposal or poll: what is proposed, how people answer (one of Loomio's familiar
 * kinds, each with one line saying what it means), the options where the kind has them, and
 * when it closes. A refused form keeps everything typed and says, by the field, what to fix.
 */
import { useId, useState, type SyntheticEvent } from 'react'
import {
  PROPOSAL_KINDS,
  usesOptions,
  type ProposalFieldError,
  type ProposalFields,
  type ProposalKind,
} from '../../domain/proposal'
import type { AgendaItem } from '../../domain/meeting'
import { useT } from '../../i18n/i18n-context'
import type { Session } from '../../session/session'
import { IconButton } from '../../ui/icon-button'
import {
  CLOSING_CHOICES,
  CLOSING_LABELS,
  closingAt,
  FIELD_ERRORS,
  PROPOSAL_KIND_HINTS,
  PROPOSAL_KIND_LABELS,
  type ClosingChoice,
} from './proposal-labels'

type Errors = Partial<Record<keyof ProposalFields, ProposalFieldError>>

export function ProposalForm({
  session,
  meetingId = '',
  agenda = [],
  createdBy,
  onDone,
}: {
  session: Session
  meetingId?: string
  /** The meeting's agenda: a proposal can be about one of its points. */
  agenda?: readonly AgendaItem[]
  createdBy: string
  onDone: () => void
}) {
  const t = useT()
  const id = useId()
  const [title, setTitle] = useState('')
  const [details, setDetails] = useState('')
  const [kind, setKind] = useState<ProposalKind>('consent')
  const [options, setOptions] = useState<string[]>(['', ''])
  const [dots, setDots] = useState('5')
  const [closes, setCloses] = useState<ClosingChoice>(meetingId ? 'hour' : 'days3')
  const [errors, setErrors] = useState<Errors>({})
  const [point, setPoint] = useState('')

  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    const added = session.stores.proposals.addProposal({
      title,
      details,
      kind,
      options,
      dots: Number(dots),
      closesAt: closingAt(closes, new Date()),
      meetingId,
      agendaItemId: point,
      createdBy,
    })
    if (added.ok) return onDone()
    setErrors(added.fields)
    const first = (['title', 'options', 'dots', 'details', 'closesAt'] as const).find(
      (field) => added.fields[field],
    )
    document.getElementById(`${id}-${first ?? 'title'}`)?.focus()
  }
  const error = (field: keyof ProposalFields) =>
    errors[field] && (
      <p className="error" id={`${id}-${field}-error`}>
        {t(FIELD_ERRORS[errors[field]])}
      </p>
    )
  const invalid = (field: keyof ProposalFields) =>
    errors[field]
      ? { 'aria-invalid': true, 'aria-describedby': `${id}-${field}-error` }
      : { 'aria-describedby': undefined }

  return (
    <form className="stack proposal-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('proposals.titleLabel')}</label>
        <input
          id={`${id}-title`}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          {...invalid('title')}
        />
        {error('title')}
      </div>
      {agenda.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-point`}>{t('proposals.pointLabel')}</label>
          <select id={`${id}-point`} value={point} onChange={(e) => setPoint(e.target.value)}>
            <option value="">{t('proposals.pointNone')}</option>
            {agenda.map((item) => (
              <option key={item.id} value={item.id}>
                {item.text}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('proposals.kindLabel')}</label>
        <select
          id={`${id}-kind`}
          value={kind}
          aria-describedby={`${id}-kind-hint`}
          onChange={(e) => setKind(e.target.value as ProposalKind)}
        >
          {PROPOSAL_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(PROPOSAL_KIND_LABELS[k])}
            </option>
          ))}
        </select>
        <p className="hint" id={`${id}-kind-hint`}>
          {t(PROPOSAL_KIND_HINTS[kind])}
        </p>
      </div>
      {usesOptions(kind) && (
        <fieldset className="field proposal-options" id={`${id}-options`} tabIndex={-1}>
          <legend>
            {t(kind === 'time-poll' ? 'proposals.timesLabel' : 'proposals.optionsLabel')}
          </legend>
          {options.map((option, index) => (
            <div className="proposal-option-row" key={index}>
              <input
                type={kind === 'time-poll' ? 'datetime-local' : 'text'}
                aria-label={t('proposals.optionN', { n: index + 1 })}
                value={option}
                onChange={(e) =>
                  setOptions(options.map((o, i) => (i === index ? e.target.value : o)))
                }
                {...invalid('options')}
              />
              {options.length > 2 && (
                <IconButton
                  icon="trash"
                  label={t('proposals.removeOption', { n: index + 1 })}
                  onClick={() => setOptions(options.filter((_, i) => i !== index))}
                />
              )}
            </div>
          ))}
          {error('options')}
          <button type="button" onClick={() => setOptions([...options, ''])}>
            {t(kind === 'time-poll' ? 'proposals.addTime' : 'proposals.addOption')}
          </button>
        </fieldset>
      )}
      {kind === 'dot-vote' && (
        <div className="field">
          <label htmlFor={`${id}-dots`}>{t('proposals.dotsLabel')}</label>
          <input
            id={`${id}-dots`}
            type="number"
            inputMode="numeric"
            min={1}
            max={100}
            value={dots}
            onChange={(e) => setDots(e.target.value)}
            {...invalid('dots')}
          />
          {error('dots')}
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-details`}>{t('proposals.detailsLabel')}</label>
        <textarea
          id={`${id}-details`}
          rows={3}
          value={details}
          onChange={(e) => setDetails(e.target.value)}
          {...invalid('details')}
        />
        {error('details')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-closesAt`}>{t('proposals.closesLabel')}</label>
        <select
          id={`${id}-closesAt`}
          value={closes}
          onChange={(e) => setCloses(e.target.value as ClosingChoice)}
          {...invalid('closesAt')}
        >
          {CLOSING_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {t(CLOSING_LABELS[choice])}
            </option>
          ))}
        </select>
        {error('closesAt')}
      </div>
      <div className="button-row">
        <button type="submit" className="primary">
          {t('proposals.start')}
        </button>
        <button type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
