/**
 * Proposals and polls of a space (domain/proposal.ts), a collection like any other. Each
 * person's answers are kept in the proposal's `positions` map under a new random key every time,
 * never overwritten: two phones answering offline both keep theirs, and the count takes the
 * latest per person, the same on every phone. Readers skip what a peer stored malformed and
 * count it, so nothing a peer sends is thrown into the UI.
 *
 * The first proposal in a space raises its schema version (schema.ts): phones with an app that
 * does not know proposals then say "made by a newer version" instead of dropping them.
 */
import * as Y from 'yjs'
import { newId } from '../domain/ids'
import { fail, ok, type Result } from '../domain/result'
import { personKey } from '../domain/meeting'
import {
  answerError,
  isOpen,
  isProposalKind,
  OPTION_LABEL_MAX,
  OPTIONS_MAX,
  PERSON_MAX,
  PROPOSAL_DETAILS_MAX,
  PROPOSAL_TITLE_MAX,
  DOTS_MAX,
  usesOptions,
  validateProposal,
  type Answer,
  type AnswerError,
  type Position,
  type Proposal,
  type ProposalFieldError,
  type ProposalFields,
  type ProposalId,
  type ProposalOption,
  type Stance,
} from '../domain/proposal'
import { createCollection, nestedFields } from './collection'
import { readId, readString, readTime, type Fields } from './read'
import { LOCAL, ROOT, type SpaceDoc } from './schema'

/** The schema version that brought proposals (schema.ts SCHEMA_VERSION). */
export const PROPOSALS_SCHEMA = 2

/** A refused proposal says, by field, what to fix. */
export type AddProposalResult = Result<
  ProposalId,
  'invalid',
  { readonly fields: Partial<Record<keyof ProposalFields, ProposalFieldError>> }
>

export type AnswerResult = Result<string, AnswerError | 'not-found' | 'closed'>

export type CloseResult = Result<ProposalId, 'not-found' | 'outcome-too-long'>

export const OUTCOME_MAX = PROPOSAL_DETAILS_MAX

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function readOptions(value: unknown): ProposalOption[] | undefined {
  if (!Array.isArray(value) || value.length > OPTIONS_MAX) return undefined
  const options: ProposalOption[] = []
  for (const option of value) {
    if (!isRecord(option)) return undefined
    const id = readId(option.id)
    const { label } = option
    if (!id || typeof label !== 'string' || label.length > OPTION_LABEL_MAX) return undefined
    options.push({ id, label })
  }
  return new Set(options.map((o) => o.id)).size === options.length ? options : undefined
}

function readAnswer(value: unknown): Answer | undefined {
  if (!isRecord(value)) return undefined
  if (typeof value.stance === 'string') return { stance: value.stance as Stance }
  if (!isRecord(value.options)) return undefined
  const options: Record<string, number> = {}
  for (const [id, n] of Object.entries(value.options)) {
    if (typeof n !== 'number') return undefined
    options[id] = n
  }
  return { options }
}

function readPosition(
  id: string,
  value: unknown,
  proposal: Pick<Proposal, 'kind' | 'options' | 'dots'>,
): Position | undefined {
  if (!isRecord(value) || !readId(id)) return undefined
  const { person, reason, at } = value
  const answer = readAnswer(value.answer)
  if (typeof person !== 'string' || typeof reason !== 'string' || !answer) return undefined
  if (typeof at !== 'number' || !Number.isFinite(at) || at < 0) return undefined
  // The same rules as a new answer: a peer cannot count a block without its reason.
  if (answerError(proposal, person, answer, reason)) return undefined
  return { id, person: person.trim(), answer, reason, at }
}

function read(id: string, fields: Fields, meta: Proposal): Proposal | undefined {
  const kind = fields.get('kind')
  const title = readString(fields, 'title', PROPOSAL_TITLE_MAX + 1)
  const closesAt = readTime(fields, 'closesAt')
  if (!isProposalKind(kind) || !title?.trim() || title.length > PROPOSAL_TITLE_MAX) return undefined
  if (closesAt === undefined) return undefined
  const options = usesOptions(kind) ? readOptions(fields.get('options')) : []
  if (!options) return undefined
  const dotsValue = fields.get('dots')
  const dots =
    typeof dotsValue === 'number' && Number.isInteger(dotsValue) && dotsValue >= 1
      ? Math.min(dotsValue, DOTS_MAX)
      : 1
  const closedAt = readTime(fields, 'closedAt')
  const base = { kind, options, dots }
  const positions: Position[] = []
  let skippedPositions = 0
  const stored = fields.get('positions')
  if (stored instanceof Y.Map) {
    for (const [key, value] of (stored as Y.Map<unknown>).entries()) {
      const position = readPosition(key, value, base)
      if (position) positions.push(position)
      else skippedPositions++
    }
  }
  positions.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return {
    ...meta,
    id: id as ProposalId,
    ...base,
    title: title.trim(),
    details: readString(fields, 'details', PROPOSAL_DETAILS_MAX) ?? '',
    closesAt,
    ...(closedAt === undefined ? {} : { closedAt }),
    outcome: readString(fields, 'outcome', OUTCOME_MAX) ?? '',
    meetingId: readId(fields.get('meetingId')) ?? '',
    agendaItemId: readId(fields.get('agendaItemId')) ?? '',
    createdBy: readString(fields, 'createdBy', PERSON_MAX) ?? '',
    positions,
    skippedPositions,
  }
}

export interface NewProposal extends ProposalFields {
  readonly meetingId?: string
  readonly agendaItemId?: string
  readonly createdBy?: string
}

export function createProposalStore(doc: SpaceDoc, now: () => number = Date.now) {
  const proposals = createCollection<Proposal>(doc, {
    root: ROOT.proposals,
    read: (id, fields, meta) => read(id, fields, meta as Proposal),
    // Closing soonest first.
    compare: (a, b) => a.closesAt - b.closesAt,
    now,
  })
  const raiseSchema = () => {
    const meta = doc.getMap<unknown>(ROOT.meta)
    const version = meta.get('schemaVersion')
    if (typeof version !== 'number' || version < PROPOSALS_SCHEMA)
      doc.transact(() => meta.set('schemaVersion', PROPOSALS_SCHEMA), LOCAL)
  }
  const find = (id: ProposalId) => proposals.getSnapshot().byId.get(id)

  return {
    subscribe: proposals.subscribe,
    getSnapshot: proposals.getSnapshot,
    /** A new proposal; invalid fields change nothing and say what to fix. */
    addProposal(fields: NewProposal): AddProposalResult {
      const errors = validateProposal(fields, now())
      if (Object.keys(errors).length > 0) return { ok: false, error: 'invalid', fields: errors }
      const options = usesOptions(fields.kind)
        ? fields.options.map((label) => ({ id: newId<string>(), label: label.trim() }))
        : []
      let id: ProposalId | undefined
      doc.transact(() => {
        raiseSchema()
        id = proposals.add({
          title: fields.title.trim(),
          details: fields.details,
          kind: fields.kind,
          options,
          dots: fields.kind === 'dot-vote' ? fields.dots : 1,
          closesAt: fields.closesAt,
          outcome: '',
          meetingId: fields.meetingId ?? '',
          agendaItemId: fields.agendaItemId ?? '',
          createdBy: (fields.createdBy ?? '').slice(0, PERSON_MAX),
          positions: nestedFields({}),
        })
      }, LOCAL)
      return ok(id as ProposalId)
    },
    /**
     * Records a person's position; an earlier one of theirs stays stored and stops counting.
     * Refused once this phone knows the proposal closed; a position that crossed a close made
     * on another phone is kept and shown as given after closing (domain/proposal.ts tally).
     */
    answer(id: ProposalId, person: string, answer: Answer, reason: string): AnswerResult {
      const proposal = find(id)
      if (!proposal) return fail('not-found')
      if (!isOpen(proposal, now())) return fail('closed')
      const error = answerError(proposal, person, answer, reason)
      if (error) return fail(error)
      const positionId = newId<string>()
      const kept: Record<string, number> = {}
      if ('options' in answer)
        for (const [option, n] of Object.entries(answer.options)) if (n > 0) kept[option] = n
      proposals.update(id, {
        positions: nestedFields({
          [positionId]: {
            person: person.trim(),
            answer: 'stance' in answer ? { stance: answer.stance } : { options: kept },
            reason: reason.trim(),
            at: now(),
          },
        }),
      })
      return ok(positionId)
    },
    /** Closes a proposal now with the facilitator's outcome (which may be written later). */
    close(id: ProposalId, outcome: string): CloseResult {
      const proposal = find(id)
      if (!proposal) return fail('not-found')
      if (outcome.length > OUTCOME_MAX) return fail('outcome-too-long')
      proposals.update(id, {
        outcome: outcome.trim(),
        ...(proposal.closedAt === undefined && isOpen(proposal, now()) ? { closedAt: now() } : {}),
      })
      return ok(id)
    },
    deleteProposal: (id: ProposalId) => proposals.softDelete(id),
    restoreProposal: (id: ProposalId) => proposals.restore(id),
    purgeDeleted: () => proposals.purgeDeleted(),
  }
}

/** Positions of one person, for "your answer" (their latest, counted or not). */
export function positionsOf(proposal: Proposal, person: string): Position[] {
  const key = personKey(person)
  return proposal.positions.filter((p) => personKey(p.person) === key)
}

export type ProposalStore = ReturnType<typeof createProposalStore>
