/**
 * Every proposal and poll of the space (…/meetings/proposals): the open ones first, closing
 * soonest first, then the closed; each card says which meeting it belongs to. A proposal that
 * stands alone, between meetings, is started here.
 */
import { useState } from 'react'
import { isOpen, type Proposal } from '../../domain/proposal'
import { useT } from '../../i18n/i18n-context'
import type { Session } from '../../session/session'
import { useDevice, useStore } from '../../session/use-app'
import { Link } from '../../ui/router'
import { useNow } from '../../ui/use-now'
import { ProposalCard } from './proposal-card'
import { ProposalForm } from './proposal-form'
import './proposals.css'

export function ProposalsPage({ session, base }: { session: Session; base: string }) {
  const t = useT()
  const me = useDevice().profile?.displayName ?? ''
  const { items } = useStore(session.stores.proposals)
  const meetings = useStore(session.stores.meetings).byId
  const [adding, setAdding] = useState(false)
  const now = useNow()
  const open = items.filter((p) => isOpen(p, now))
  const closed = items.filter((p) => !isOpen(p, now)).reverse()
  const card = (proposal: Proposal) => {
    const meeting = meetings.get(proposal.meetingId)
    return (
      <div key={proposal.id} className="stack">
        {meeting && (
          <Link to={`${base}/${meeting.id}`} className="proposal-meeting-link">
            {t('proposals.atMeeting', { title: meeting.title })}
          </Link>
        )}
        <ProposalCard session={session} proposal={proposal} me={me} now={now} />
      </div>
    )
  }
  return (
    <div className="stack">
      {adding ? (
        <ProposalForm session={session} createdBy={me} onDone={() => setAdding(false)} />
      ) : (
        <button type="button" className="primary" onClick={() => setAdding(true)}>
          {t('proposals.new')}
        </button>
      )}
      {items.length === 0 && <p className="empty">{t('proposals.emptySpace')}</p>}
      {open.length > 0 && <h2>{t('proposals.openTitle')}</h2>}
      {open.map(card)}
      {closed.length > 0 && <h2>{t('proposals.closedTitle')}</h2>}
      {closed.map(card)}
    </div>
  )
}
