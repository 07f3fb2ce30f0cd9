/**
 * The space's list of membership criteria. Stored flat in one root Y.Map, one key per value
 * (`text:<id>`, `order:<id>`, `removedAt:<id>`), so no device ever has to create a container
 * that another device may create at the same time (one of the two would be dropped).
 *
 * The six SE-ON criteria are there lazily: nothing is written for them until someone rewords,
 * moves or removes one, so a new space starts from them and two devices starting at once agree.
 * A starter criterion nobody reworded carries its catalog key and reads in each person's language.
 */
import {
  byOrder,
  CRITERIA_MAX,
  CRITERION_TEXT_MAX,
  SEON_CRITERIA,
  validateCriterionText,
  type Criterion,
  type CriterionId,
  type CriterionTextError,
} from '../domain/criteria'
import { frozen } from '../domain/entity'
import { newId } from '../domain/ids'
import { fail, ok, type Result } from '../domain/result'
import { readId } from './read'
import { LOCAL, ROOT, type SpaceDoc } from './schema'

export interface CriteriaSnapshot {
  /** The criteria in force, in list order. */
  readonly items: readonly Criterion[]
  /** Taken off the list, most recently first; can be put back. */
  readonly removed: readonly Criterion[]
  readonly byId: ReadonlyMap<CriterionId, Criterion>
  /** Stored criteria that could not be read (malformed data from a peer). */
  readonly skipped: number
}

export type CriterionResult = Result<CriterionId, CriterionTextError | 'too-many'>
/** Done, or no such criterion ('not-found'; for a reset: not one of the starters). */
export type CriterionChange = Result<void, 'not-found'>

const starters = new Map(
  SEON_CRITERIA.map((c, index) => [c.id as string, { ...c, order: index + 1 }]),
)

export function createCriteriaStore(doc: SpaceDoc, now: () => number = Date.now) {
  const root = doc.getMap<unknown>(ROOT.criteria)
  const listeners = new Set<() => void>()
  let snapshot: CriteriaSnapshot | undefined

  root.observe(() => {
    snapshot = undefined // rebuilt on the next read
    for (const notify of listeners) notify()
  })

  const stored = (field: string, id: string) => root.get(`${field}:${id}`)

  function readCriterion(id: string): Criterion | undefined {
    const starter = starters.get(id)
    const text = stored('text', id)
    const order = stored('order', id)
    const removedAt = stored('removedAt', id)
    const wording =
      typeof text === 'string' && text.trim() !== ''
        ? text.trim().slice(0, CRITERION_TEXT_MAX)
        : undefined
    if (!wording && !starter) return undefined
    const position = typeof order === 'number' && Number.isFinite(order) ? order : starter?.order
    if (position === undefined) return undefined
    return {
      id: id as CriterionId,
      text: wording ?? starter?.text ?? '',
      order: position,
      ...(!wording && starter && { textKey: starter.textKey }),
      ...(typeof removedAt === 'number' && removedAt >= 0 && { removedAt }),
    }
  }

  function build(): CriteriaSnapshot {
    const ids = new Set<string>(starters.keys())
    for (const key of root.keys()) {
      const id = readId(key.slice(key.indexOf(':') + 1))
      if (id) ids.add(id)
    }
    const items: Criterion[] = []
    const removed: Criterion[] = []
    const byId = new Map<CriterionId, Criterion>()
    let skipped = 0
    for (const id of ids) {
      const criterion = readCriterion(id)
      if (!criterion) {
        skipped++
        continue
      }
      byId.set(criterion.id, frozen(criterion))
      ;(criterion.removedAt === undefined ? items : removed).push(criterion)
    }
    items.sort(byOrder)
    removed.sort((a, b) => (b.removedAt ?? 0) - (a.removedAt ?? 0) || byOrder(a, b))
    return frozen({ items: frozen(items), removed: frozen(removed), byId, skipped })
  }

  const getSnapshot = () => (snapshot ??= build())
  const exists = (id: CriterionId) => getSnapshot().byId.has(id)
  const write = (entries: Record<string, string | number | undefined>) =>
    doc.transact(() => {
      for (const [key, value] of Object.entries(entries)) {
        if (value === undefined) root.delete(key)
        else if (root.get(key) !== value) root.set(key, value)
      }
    }, LOCAL)

  return {
    subscribe(listener: () => void) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    getSnapshot,

    addCriterion(text: string): CriterionResult {
      const error = validateCriterionText(text)
      if (error) return fail(error)
      const { items } = getSnapshot()
      if (items.length >= CRITERIA_MAX) return fail('too-many')
      const id = newId<'CriterionId'>()
      const last = items.at(-1)?.order ?? 0
      write({ [`text:${id}`]: text.trim(), [`order:${id}`]: Math.floor(last) + 1 })
      return ok(id)
    },

    /** Rewords a criterion; groups' answers to it are kept. */
    rewordCriterion(id: CriterionId, text: string): CriterionResult {
      const error = validateCriterionText(text)
      if (error) return fail(error)
      if (!exists(id)) return fail('criterion-required')
      write({ [`text:${id}`]: text.trim() })
      return ok(id)
    },

    /** Back to the original SE-ON wording (translated for each reader). */
    resetCriterionText(id: CriterionId): CriterionChange {
      if (!starters.has(id)) return fail('not-found')
      write({ [`text:${id}`]: undefined })
      return ok()
    },

    /** Moves a criterion to a position in the live list (0 = first). */
    moveCriterion(id: CriterionId, toIndex: number): CriterionChange {
      const items = getSnapshot().items.filter((c) => c.id !== id)
      if (!exists(id)) return fail('not-found')
      const index = Math.max(0, Math.min(items.length, Math.trunc(toIndex)))
      const before = items[index - 1]?.order
      const after = items[index]?.order
      const order =
        before === undefined
          ? (after ?? 1) - 1
          : after === undefined
            ? before + 1
            : (before + after) / 2
      write({ [`order:${id}`]: order })
      return ok()
    },

    removeCriterion(id: CriterionId): CriterionChange {
      if (!exists(id)) return fail('not-found')
      write({ [`removedAt:${id}`]: now() })
      return ok()
    },

    restoreCriterion(id: CriterionId): CriterionChange {
      if (!exists(id)) return fail('not-found')
      write({ [`removedAt:${id}`]: undefined })
      return ok()
    },
  }
}

export type CriteriaStore = ReturnType<typeof createCriteriaStore>
