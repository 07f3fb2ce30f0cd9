/**
 * "Are you coming?" on an upcoming meeting: three buttons a thumb hits (going, maybe, not
 * going) for this phone's person, the counts in one line, and who is coming per group, so a
 * coordinator sees which groups will be there (and plans stipends and space) before the day.
 */
import { useId, useState } from 'react'
import {
  personKey,
  rsvpCounts,
  type Meeting,
  type RsvpAnswer,
  type RsvpCounts,
} from '../../domain/meeting'
import { useT } from '../../i18n/i18n-context'
import type { Translator } from '../../i18n/translate'
import type { Session } from '../../session/session'
import { useDevice, useStore } from '../../session/use-app'
import { RSVP_LABELS, RsvpButtons } from '../../ui/rsvp-buttons'
import { NameField } from './name-field'

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
    // No card and no visible heading: one row of buttons keeps the notes on the first screen.
    <section className="stack rsvp" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="visually-hidden">
        {t('rsvp.question')}
      </h2>
      {!me && (
        <NameField
          id={`${id}-name`}
          label={t('rsvp.yourName')}
          value={name}
          error={error}
          onChange={setName}
        />
      )}
      <RsvpButtons label={t('rsvp.question')} chosen={mine?.answer} onAnswer={answer} />
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
                    .map((r) => `${r.name} (${t(RSVP_LABELS[r.answer])})`)
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
