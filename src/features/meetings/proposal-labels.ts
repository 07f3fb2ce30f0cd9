/**
 * Words for proposals: kinds, stances, errors and closing times, as catalog keys, plus the
 * short text a closed proposal's counts give the facilitator to start the outcome from.
 */
import type { DecisionMethod } from '../../domain/meeting'
import {
  STANCES,
  isStanceKind,
  type AnswerError,
  type Proposal,
  type ProposalFieldError,
  type ProposalKind,
  type Stance,
  type Tally,
} from '../../domain/proposal'
import type { MessageKey, Translator } from '../../i18n/translate'
import { formatMeetingTime } from './labels'

export const PROPOSAL_KIND_LABELS: Record<ProposalKind, MessageKey> = {
  consent: 'proposals.kind.consent',
  'sense-check': 'proposals.kind.senseCheck',
  vote: 'proposals.kind.vote',
  choice: 'proposals.kind.choice',
  'dot-vote': 'proposals.kind.dotVote',
  'time-poll': 'proposals.kind.timePoll',
}

/** One line under the kind's name: what answering it means. */
export const PROPOSAL_KIND_HINTS: Record<ProposalKind, MessageKey> = {
  consent: 'proposals.kindHint.consent',
  'sense-check': 'proposals.kindHint.senseCheck',
  vote: 'proposals.kindHint.vote',
  choice: 'proposals.kindHint.choice',
  'dot-vote': 'proposals.kindHint.dotVote',
  'time-poll': 'proposals.kindHint.timePoll',
}

export const STANCE_LABELS: Record<Stance, MessageKey> = {
  agree: 'proposals.stance.agree',
  abstain: 'proposals.stance.abstain',
  disagree: 'proposals.stance.disagree',
  block: 'proposals.stance.block',
  concerns: 'proposals.stance.concerns',
  yes: 'proposals.stance.yes',
  no: 'proposals.stance.no',
}

export const FIELD_ERRORS: Record<ProposalFieldError, MessageKey> = {
  'title-required': 'proposals.error.titleRequired',
  'title-too-long': 'proposals.error.titleTooLong',
  'details-too-long': 'proposals.error.detailsTooLong',
  'options-too-few': 'proposals.error.optionsTooFew',
  'options-too-many': 'proposals.error.optionsTooMany',
  'option-empty': 'proposals.error.optionEmpty',
  'option-too-long': 'proposals.error.optionTooLong',
  'option-duplicate': 'proposals.error.optionDuplicate',
  'option-not-a-time': 'proposals.error.optionNotATime',
  'dots-invalid': 'proposals.error.dotsInvalid',
  'closes-in-past': 'proposals.error.closesInPast',
  'closes-invalid': 'proposals.error.closesInPast',
}

export const ANSWER_ERRORS: Record<AnswerError | 'not-found' | 'closed', MessageKey> = {
  'person-required': 'proposals.error.personRequired',
  'stance-invalid': 'proposals.error.chooseAnswer',
  'reason-required': 'proposals.error.reasonRequired',
  'reason-too-long': 'proposals.error.reasonTooLong',
  'option-unknown': 'proposals.error.chooseAnswer',
  'choose-one': 'proposals.error.chooseOne',
  'dots-too-many': 'proposals.error.dotsTooMany',
  'dots-none': 'proposals.error.dotsNone',
  'not-found': 'proposals.error.gone',
  closed: 'proposals.error.closed',
}

/** How a proposal's outcome is recorded among the meeting's decisions. */
export const DECISION_METHOD: Record<ProposalKind, DecisionMethod> = {
  consent: 'consent',
  'sense-check': 'consensus',
  vote: 'vote',
  choice: 'vote',
  'dot-vote': 'vote',
  'time-poll': 'vote',
}

export const CLOSING_CHOICES = ['hour', 'today', 'days3', 'week'] as const
export type ClosingChoice = (typeof CLOSING_CHOICES)[number]

export const CLOSING_LABELS: Record<ClosingChoice, MessageKey> = {
  hour: 'proposals.closes.hour',
  today: 'proposals.closes.today',
  days3: 'proposals.closes.days3',
  week: 'proposals.closes.week',
}

/** The moment a closing choice means, from `now`. */
export function closingAt(choice: ClosingChoice, now: Date): number {
  const HOUR = 3_600_000
  switch (choice) {
    case 'hour':
      return now.getTime() + HOUR
    case 'today': {
      const end = new Date(now)
      end.setHours(23, 59, 0, 0)
      // Late in the evening "today" would close at once: give it an hour at least.
      return Math.max(end.getTime(), now.getTime() + HOUR)
    }
    case 'days3':
      return now.getTime() + 72 * HOUR
    default:
      return now.getTime() + 168 * HOUR
  }
}

/** A label for each option id (time poll options read as the reader's date and time). */
export function optionLabel(label: string, kind: ProposalKind, locale: string): string {
  return kind === 'time-poll' ? formatMeetingTime(label, locale) : label
}

/** "4 agree, 1 abstain" or "Hall 5, Park 2": what the counts say, to start the outcome from. */
export function countsText(proposal: Proposal, result: Tally, t: Translator): string {
  const keys: readonly string[] = isStanceKind(proposal.kind)
    ? STANCES[proposal.kind]
    : proposal.options.map((o) => o.id)
  return keys
    .filter((key) => (result.totals[key] ?? 0) > 0)
    .map((key) => {
      const option = proposal.options.find((o) => o.id === key)
      const name = option
        ? optionLabel(option.label, proposal.kind, t.locale)
        : t(STANCE_LABELS[key as Stance])
      return t('proposals.countOf', { name, count: result.totals[key] ?? 0 })
    })
    .join(', ')
}
