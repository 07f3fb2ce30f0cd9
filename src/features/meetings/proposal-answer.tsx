/**
 * Giving one's position on a proposal: big choices a thumb can hit (stances, one option, times
 * that suit, or dots to spread), a reason where the group needs one, and who is answering (the
 * phone's person, or a name typed once here). A refused answer keeps everything and says why.
 */
import { useId, useState, type SyntheticEvent } from 'react'
import {
  isStanceKind,
  REASON_REQUIRED,
  STANCES,
  type Answer,
  type Position,
  type Proposal,
  type Stance,
} from '../../domain/proposal'
import { useT } from '../../i18n/i18n-context'
import type { Session } from '../../session/session'
import { ANSWER_ERRORS, optionLabel, STANCE_LABELS } from './proposal-labels'
import { NameField } from './name-field'

export function ProposalAnswer({
  session,
  proposal,
  me,
  previous,
  onDone,
}: {
  session: Session
  proposal: Proposal
  /** The phone's person; '' asks for a name. */
  me: string
  previous: Position | undefined
  onDone: () => void
}) {
  const t = useT()
  const id = useId()
  const [name, setName] = useState(me)
  const [stance, setStance] = useState<Stance | ''>(
    previous && 'stance' in previous.answer ? previous.answer.stance : '',
  )
  const [chosen, setChosen] = useState<Record<string, number>>(
    previous && 'options' in previous.answer ? { ...previous.answer.options } : {},
  )
  const [reason, setReason] = useState(previous?.reason ?? '')
  const [error, setError] = useState<string>()

  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    const answer: Answer | undefined = isStanceKind(proposal.kind)
      ? stance
        ? { stance }
        : undefined
      : { options: chosen }
    if (!answer) return setError(t('proposals.error.chooseAnswer'))
    const given = session.stores.proposals.answer(proposal.id, name, answer, reason)
    if (given.ok) return onDone()
    setError(t(ANSWER_ERRORS[given.error]))
  }
  const used = Object.values(chosen).reduce((sum, n) => sum + n, 0)
  const reasonNeeded = stance !== '' && REASON_REQUIRED.has(stance)

  return (
    <form className="stack proposal-answer" onSubmit={submit} noValidate>
      {!me && (
        <NameField
          id={`${id}-name`}
          label={t('proposals.yourName')}
          value={name}
          onChange={setName}
        />
      )}
      <fieldset className="choices">
        <legend>{me ? t('proposals.answerAs', { name: me }) : t('proposals.yourAnswer')}</legend>
        {isStanceKind(proposal.kind) &&
          STANCES[proposal.kind].map((s: Stance) => (
            <label key={s} className={`choice stance-${s}`}>
              <input
                type="radio"
                name={`${id}-stance`}
                checked={stance === s}
                onChange={() => setStance(s)}
              />
              <span>{t(STANCE_LABELS[s])}</span>
            </label>
          ))}
        {(proposal.kind === 'choice' || proposal.kind === 'time-poll') &&
          proposal.options.map((option) => (
            <label key={option.id} className="choice">
              <input
                type={proposal.kind === 'choice' ? 'radio' : 'checkbox'}
                name={`${id}-option`}
                checked={(chosen[option.id] ?? 0) > 0}
                onChange={(e) =>
                  setChosen(
                    proposal.kind === 'choice'
                      ? { [option.id]: 1 }
                      : { ...chosen, [option.id]: e.target.checked ? 1 : 0 },
                  )
                }
              />
              <span>{optionLabel(option.label, proposal.kind, t.locale)}</span>
            </label>
          ))}
        {proposal.kind === 'dot-vote' && (
          <>
            <p className="hint" aria-live="polite">
              {t('proposals.dotsLeft', { left: proposal.dots - used, dots: proposal.dots })}
            </p>
            {proposal.options.map((option) => (
              <label key={option.id} className="dot-row">
                <span>{option.label}</span>
                <input
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={proposal.dots}
                  value={String(chosen[option.id] ?? 0)}
                  onChange={(e) =>
                    setChosen({
                      ...chosen,
                      [option.id]: Math.max(0, Math.trunc(Number(e.target.value) || 0)),
                    })
                  }
                />
              </label>
            ))}
          </>
        )}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-reason`}>
          {t(reasonNeeded ? 'proposals.reasonNeeded' : 'proposals.reasonLabel')}
        </label>
        <textarea
          id={`${id}-reason`}
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="primary">
          {t(previous ? 'proposals.changeAnswer' : 'proposals.sendAnswer')}
        </button>
        {previous && (
          <button type="button" onClick={onDone}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  )
}
