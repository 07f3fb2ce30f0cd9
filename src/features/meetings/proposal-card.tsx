/**
 * One proposal as a card (Loomio's pattern): what is proposed and until when, the counts as
 * bars, your answer (or the choices to give it), who said what, and for whoever facilitates,
 * closing it with an outcome that becomes a decision in the meeting's minutes. A time poll's
 * leading time becomes the meeting's time in one tap.
 */
import { useState } from 'react'
import { personKey } from '../../domain/meeting'
import {
  isOpen,
  isStanceKind,
  STANCES,
  tally,
  type Position,
  type Proposal,
  type Tally,
} from '../../domain/proposal'
import { useT } from '../../i18n/i18n-context'
import type { Translator } from '../../i18n/translate'
import type { Session } from '../../session/session'
import { IconButton } from '../../ui/icon-button'
import { offerUndo } from '../../ui/undo'
import { ProposalAnswer } from './proposal-answer'
import { ProposalClose } from './proposal-close'
import { optionLabel, PROPOSAL_KIND_LABELS, STANCE_LABELS } from './proposal-labels'

const when = (at: number, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at)

export function ProposalCard({
  session,
  proposal,
  me,
  now,
  point = '',
}: {
  session: Session
  proposal: Proposal
  me: string
  now: number
  /** The agenda point it is about, if any. */
  point?: string
}) {
  const t = useT()
  const [answering, setAnswering] = useState(false)
  const result = tally(proposal)
  const open = isOpen(proposal, now)
  const mine = me ? result.counted.find((p) => personKey(p.person) === personKey(me)) : undefined
  const store = session.stores.proposals
  return (
    <article className="card proposal-card" aria-label={proposal.title}>
      <header className="proposal-head">
        <h3>{proposal.title}</h3>
        <IconButton
          icon="trash"
          label={t('proposals.delete', { title: proposal.title })}
          onClick={() => {
            store.deleteProposal(proposal.id)
            offerUndo(t('proposals.deleted'), () => store.restoreProposal(proposal.id))
          }}
        />
      </header>
      <p className="hint">
        {t(PROPOSAL_KIND_LABELS[proposal.kind])} ·{' '}
        {open
          ? t('proposals.closesAt', { when: when(proposal.closesAt, t.locale) })
          : t('proposals.closedAt', {
              when: when(Math.min(proposal.closesAt, proposal.closedAt ?? Infinity), t.locale),
            })}
      </p>
      {point && <p className="hint">{t('proposals.onPoint', { point })}</p>}
      {proposal.details && <p className="proposal-details">{proposal.details}</p>}
      {!open && proposal.outcome && (
        <p className="notice proposal-outcome">
          {t('proposals.outcomeIs', { outcome: proposal.outcome })}
        </p>
      )}
      <Results proposal={proposal} result={result} t={t} />
      {open && (!mine || answering) ? (
        <ProposalAnswer
          session={session}
          proposal={proposal}
          me={me}
          previous={mine}
          onDone={() => setAnswering(false)}
        />
      ) : (
        mine && (
          <p className="proposal-mine">
            <span>{t('proposals.yourAnswerIs', { answer: answerText(mine, proposal, t) })}</span>
            {open && (
              <button type="button" onClick={() => setAnswering(true)}>
                {t('proposals.changeAnswer')}
              </button>
            )}
          </p>
        )
      )}
      <WhoSaid proposal={proposal} result={result} t={t} />
      <ProposalClose session={session} proposal={proposal} result={result} open={open} />
    </article>
  )
}

function answerText(position: Position, proposal: Proposal, t: Translator): string {
  const { answer } = position
  if ('stance' in answer) return t(STANCE_LABELS[answer.stance])
  const chosen = proposal.options.filter((o) => (answer.options[o.id] ?? 0) > 0)
  if (chosen.length === 0) return t('proposals.noneSuit')
  return chosen
    .map((o) => {
      const label = optionLabel(o.label, proposal.kind, t.locale)
      return proposal.kind === 'dot-vote'
        ? t('proposals.countOf', { name: label, count: answer.options[o.id] ?? 0 })
        : label
    })
    .join(', ')
}

function Results({ proposal, result, t }: { proposal: Proposal; result: Tally; t: Translator }) {
  const rows = isStanceKind(proposal.kind)
    ? STANCES[proposal.kind].map((s) => ({ key: s, name: t(STANCE_LABELS[s]) }))
    : proposal.options.map((o) => ({
        key: o.id,
        name: optionLabel(o.label, proposal.kind, t.locale),
      }))
  const most = Math.max(1, ...rows.map((r) => result.totals[r.key] ?? 0))
  return (
    <div className="proposal-results">
      <p className="hint">
        {t('proposals.answeredCount', { count: result.people })}
        {result.blocked && ` · ${t('proposals.blocked')}`}
      </p>
      <ul className="tally" aria-label={t('proposals.resultsLabel')}>
        {rows.map((row) => {
          const count = result.totals[row.key] ?? 0
          return (
            <li key={row.key} className={result.leading.includes(row.key) ? 'leading' : ''}>
              <span className="tally-name">{row.name}</span>
              <span className="tally-bar" aria-hidden="true">
                <span style={{ inlineSize: `${(count / most) * 100}%` }} />
              </span>
              <span className="tally-count">{t('proposals.count', { count })}</span>
            </li>
          )
        })}
      </ul>
    </div>
  )
}

function WhoSaid({ proposal, result, t }: { proposal: Proposal; result: Tally; t: Translator }) {
  if (result.counted.length === 0 && result.afterClosing.length === 0) return null
  const row = (p: Position) => (
    <li key={p.id}>
      <strong>{p.person}</strong>: {answerText(p, proposal, t)}
      {p.reason && <span className="hint"> · {p.reason}</span>}
    </li>
  )
  return (
    <details className="proposal-who">
      <summary>{t('proposals.whoSaid', { count: result.counted.length })}</summary>
      <ul className="list">{result.counted.map(row)}</ul>
      {result.afterClosing.length > 0 && (
        <>
          <p className="hint">{t('proposals.afterClosing')}</p>
          <ul className="list">{result.afterClosing.map(row)}</ul>
        </>
      )}
    </details>
  )
}
