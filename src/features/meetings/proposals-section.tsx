/**
 * A meeting's proposals and polls, as one compact part of the meeting page: the open ones
 * first, each a card people answer on their own phone; "New proposal" opens the form in place.
 */
import { useState } from 'react'
import type { Meeting } from '../../domain/meeting'
import { isOpen } from '../../domain/proposal'
import { useT } from '../../i18n/i18n-context'
import type { Session } from '../../session/session'
import { useDevice, useStore } from '../../session/use-app'
import { useNow } from '../../ui/use-now'
import { MeetingPart } from './meeting-part'
import { ProposalCard } from './proposal-card'
import { ProposalForm } from './proposal-form'
import './proposals.css'

export function ProposalsSection({ session, meeting }: { session: Session; meeting: Meeting }) {
  const t = useT()
  const me = useDevice().profile?.displayName ?? ''
  const { items } = useStore(session.stores.proposals)
  const [adding, setAdding] = useState(false)
  const now = useNow()
  const mine = items.filter((p) => p.meetingId === meeting.id)
  const open = mine.filter((p) => isOpen(p, now))
  const closed = mine.filter((p) => !isOpen(p, now)).reverse()
  return (
    <MeetingPart
      title={t('proposals.title')}
      count={
        open.length > 0 ? t('proposals.openCount', { count: open.length }) : String(mine.length)
      }
      startOpen={open.length > 0}
    >
      {mine.length === 0 && !adding && <p className="hint">{t('proposals.empty')}</p>}
      {[...open, ...closed].map((proposal) => (
        <ProposalCard
          key={proposal.id}
          session={session}
          proposal={proposal}
          me={me}
          now={now}
          point={meeting.agenda.find((item) => item.id === proposal.agendaItemId)?.text ?? ''}
        />
      ))}
      {adding ? (
        <ProposalForm
          session={session}
          meetingId={meeting.id}
          agenda={meeting.agenda}
          createdBy={me}
          onDone={() => setAdding(false)}
        />
      ) : (
        <button type="button" onClick={() => setAdding(true)}>
          {t('proposals.new')}
        </button>
      )}
    </MeetingPart>
  )
}
