/**
 * One section of the meetings list (coming up, or past). It shows the first PAGE meetings and
 * the next PAGE on request: a space keeps years of meetings, and putting 2,000 cards on a
 * phone's screen at once takes seconds (BENCHMARKS.md), for a list nobody scrolls to the end.
 * Search reaches every meeting, shown or not.
 */
import { useState } from 'react'
import type { Meeting } from '../../domain/meeting'
import { useT } from '../../i18n/i18n-context'
import { Link } from '../../ui/router'
import { formatMeetingTime, KIND_LABELS } from './labels'

export const PAGE = 50

export function MeetingList({
  which,
  meetings,
  base,
}: {
  which: 'upcoming' | 'past'
  meetings: readonly Meeting[]
  base: string
}) {
  const t = useT()
  const [limit, setLimit] = useState(PAGE)
  if (meetings.length === 0) return null
  const more = Math.min(PAGE, meetings.length - limit)
  return (
    <section className="stack" aria-labelledby={`meetings-${which}`}>
      <h2 id={`meetings-${which}`}>
        {t(which === 'upcoming' ? 'meetings.upcoming' : 'meetings.past')}
      </h2>
      <ul className="list">
        {meetings.slice(0, limit).map((m) => (
          <li key={m.id} className="card">
            <Link to={`${base}/${m.id}`} className="card-title">
              {m.title}
            </Link>
            <p className="hint">
              {formatMeetingTime(m.startsAt, t.locale)} · {t(KIND_LABELS[m.kind])}
            </p>
          </li>
        ))}
      </ul>
      {more > 0 && (
        <div className="button-row">
          <button type="button" onClick={() => setLimit(limit + PAGE)}>
            {t(which === 'upcoming' ? 'meetings.moreUpcoming' : 'meetings.morePast', {
              count: more,
            })}
          </button>
        </div>
      )}
    </section>
  )
}
