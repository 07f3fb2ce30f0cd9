/**
 * "Are you coming?" on an upcoming meeting: three buttons a thumb hits (going, maybe, not
 * going) for this phone's person, the counts in one line, and who is coming per group, so a
 * coordinator sees which groups will be there (and plans stipends and space) before the day.
 */
import { useId, useState } from 'react'
import {
  RSVP_ANSWERS,
  personKey,
  rsvpCounts,
  type Meeting,
  type RsvpAnswer,
  type RsvpCounts,
} from '../../domain/meeting'
import { useT } from '../../i18n/i18n-context'
import type { MessageKey, Translator } from '../../i18n/translate'
import type { Session } from '../../session/session'
import { useDevice, useStore } from '../../session/use-app'

const ANSWER_LABELS: Record<RsvpAnswer, MessageKey> = {
  going: 'rsvp.going',
  maybe: 'rsvp.maybe',
  no: 'rsvp.no',
}

const countsText = (counts: RsvpCounts, t: Translator) =>
  t('rsvp.counts', { going: counts.going, maybe: counts.maybe, no: counts.no })

export function RsvpSection({ session, meeting }: { session: Session; meeting: Meeting }) {
  const t = useT()
  const id = useId()
  const device = useDevice()
  const groups = useStore(session.stores.groups).byId
  const me = device.profile?.displayName ?? ''
  const [name, setName] = useState(me)
  const [error, setError] = useState('')
  const myGroup = device.myGroups[session.spaceId] ?? ''
  const mine = meeting.rsvps.find((r) => personKey(r.name) === personKey(name || me))
  const { all, byGroup } = rsvpCounts(meeting.rsvps)
  const answer = (value: RsvpAnswer) => {
    const who = (me || name).trim()
    if (!who) return setError(t('rsvp.nameNeeded'))
    setError('')
    session.stores.meetings.setRsvp(meeting.id, who, value, myGroup)
  }
  return (
    <section className="card stack rsvp" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('rsvp.question')}</h2>
      {!me && (
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('rsvp.yourName')}</label>
          <input
            id={`${id}-name`}
            autoComplete="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            {...(error ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {})}
          />
          {error && (
            <p className="error" id={`${id}-error`}>
              {error}
            </p>
          )}
        </div>
      )}
      <div className="rsvp-buttons">
        {RSVP_ANSWERS.map((value) => (
          <button
            key={value}
            type="button"
            aria-pressed={mine?.answer === value}
            onClick={() => answer(value)}
          >
            {t(ANSWER_LABELS[value])}
          </button>
        ))}
      </div>
      {meeting.rsvps.length > 0 && (
        <details className="rsvp-who">
          <summary>{countsText(all, t)}</summary>
          <ul className="list">
            {[...byGroup].map(([groupId, counts]) => (
              <li key={groupId || 'none'}>
                <strong>{groups.get(groupId)?.name ?? t('rsvp.noGroup')}</strong>:{' '}
                {countsText(counts, t)}
                <span className="hint">
                  {' · '}
                  {meeting.rsvps
                    .filter((r) => r.groupId === groupId)
                    .map((r) => `${r.name} (${t(ANSWER_LABELS[r.answer])})`)
                    .join(', ')}
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  )
}
