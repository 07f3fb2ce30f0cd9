import { describe, expect, it } from 'vitest'
import {
  answerError,
  notAnswered,
  tally,
  validateProposal,
  type Answer,
  type Position,
  type Proposal,
  type ProposalFields,
  type ProposalId,
  type ProposalKind,
} from '../../../src/domain/proposal'

const NOW = Date.UTC(2026, 11, 4, 12)
const HOUR = 3_600_000

function proposal(kind: ProposalKind, positions: Position[], more: Partial<Proposal> = {}) {
  const options =
    kind === 'consent' || kind === 'sense-check' || kind === 'vote'
      ? []
      : [
          { id: 'optiona1', label: 'Tuesday' },
          { id: 'optionb2', label: 'Thursday' },
          { id: 'optionc3', label: 'Saturday' },
        ]
  return {
    id: 'proposal1' as ProposalId,
    createdAt: NOW - HOUR,
    updatedAt: NOW - HOUR,
    title: 'Share the van',
    details: '',
    kind,
    options,
    dots: 5,
    closesAt: NOW + HOUR,
    outcome: '',
    meetingId: '',
    agendaItemId: '',
    createdBy: 'Amal',
    positions,
    skippedPositions: 0,
    ...more,
  } satisfies Proposal
}

let next = 0
const said = (person: string, answer: Answer, at: number, reason = ''): Position => ({
  id: `position${String(next++).padStart(4, '0')}`,
  person,
  answer,
  reason,
  at,
})

describe('proposal results', () => {
  it('counts consent stances, one per person, and a block stands', () => {
    const result = tally(
      proposal('consent', [
        said('Amal', { stance: 'agree' }, NOW - 50),
        said('Ben', { stance: 'abstain' }, NOW - 40),
        said('Carla', { stance: 'block' }, NOW - 30, 'We have no driver'),
        said('Dina', { stance: 'disagree' }, NOW - 20, 'Too far'),
      ]),
    )
    expect(result.totals).toEqual({ agree: 1, abstain: 1, disagree: 1, block: 1 })
    expect(result.people).toBe(4)
    expect(result.blocked).toBe(true)
  })

  it("counts a person's latest position only, whatever name spacing or case they typed", () => {
    const result = tally(
      proposal('sense-check', [
        said('Ben', { stance: 'block' }, NOW - 50, 'No'),
        said(' ben ', { stance: 'concerns' }, NOW - 40),
        said('BEN', { stance: 'agree' }, NOW - 10),
      ]),
    )
    expect(result.totals).toEqual({ agree: 1, concerns: 0, block: 0 })
    expect(result.blocked).toBe(false)
    expect(result.counted.map((p) => p.answer)).toEqual([{ stance: 'agree' }])
  })

  it('breaks a tie between two devices of one person by id, so every phone counts the same', () => {
    const a = { ...said('Ben', { stance: 'yes' }, NOW - 5), id: 'zzzzzzzz' }
    const b = { ...said('Ben', { stance: 'no' }, NOW - 5), id: 'aaaaaaaa' }
    expect(tally(proposal('vote', [a, b])).totals).toEqual({ yes: 1, no: 0, abstain: 0 })
    expect(tally(proposal('vote', [b, a])).totals).toEqual({ yes: 1, no: 0, abstain: 0 })
  })

  it('keeps a position given after closing visible but does not count it', () => {
    const closedAt = NOW - 100
    const result = tally(
      proposal(
        'vote',
        [said('Amal', { stance: 'yes' }, NOW - 200), said('Amal', { stance: 'no' }, NOW - 50)],
        { closedAt },
      ),
    )
    expect(result.totals).toEqual({ yes: 1, no: 0, abstain: 0 })
    expect(result.afterClosing.map((p) => p.answer)).toEqual([{ stance: 'no' }])
  })

  it('adds dots per option and names the leading options', () => {
    const result = tally(
      proposal('dot-vote', [
        said('Amal', { options: { optiona1: 3, optionb2: 2 } }, NOW - 30),
        said('Ben', { options: { optionb2: 3, optionc3: 2 } }, NOW - 20),
      ]),
    )
    expect(result.totals).toEqual({ optiona1: 3, optionb2: 5, optionc3: 2 })
    expect(result.leading).toEqual(['optionb2'])
  })

  it('counts the times that suit in a time poll, a tie leading together', () => {
    const result = tally(
      proposal('time-poll', [
        said('Amal', { options: { optiona1: 1, optionc3: 1 } }, NOW - 30),
        said('Ben', { options: { optionc3: 1, optiona1: 1 } }, NOW - 20),
        said('Carla', { options: {} }, NOW - 10),
      ]),
    )
    expect(result.totals).toEqual({ optiona1: 2, optionb2: 0, optionc3: 2 })
    expect(result.leading).toEqual(['optiona1', 'optionc3'])
    expect(result.people).toBe(3)
  })

  it('lists who has not answered yet', () => {
    const p = proposal('choice', [said('amal', { options: { optiona1: 1 } }, NOW - 10)])
    expect(notAnswered(p, ['Amal', 'Ben'])).toEqual(['Ben'])
  })
})

describe('answer rules', () => {
  it('asks a reason for disagree and block, not for agree', () => {
    const consent = proposal('consent', [])
    expect(answerError(consent, 'Ben', { stance: 'block' }, '  ')).toBe('reason-required')
    expect(answerError(consent, 'Ben', { stance: 'disagree' }, '')).toBe('reason-required')
    expect(answerError(consent, 'Ben', { stance: 'block' }, 'No driver')).toBeUndefined()
    expect(answerError(consent, 'Ben', { stance: 'agree' }, '')).toBeUndefined()
  })

  it('refuses stances of another kind, unknown options and too many dots', () => {
    expect(answerError(proposal('consent', []), 'Ben', { stance: 'yes' }, '')).toBe(
      'stance-invalid',
    )
    expect(answerError(proposal('choice', []), 'Ben', { stance: 'yes' }, '')).toBe('stance-invalid')
    expect(answerError(proposal('choice', []), 'Ben', { options: { nothere1: 1 } }, '')).toBe(
      'option-unknown',
    )
    expect(
      answerError(proposal('choice', []), 'Ben', { options: { optiona1: 1, optionb2: 1 } }, ''),
    ).toBe('choose-one')
    expect(answerError(proposal('dot-vote', []), 'Ben', { options: { optiona1: 6 } }, '')).toBe(
      'dots-too-many',
    )
    expect(answerError(proposal('dot-vote', []), 'Ben', { options: {} }, '')).toBe('dots-none')
    expect(answerError(proposal('vote', []), '', { stance: 'yes' }, '')).toBe('person-required')
    expect(answerError(proposal('vote', []), 'Ben', { stance: 'yes' }, 'x'.repeat(100_000))).toBe(
      'reason-too-long',
    )
  })
})

describe('new proposal rules', () => {
  const fields = (more: Partial<ProposalFields>): ProposalFields => ({
    title: 'Where we meet',
    details: '',
    kind: 'choice',
    options: ['Hall', 'Park'],
    dots: 5,
    closesAt: NOW + HOUR,
    ...more,
  })

  it('accepts a sound proposal', () => {
    expect(validateProposal(fields({}), NOW)).toEqual({})
    expect(validateProposal(fields({ kind: 'consent', options: [] }), NOW)).toEqual({})
  })

  it('says what is wrong: empty, duplicate or too many options, past closing, bad times', () => {
    expect(validateProposal(fields({ title: ' ' }), NOW).title).toBe('title-required')
    expect(validateProposal(fields({ options: ['Hall', ' '] }), NOW).options).toBe('option-empty')
    expect(validateProposal(fields({ options: ['Hall', ' hall'] }), NOW).options).toBe(
      'option-duplicate',
    )
    expect(validateProposal(fields({ options: ['Hall'] }), NOW).options).toBe('options-too-few')
    const many = Array.from({ length: 1_000 }, (_, i) => `Option ${i}`)
    expect(validateProposal(fields({ options: many }), NOW).options).toBe('options-too-many')
    expect(validateProposal(fields({ closesAt: NOW - 1 }), NOW).closesAt).toBe('closes-in-past')
    expect(
      validateProposal(fields({ kind: 'time-poll', options: ['Tuesday', 'Friday'] }), NOW).options,
    ).toBe('option-not-a-time')
    expect(validateProposal(fields({ kind: 'dot-vote', dots: 0 }), NOW).dots).toBe('dots-invalid')
    expect(validateProposal(fields({ details: 'x'.repeat(100_000) }), NOW).details).toBe(
      'details-too-long',
    )
  })
})
