/**
 * Closing a proposal: the facilitator writes the outcome, started for them from the counts,
 * and it is recorded among the meeting's decisions (so the minutes, Markdown and print carry
 * it). A time poll's leading time can become the meeting's time in one tap.
 */
import { useId, useState, type SyntheticEvent } from 'react'
import { MEETING_TEXT_MAX } from '../../domain/meeting'
import type { Proposal, Tally } from '../../domain/proposal'
import { useT } from '../../i18n/i18n-context'
import type { Session } from '../../session/session'
import { countsText, DECISION_METHOD, optionLabel } from './proposal-labels'

export function ProposalClose({
  session,
  proposal,
  result,
  open,
}: {
  session: Session
  proposal: Proposal
  result: Tally
  open: boolean
}) {
  const t = useT()
  const id = useId()
  const [writing, setWriting] = useState(false)
  const [outcome, setOutcome] = useState('')
  const meetings = session.stores.meetings
  const meeting = meetings.getSnapshot().byId.get(proposal.meetingId)
  const [leading] = result.leading
  const time = proposal.kind === 'time-poll' && result.leading.length === 1 ? leading : undefined
  const timeLabel = proposal.options.find((o) => o.id === time)?.label

  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    const closed = session.stores.proposals.close(proposal.id, outcome)
    if (!closed.ok) return
    if (meeting && outcome.trim())
      meetings.recordDecision(meeting.id, {
        text: proposal.title,
        method: DECISION_METHOD[proposal.kind],
        outcome: outcome.trim(),
      })
    setWriting(false)
  }

  return (
    <div className="stack proposal-close">
      {meeting && timeLabel && timeLabel !== meeting.startsAt && (
        <button
          type="button"
          onClick={() => {
            const { title, kind, startsAt, place, facilitator, noteTaker, groupIds, people } =
              meeting
            const before = {
              title,
              kind,
              startsAt,
              place,
              facilitator,
              noteTaker,
              groupIds,
              people,
            }
            meetings.updateMeetingFrom(meeting.id, before, {
              ...before,
              startsAt: timeLabel,
            })
          }}
        >
          {t('proposals.useTime', { time: optionLabel(timeLabel, 'time-poll', t.locale) })}
        </button>
      )}
      {writing ? (
        <form className="stack" onSubmit={submit}>
          <div className="field">
            <label htmlFor={`${id}-outcome`}>{t('proposals.outcomeLabel')}</label>
            <textarea
              id={`${id}-outcome`}
              rows={2}
              maxLength={MEETING_TEXT_MAX}
              value={outcome}
              onChange={(e) => setOutcome(e.target.value)}
            />
            {meeting && <p className="hint">{t('proposals.outcomeHint')}</p>}
          </div>
          <div className="button-row">
            <button type="submit" className="primary">
              {t(open ? 'proposals.closeNow' : 'proposals.saveOutcome')}
            </button>
            <button type="button" onClick={() => setWriting(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        (open || !proposal.outcome) && (
          <button
            type="button"
            onClick={() => {
              setOutcome(countsText(proposal, result, t))
              setWriting(true)
            }}
          >
            {t(open ? 'proposals.close' : 'proposals.writeOutcome')}
          </button>
        )
      )}
    </div>
  )
}
