/**
 * The timebank: log that one group gave another some hours of a skill, see each group's
 * hours given and received, read the log (newest first), save it as CSV.
 */
import { useEffect, useId, useState, type SyntheticEvent } from 'react'
import type { GroupId } from '../../domain/ids'
import { exchangesCsv } from '../../domain/skill-export'
import type { SkillsMap } from '../../domain/skill-matching'
import { balances } from '../../domain/skill-tallies'
import {
  EXCHANGE_NOTE_MAX,
  parseHours,
  type ExchangeError,
  type SkillId,
} from '../../domain/skills'
import { useT } from '../../i18n/i18n-context'
import type { MessageKey } from '../../i18n/translate'
import type { Session } from '../../session/session'
import { saveFile } from '../../ui/save-file'
import { formatDay, hoursText, skillName, today } from './labels'
import { SkillSelect } from './skill-select'
import { useGroupsByName } from './use-skills-map'
import { GroupPicker } from '../../ui/group-picker'

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

interface Props {
  readonly session: Session
  readonly map: SkillsMap
  readonly spaceName: string
  readonly onNotice: (message: string) => void
}

export function ExchangesView({ session, map, spaceName, onNotice }: Props) {
  const t = useT()
  const id = useId()
  const groups = useGroupsByName(map)
  const hours = balances(
    map.exchanges,
    groups.map((g) => g.id),
  )
  const groupName = (groupId: string) =>
    map.groups.get(groupId as GroupId)?.name ??
    session.stores.groups.getSnapshot().byId.get(groupId)?.name ??
    t('skills.unknownGroup')

  const exportCsv = () => {
    const text = exchangesCsv(map, {
      headers: [
        t('skills.csv.date'),
        t('skills.csv.from'),
        t('skills.csv.to'),
        t('skills.csv.skill'),
        t('skills.csv.hours'),
        t('skills.csv.note'),
      ],
      groupName,
      skillName: (s) => skillName(t, s),
    })
    void saveFile(
      new File([text], t('skills.exchangesFileName', { space: spaceName }), { type: 'text/csv' }),
    )
  }

  return (
    <div className="stack">
      {groups.length < 2 ? (
        <p className="empty">{t('skills.exchangeNeedsGroups')}</p>
      ) : (
        <ExchangeForm session={session} map={map} onNotice={onNotice} />
      )}
      <div
        className="table-scroll balances"
        role="region"
        aria-labelledby={`${id}-balances`}
        tabIndex={0}
      >
        <table>
          <caption id={`${id}-balances`}>{t('skills.balancesTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('skills.groupLabel')}</th>
              <th scope="col">{t('skills.given')}</th>
              <th scope="col">{t('skills.received')}</th>
            </tr>
          </thead>
          <tbody>
            {[...hours.values()].map((b) => (
              <tr key={b.groupId}>
                <th scope="row">{groupName(b.groupId)}</th>
                <td>{hoursText(t, b.givenMinutes)}</td>
                <td>{hoursText(t, b.receivedMinutes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="stack" aria-labelledby={`${id}-log`}>
        <h2 id={`${id}-log`}>{t('skills.logTitle')}</h2>
        {map.exchanges.length === 0 ? (
          <p className="empty">{t('skills.logEmpty')}</p>
        ) : (
          <ul className="list">
            {map.exchanges.map((e) => (
              <li key={e.id} className="entry-row">
                <p>
                  {t('skills.logLine', {
                    from: groupName(e.fromGroupId),
                    to: groupName(e.toGroupId),
                    hours: hoursText(t, e.minutes),
                    skill: skillName(t, map.byId.get(e.skill)),
                  })}
                </p>
                <p className="hint">
                  {formatDay(e.date, t.locale)}
                  {e.note && ` · ${e.note}`}
                </p>
                <button
                  type="button"
                  onClick={() => {
                    session.stores.skills.removeExchange(e.id)
                    onNotice(t('skills.exchangeRemoved'))
                  }}
                >
                  {t('skills.removeExchange', { date: formatDay(e.date, t.locale) })}
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="button-row">
          <button type="button" onClick={exportCsv} disabled={map.exchanges.length === 0}>
            {t('skills.exchangesCsv')}
          </button>
        </div>
      </section>
    </div>
  )
}

function ExchangeForm({ session, map, onNotice }: Omit<Props, 'spaceName'>) {
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
  // the hours field is below the fold on a phone: bring it into sight with the keyboard
  useEffect(() => {
    if (prefilled) document.getElementById(`${id}-hours`)?.scrollIntoView({ block: 'center' })
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
      setError(result.error)
      document.getElementById(`${id}-${FIELD_OF[result.error]}`)?.focus()
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

  return (
    <form className="card stack" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('skills.logExchange')}</h2>
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
      <div className="field">
        <label htmlFor={`${id}-hours`}>{t('skills.hoursLabel')}</label>
        <input
          {...props('hours')}
          // came from a match: only the hours are left to type
          autoFocus={prefilled}
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
