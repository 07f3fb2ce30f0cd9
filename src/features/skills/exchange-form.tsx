/**
 * The timebank's form: one group gave another some hours of a skill. A match's "log time given"
 * opens it filled in (?from=…&to=…&skill=…); then who gave, who received and the skill are one
 * line with a way to change them, hours and date share a row and the note is folded, so Hours
 * and "Log it" are on the first screen of a small phone, with the keyboard up.
 */
import { useEffect, useId, useState, type SyntheticEvent } from 'react'
import type { GroupId } from '../../domain/ids'
import type { SkillsMap } from '../../domain/skill-matching'
import {
  EXCHANGE_NOTE_MAX,
  parseHours,
  type ExchangeError,
  type SkillId,
} from '../../domain/skills'
import { useT } from '../../i18n/i18n-context'
import type { MessageKey } from '../../i18n/translate'
import type { Session } from '../../session/session'
import { GroupPicker } from '../../ui/group-picker'
import { IconButton } from '../../ui/icon-button'
import { skillName, today } from './labels'
import { SkillSelect } from './skill-select'
import { useGroupsByName } from './use-skills-map'

const ERRORS: Record<ExchangeError, MessageKey> = {
  'same-group': 'skills.error.sameGroup',
  'group-required': 'skills.error.groupRequired',
  'skill-required': 'skills.error.skillRequired',
  'hours-invalid': 'skills.error.hours',
  'date-invalid': 'skills.error.date',
  'note-too-long': 'skills.error.noteTooLong',
}
const FIELD_OF: Record<ExchangeError, string> = {
  'same-group': 'to',
  'group-required': 'from',
  'skill-required': 'skill',
  'hours-invalid': 'hours',
  'date-invalid': 'date',
  'note-too-long': 'note',
}

export function ExchangeForm({
  session,
  map,
  onNotice,
}: {
  readonly session: Session
  readonly map: SkillsMap
  readonly onNotice: (message: string) => void
}) {
  const t = useT()
  const id = useId()
  // a match's "log time given" opens this form filled in: ?from=…&to=…&skill=…
  const [prefill] = useState(() => readPrefill(map))
  const [from, setFrom] = useState(prefill.from)
  const [to, setTo] = useState(prefill.to)
  const [skill, setSkill] = useState<SkillId | ''>(prefill.skill)
  const [hours, setHours] = useState('')
  const [date, setDate] = useState(today)
  const [note, setNote] = useState('')
  const [error, setError] = useState<ExchangeError>()
  const groups = useGroupsByName(map)
  const prefilled = prefill.from !== '' && prefill.to !== '' && prefill.skill !== ''
  const [choosing, setChoosing] = useState(!prefilled)
  const compact = !choosing
  // came from a match: only the hours are left to type. After the screen's heading took the
  // focus (routes.tsx does on every screen), so the keyboard comes up on Hours.
  useEffect(() => {
    if (!prefilled) return
    const frame = requestAnimationFrame(() => document.getElementById(`${id}-hours`)?.focus())
    return () => cancelAnimationFrame(frame)
  }, [prefilled, id])

  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    const result = session.stores.skills.addExchange({
      fromGroupId: from as GroupId,
      toGroupId: to as GroupId,
      skillId: skill as SkillId,
      minutes: parseHours(hours) ?? 0,
      date,
      note,
    })
    if (!result.ok) {
      const field = FIELD_OF[result.error]
      setError(result.error)
      // a problem with the groups or the skill shows their fields again
      if (field === 'from' || field === 'to' || field === 'skill') setChoosing(true)
      requestAnimationFrame(() => document.getElementById(`${id}-${field}`)?.focus())
      return
    }
    setError(undefined)
    setHours('')
    setNote('')
    onNotice(
      t('skills.exchangeLogged', {
        from: map.groups.get(from as GroupId)?.name ?? '',
        to: map.groups.get(to as GroupId)?.name ?? '',
      }),
    )
  }
  const invalid = (field: string) => error !== undefined && FIELD_OF[error] === field
  const props = (field: string) => ({
    id: `${id}-${field}`,
    'aria-invalid': invalid(field),
    'aria-describedby': invalid(field) ? `${id}-error` : undefined,
  })
  const errorText = (field: string) =>
    invalid(field) &&
    error && (
      <p className="error" id={`${id}-error`} role="alert">
        {t(ERRORS[error], { max: EXCHANGE_NOTE_MAX })}
      </p>
    )
  const groupSelect = (field: 'from' | 'to', value: string, set: (v: string) => void) => (
    <div className="field">
      <label htmlFor={`${id}-${field}`}>
        {t(field === 'from' ? 'skills.fromLabel' : 'skills.toLabel')}
      </label>
      <GroupPicker
        {...props(field)}
        groups={groups}
        value={value}
        none={t('skills.chooseGroup')}
        onChange={set}
      />
      {errorText(field)}
    </div>
  )

  const noteField = (
    <div className="field">
      <label htmlFor={`${id}-note`}>{t('skills.noteLabel')}</label>
      <textarea
        {...props('note')}
        rows={2}
        value={note}
        maxLength={EXCHANGE_NOTE_MAX}
        onChange={(e) => setNote(e.target.value)}
      />
      {errorText('note')}
    </div>
  )

  return (
    <form className="card stack" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('skills.logExchange')}</h2>
      {compact ? (
        <div className="log-summary">
          <p id={`${id}-summary`}>
            {t('skills.logSummary', {
              from: map.groups.get(from as GroupId)?.name ?? '',
              to: map.groups.get(to as GroupId)?.name ?? '',
              skill: skillName(t, map.byId.get(skill as SkillId)),
            })}
          </p>
          <IconButton icon="edit" label={t('skills.logChange')} onClick={() => setChoosing(true)} />
        </div>
      ) : (
        <>
          {groupSelect('from', from, setFrom)}
          {groupSelect('to', to, setTo)}
          <div className="field">
            <label htmlFor={`${id}-skill`}>{t('skills.skillLabel')}</label>
            <SkillSelect
              id={`${id}-skill`}
              map={map}
              value={skill}
              onChange={(v) => setSkill(v === '__new' ? '' : v)}
              invalid={invalid('skill')}
              describedBy={invalid('skill') ? `${id}-error` : undefined}
            />
            {errorText('skill')}
          </div>
        </>
      )}
      <div className={compact ? 'log-when' : 'stack'}>
        <div className="field">
          <label htmlFor={`${id}-hours`}>{t('skills.hoursLabel')}</label>
          <input
            {...props('hours')}
            inputMode="decimal"
            value={hours}
            onChange={(e) => setHours(e.target.value)}
          />
          {errorText('hours')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('skills.dateLabel')}</label>
          <input
            {...props('date')}
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
          />
          {errorText('date')}
        </div>
      </div>
      {compact && !invalid('note') ? (
        <details>
          <summary>{t('skills.noteLabel')}</summary>
          {noteField}
        </details>
      ) : (
        noteField
      )}
      <div className="button-row">
        <button type="submit" className="primary">
          {t('skills.logButton')}
        </button>
      </div>
    </form>
  )
}

/** The groups and skill a match passed in the address, each only if it still exists. */
function readPrefill(map: SkillsMap): { from: string; to: string; skill: SkillId | '' } {
  const query = new URLSearchParams(window.location.search)
  const group = (key: string) => {
    const value = query.get(key) ?? ''
    return map.groups.has(value as GroupId) ? value : ''
  }
  const skill = (query.get('skill') ?? '') as SkillId
  return {
    from: group('from'),
    to: group('to'),
    skill: skill && map.rootOf(skill) ? (map.rootOf(skill) ?? '') : '',
  }
}
