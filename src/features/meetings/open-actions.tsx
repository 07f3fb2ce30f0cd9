/** Every action not done yet, across meetings: overdue first, filterable by who. */
import { useId, useState } from 'react'
import { localNow, openActions } from '../../domain/meeting'
import { useT } from '../../i18n/i18n-context'
import type { Session } from '../../session/session'
import { useStore } from '../../session/use-app'
import { Link } from '../../ui/router'

export function OpenActions({ session, base }: { session: Session; base: string }) {
  const t = useT()
  const id = useId()
  const { items } = useStore(session.stores.meetings)
  const [who, setWho] = useState('')
  const rows = openActions(items, localNow().slice(0, 10), who)
  return (
    <div className="stack">
      <div className="field">
        <label htmlFor={id}>{t('actions.filterWho')}</label>
        <input id={id} type="search" value={who} onChange={(e) => setWho(e.target.value)} />
      </div>
      <p role="status">{t('actions.count', { count: rows.length })}</p>
      <ul className="list">
        {rows.map(({ meeting, action, overdue }) => (
          <li key={`${meeting.id}:${action.id}`} className="card stack">
            <p>
              {overdue && <strong>{t('actions.overdue')} </strong>}
              {action.what}
            </p>
            <p className="hint">
              {[action.who, action.due && t('actions.dueOn', { date: action.due })]
                .filter(Boolean)
                .join(' · ')}
            </p>
            <Link to={`${base}/${meeting.id}`}>{meeting.title}</Link>
          </li>
        ))}
      </ul>
    </div>
  )
}
