/**
 * Membership criteria: each space keeps its own list (a network chooses its own), and each
 * group answers every criterion as a self-assessment that the others can read. The six
 * criteria of the Solidarity Economy Organisers Network (SE-ON) are the starting list.
 */
import type { Brand } from './ids'

export type CriterionId = Brand<string, 'CriterionId'>

export interface Criterion {
  readonly id: CriterionId
  /** The wording; for a starter criterion that nobody reworded, the English text. */
  readonly text: string
  /**
   * Catalog key of a starter criterion still in its original wording: show `t(textKey)` so
   * each reader sees it in their language. Absent once the network rewords it.
   */
  readonly textKey?: StarterCriterionKey
  /** Position in the list (fractional, so two devices reordering never duplicate items). */
  readonly order: number
  /** When it was taken off the list (it can be put back); answers to it are kept. */
  readonly removedAt?: number
}

export const CRITERION_TEXT_MAX = 300
export const CRITERIA_MAX = 40
export const CRITERION_NOTE_MAX = 1_000

export const CRITERION_ANSWERS = ['yes', 'partly', 'no', 'not-sure'] as const
export type CriterionAnswerValue = (typeof CRITERION_ANSWERS)[number]

export interface CriterionAnswer {
  readonly answer: CriterionAnswerValue
  readonly note: string
}

export type StarterCriterionKey =
  | 'criteria.seon.solidarityEconomy'
  | 'criteria.seon.communityLed'
  | 'criteria.seon.survivalNotProfit'
  | 'criteria.seon.internalDemocracy'
  | 'criteria.seon.underfunded'
  | 'criteria.seon.independent'

export interface StarterCriterion {
  readonly id: CriterionId
  readonly textKey: StarterCriterionKey
  readonly text: string
}

/** Fixed ids, so two devices starting from this list at once hold the same criteria. */
export const SEON_CRITERIA: readonly StarterCriterion[] = Object.freeze(
  (
    [
      [
        'seon-solidarity-economy',
        'criteria.seon.solidarityEconomy',
        'Working in the solidarity economy',
      ],
      [
        'seon-community-led',
        'criteria.seon.communityLed',
        'Led by members of the communities they serve',
      ],
      [
        'seon-survival-not-profit',
        'criteria.seon.survivalNotProfit',
        'Doing the work for survival, not for profit',
      ],
      [
        'seon-internal-democracy',
        'criteria.seon.internalDemocracy',
        'An established group with strong internal democracy',
      ],
      ['seon-underfunded', 'criteria.seon.underfunded', 'Unfunded or underfunded'],
      [
        'seon-independent',
        'criteria.seon.independent',
        'Not part of the state, government or the non-profit industrial complex',
      ],
    ] as const
  ).map(([id, textKey, text]) => Object.freeze({ id: id as CriterionId, textKey, text })),
)

export function isCriterionAnswerValue(value: unknown): value is CriterionAnswerValue {
  return typeof value === 'string' && (CRITERION_ANSWERS as readonly string[]).includes(value)
}

export type CriterionTextError = 'criterion-required' | 'criterion-too-long'

export function validateCriterionText(text: string): CriterionTextError | undefined {
  const trimmed = text.trim()
  if (trimmed === '') return 'criterion-required'
  return trimmed.length > CRITERION_TEXT_MAX ? 'criterion-too-long' : undefined
}

export function validateCriterionNote(note: string): 'note-too-long' | undefined {
  return note.trim().length > CRITERION_NOTE_MAX ? 'note-too-long' : undefined
}

/** Live criteria in list order; ties (two devices adding at once) broken by id. */
export function byOrder(a: Criterion, b: Criterion): number {
  return a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}
