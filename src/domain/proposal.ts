/**
 * Proposals and polls: how a network decides between meetings and at them. The kinds are the
 * ones Loomio made familiar to such groups: consent, sense check (consensus), vote, one choice
 * among options, dot vote and time poll.
 *
 * Each person gives one position and may change it until the proposal closes. Positions are
 * never overwritten, only added (doc/proposal-store.ts), so two phones answering offline both
 * keep their answer; the latest position per person counts, ties broken by id so every phone
 * counts the same. A position given after closing stays visible, marked, and does not count.
 */
import type { EntityMeta } from './entity'
import type { Brand } from './ids'
import { personKey } from './meeting'

export type ProposalId = Brand<string, 'ProposalId'>

export const PROPOSAL_KINDS = [
  'consent',
  'sense-check',
  'vote',
  'choice',
  'dot-vote',
  'time-poll',
] as const
export type ProposalKind = (typeof PROPOSAL_KINDS)[number]

/** Kinds answered with a stance; the others are answered by choosing among options. */
export const STANCES = {
  consent: ['agree', 'abstain', 'disagree', 'block'],
  'sense-check': ['agree', 'concerns', 'block'],
  vote: ['yes', 'no', 'abstain'],
} as const
export type StanceKind = keyof typeof STANCES
export type Stance = (typeof STANCES)[StanceKind][number]

/** Stances that must say why: a block or an objection the group has to be able to address. */
export const REASON_REQUIRED: ReadonlySet<Stance> = new Set(['disagree', 'block'])

export const isStanceKind = (kind: ProposalKind): kind is StanceKind => kind in STANCES

export interface ProposalOption {
  readonly id: string
  /** The option's text; for a time poll, a local date and time `YYYY-MM-DDTHH:MM`. */
  readonly label: string
}

export interface Proposal extends EntityMeta<ProposalId> {
  readonly title: string
  readonly details: string
  readonly kind: ProposalKind
  /** For choice, dot vote and time poll; empty for the stance kinds. */
  readonly options: readonly ProposalOption[]
  /** Dots each person may spread (dot vote only). */
  readonly dots: number
  /** When it closes by itself (ms since 1970). */
  readonly closesAt: number
  /** When a facilitator closed it early, if they did. */
  readonly closedAt?: number
  /** What the facilitator wrote when it closed; becomes a decision in the meeting's minutes. */
  readonly outcome: string
  /** The meeting (and agenda point) it belongs to; '' for a proposal standing alone. */
  readonly meetingId: string
  readonly agendaItemId: string
  readonly createdBy: string
  readonly positions: readonly Position[]
  /** Stored positions that could not be read (malformed data from a peer). */
  readonly skippedPositions: number
}

export type Answer =
  | { readonly stance: Stance }
  /** Option id → dots (dot vote), or 1 for each chosen option (choice, time poll). */
  | { readonly options: Readonly<Record<string, number>> }

export interface Position {
  readonly id: string
  /** The person's name, as in the space's people list. */
  readonly person: string
  readonly answer: Answer
  readonly reason: string
  readonly at: number
}

export const PROPOSAL_TITLE_MAX = 160
export const PROPOSAL_DETAILS_MAX = 5_000
export const OPTION_LABEL_MAX = 200
export const OPTIONS_MAX = 30
export const REASON_MAX = 2_000
export const DOTS_MAX = 100
export const PERSON_MAX = 200

export const isProposalKind = (value: unknown): value is ProposalKind =>
  typeof value === 'string' && (PROPOSAL_KINDS as readonly string[]).includes(value)

export const usesOptions = (kind: ProposalKind): boolean => !isStanceKind(kind)

export interface ProposalFields {
  readonly title: string
  readonly details: string
  readonly kind: ProposalKind
  readonly options: readonly string[]
  readonly dots: number
  readonly closesAt: number
}

export type ProposalFieldError =
  | 'title-required'
  | 'title-too-long'
  | 'details-too-long'
  | 'options-too-few'
  | 'options-too-many'
  | 'option-empty'
  | 'option-too-long'
  | 'option-duplicate'
  | 'option-not-a-time'
  | 'dots-invalid'
  | 'closes-in-past'
  | 'closes-invalid'

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/

/** Every problem with a new proposal, by field; empty when it can be saved. */
export function validateProposal(
  fields: ProposalFields,
  now: number,
): Partial<Record<keyof ProposalFields, ProposalFieldError>> {
  const errors: Partial<Record<keyof ProposalFields, ProposalFieldError>> = {}
  const title = fields.title.trim()
  if (title === '') errors.title = 'title-required'
  else if (title.length > PROPOSAL_TITLE_MAX) errors.title = 'title-too-long'
  if (fields.details.length > PROPOSAL_DETAILS_MAX) errors.details = 'details-too-long'
  const optionError = optionsError(fields.kind, fields.options)
  if (optionError) errors.options = optionError
  if (
    fields.kind === 'dot-vote' &&
    !(Number.isInteger(fields.dots) && fields.dots >= 1 && fields.dots <= DOTS_MAX)
  )
    errors.dots = 'dots-invalid'
  if (!Number.isFinite(fields.closesAt)) errors.closesAt = 'closes-invalid'
  else if (fields.closesAt <= now) errors.closesAt = 'closes-in-past'
  return errors
}

function optionsError(
  kind: ProposalKind,
  options: readonly string[],
): ProposalFieldError | undefined {
  if (!usesOptions(kind)) return undefined
  if (options.length > OPTIONS_MAX) return 'options-too-many'
  const labels = options.map((o) => o.trim())
  if (labels.some((label) => label === '')) return 'option-empty'
  if (labels.some((label) => label.length > OPTION_LABEL_MAX)) return 'option-too-long'
  if (kind === 'time-poll' && labels.some((label) => !LOCAL_DATE_TIME.test(label)))
    return 'option-not-a-time'
  if (new Set(labels.map(personKey)).size !== labels.length) return 'option-duplicate'
  return labels.length < 2 ? 'options-too-few' : undefined
}

export type AnswerError =
  | 'person-required'
  | 'stance-invalid'
  | 'reason-required'
  | 'reason-too-long'
  | 'option-unknown'
  | 'choose-one'
  | 'dots-too-many'
  | 'dots-none'

/** Whether `answer` is a valid answer to `proposal`; the error says what to change. */
export function answerError(
  proposal: Pick<Proposal, 'kind' | 'options' | 'dots'>,
  person: string,
  answer: Answer,
  reason: string,
): AnswerError | undefined {
  if (person.trim() === '' || person.length > PERSON_MAX) return 'person-required'
  if (reason.length > REASON_MAX) return 'reason-too-long'
  if ('stance' in answer) {
    if (!isStanceKind(proposal.kind)) return 'stance-invalid'
    if (!(STANCES[proposal.kind] as readonly string[]).includes(answer.stance))
      return 'stance-invalid'
    return REASON_REQUIRED.has(answer.stance) && reason.trim() === ''
      ? 'reason-required'
      : undefined
  }
  if (isStanceKind(proposal.kind)) return 'stance-invalid'
  const known = new Set(proposal.options.map((o) => o.id))
  const entries = Object.entries(answer.options)
  if (entries.some(([id, n]) => !known.has(id) || !Number.isInteger(n) || n < 0))
    return 'option-unknown'
  const chosen = entries.filter(([, n]) => n > 0)
  const total = chosen.reduce((sum, [, n]) => sum + n, 0)
  switch (proposal.kind) {
    case 'choice':
      return chosen.length === 1 && total === 1 ? undefined : 'choose-one'
    case 'dot-vote':
      if (total === 0) return 'dots-none'
      return total > proposal.dots ? 'dots-too-many' : undefined
    default: // time poll: any set of times that suit, none included
      return chosen.some(([, n]) => n !== 1) ? 'option-unknown' : undefined
  }
}

/** When a proposal stops counting answers: closed early, or its closing time. */
export const closingTime = (proposal: Pick<Proposal, 'closesAt' | 'closedAt'>): number =>
  Math.min(proposal.closesAt, proposal.closedAt ?? Number.POSITIVE_INFINITY)

/** Open until its closing time, unless someone closed it: closed at once, whatever the clock says. */
export const isOpen = (proposal: Pick<Proposal, 'closesAt' | 'closedAt'>, now: number): boolean =>
  proposal.closedAt === undefined && now < proposal.closesAt

export interface Tally {
  /** The position that counts for each person (latest before closing), by person. */
  readonly counted: readonly Position[]
  /** Positions given after closing that would otherwise be the person's latest. */
  readonly afterClosing: readonly Position[]
  /** Per stance (stance kinds) or per option id: how many people, or dots. */
  readonly totals: Readonly<Record<string, number>>
  /** People whose position counts. */
  readonly people: number
  /** A block stands (consent, sense check). */
  readonly blocked: boolean
  /** For choice, dot vote and time poll: the option ids with the most, in option order. */
  readonly leading: readonly string[]
}

const later = (a: Position, b: Position): boolean => a.at > b.at || (a.at === b.at && a.id > b.id)

/** Counts a proposal's positions: latest per person, before closing; the same on every phone. */
export function tally(proposal: Proposal): Tally {
  const closes = closingTime(proposal)
  const latestBefore = new Map<string, Position>()
  const latestAfter = new Map<string, Position>()
  for (const position of proposal.positions) {
    const key = personKey(position.person)
    const into = position.at < closes ? latestBefore : latestAfter
    const current = into.get(key)
    if (!current || later(position, current)) into.set(key, position)
  }
  const counted = [...latestBefore.values()].sort((a, b) => a.at - b.at || cmp(a.id, b.id))
  const afterClosing = [...latestAfter.values()].sort((a, b) => a.at - b.at || cmp(a.id, b.id))
  const totals: Record<string, number> = {}
  const keys = isStanceKind(proposal.kind)
    ? STANCES[proposal.kind]
    : proposal.options.map((o) => o.id)
  for (const key of keys) totals[key] = 0
  for (const { answer } of counted) {
    if ('stance' in answer) totals[answer.stance] = (totals[answer.stance] ?? 0) + 1
    else
      for (const [id, n] of Object.entries(answer.options))
        if (id in totals) totals[id] = (totals[id] ?? 0) + n
  }
  const blocked = isStanceKind(proposal.kind) && (totals['block'] ?? 0) > 0
  const best = Math.max(0, ...proposal.options.map((o) => totals[o.id] ?? 0))
  const leading =
    best === 0 ? [] : proposal.options.filter((o) => totals[o.id] === best).map((o) => o.id)
  return { counted, afterClosing, totals, people: counted.length, blocked, leading }
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** People in `people` who have no counted position yet (for "you have not answered"). */
export function notAnswered(proposal: Proposal, people: readonly string[]): string[] {
  const answered = new Set(tally(proposal).counted.map((p) => personKey(p.person)))
  return people.filter((name) => !answered.has(personKey(name)))
}
