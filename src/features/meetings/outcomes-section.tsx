/**
 * What a meeting decided (what, how: consensus, consent or vote, and the outcome) and the
 * actions it agreed (what, who, by when, done).
 */
import { useId, useState, type SyntheticEvent } from 'react'
import { DECISION_METHODS, type DecisionMethod, type Meeting } from '../../domain/meeting'
import { useT } from '../../i18n/i18n-context'
import type { MessageKey } from '../../i18n/translate'
import type { Session } from '../../session/session'
import { formatDueDate } from '../../domain/minutes'

export const METHOD_LABELS: Record<DecisionMethod, MessageKey> = {
  consensus: 'decisions.consensus',
  consent: 'decisions.consent',
  vote: 'decisions.vote',
}

export function DecisionsSection({ session, meeting }: { session: Session; meeting: Meeting }) {
  const t = useT()
  const id = useId()
  const store = session.stores.meetings
  const [text, setText] = useState('')
  const [method, setMethod] = useState<DecisionMethod>('consensus')
  const [outcome, setOutcome] = useState('')
  const [error, setError] = useState(false)

  const add = (event: SyntheticEvent) => {
    event.preventDefault()
    if (!store.recordDecision(meeting.id, { text, method, outcome })) {
      setError(true)
      document.getElementById(`${id}-text`)?.focus()
      return
    }
    setText('')
    setOutcome('')
    setError(false)
  }

  return (
    <section className="card stack" aria-labelledby={id}>
      <h2 id={id}>{t('decisions.title')}</h2>
      {meeting.decisions.length === 0 && <p className="hint">{t('decisions.empty')}</p>}
      <ul className="list" aria-label={t('decisions.listLabel')}>
        {meeting.decisions.map((d) => (
          <li key={d.id} className="stack">
            <p>{d.text}</p>
            <p className="hint">
              {t(METHOD_LABELS[d.method])}
              {d.outcome && ` · ${d.outcome}`}
            </p>
            <button type="button" onClick={() => store.removeDecision(meeting.id, d.id)}>
              {t('decisions.remove', { text: d.text.slice(0, 40) })}
            </button>
          </li>
        ))}
      </ul>
      <form className="stack" onSubmit={add} noValidate>
        <div className="field">
          <label htmlFor={`${id}-text`}>{t('decisions.what')}</label>
          <textarea
            id={`${id}-text`}
            rows={2}
            value={text}
            aria-invalid={error}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => setText(e.target.value)}
          />
          {error && (
            <p className="error" id={`${id}-error`} role="alert">
              {t('decisions.required')}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-method`}>{t('decisions.how')}</label>
          <select
            id={`${id}-method`}
            value={method}
            onChange={(e) => {
              const next = DECISION_METHODS.find((m) => m === e.target.value)
              if (next) setMethod(next)
            }}
          >
            {DECISION_METHODS.map((m) => (
              <option key={m} value={m}>
                {t(METHOD_LABELS[m])}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-outcome`}>{t('decisions.outcome')}</label>
          <input
            id={`${id}-outcome`}
            value={outcome}
            onChange={(e) => setOutcome(e.target.value)}
          />
        </div>
        <button type="submit">{t('decisions.add')}</button>
      </form>
    </section>
  )
}

export function ActionsSection({ session, meeting }: { session: Session; meeting: Meeting }) {
  const t = useT()
  const id = useId()
  const store = session.stores.meetings
  const [what, setWhat] = useState('')
  const [who, setWho] = useState('')
  const [due, setDue] = useState('')
  const [error, setError] = useState(false)

  const add = (event: SyntheticEvent) => {
    event.preventDefault()
    if (!store.addAction(meeting.id, { what, who, due })) {
      setError(true)
      document.getElementById(`${id}-what`)?.focus()
      return
    }
    setWhat('')
    setWho('')
    setDue('')
    setError(false)
  }

  return (
    <section className="card stack" aria-labelledby={id}>
      <h2 id={id}>{t('actions.title')}</h2>
      {meeting.actions.length === 0 && <p className="hint">{t('actions.empty')}</p>}
      <ul className="list" aria-label={t('actions.listLabel')}>
        {meeting.actions.map((a) => (
          <li key={a.id} className="stack">
            <label className="check">
              <input
                type="checkbox"
                checked={a.done}
                onChange={(e) => store.setActionDone(meeting.id, a.id, e.target.checked)}
              />{' '}
              {a.what}
            </label>
            <p className="hint">
              {[
                a.who,
                a.due &&
                  t('actions.dueOn', {
                    date: formatDueDate(a.due, t.locale, new Date().getFullYear()),
                  }),
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
            <button type="button" onClick={() => store.removeAction(meeting.id, a.id)}>
              {t('actions.remove', { text: a.what.slice(0, 40) })}
            </button>
          </li>
        ))}
      </ul>
      <form className="stack" onSubmit={add} noValidate>
        <div className="field">
          <label htmlFor={`${id}-what`}>{t('actions.what')}</label>
          <input
            id={`${id}-what`}
            value={what}
            aria-invalid={error}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => setWhat(e.target.value)}
          />
          {error && (
            <p className="error" id={`${id}-error`} role="alert">
              {t('actions.required')}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-who`}>{t('actions.who')}</label>
          <input id={`${id}-who`} value={who} onChange={(e) => setWho(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-due`}>{t('actions.due')}</label>
          <input
            id={`${id}-due`}
            type="date"
            value={due}
            onChange={(e) => setDue(e.target.value)}
          />
        </div>
        <button type="submit">{t('actions.add')}</button>
      </form>
    </section>
  )
}
