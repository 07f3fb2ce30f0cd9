/**
 * Every update from a peer or a file passes here before it touches a space. Yjs applies a
 * truncated update partly before it throws (and would then store and re-send that part), and
 * keeps an update whose dependencies never arrive pending forever, re-encoding it into every
 * later state. So an update is decoded in full first (Y.decodeUpdate throws on truncated or
 * garbage bytes and touches no document), and one that depends on changes this document has
 * not seen is held aside, not applied, and retried as more arrive (normal when peers relay).
 * In a space's document (doc/schema.ts isSpaceDoc), an update must also keep to the schema and
 * the space's size budget (space-rules.ts): one that does not is refused whole.
 */
import * as Y from 'yjs'
import { isSpaceDoc } from '../doc/schema'
import { fail, ok, type Result } from '../domain/result'
import { createSpaceRules, type RuleError } from './space-rules'

export type GuardError = 'too-large' | 'malformed' | RuleError

/** Refused, or taken: `applied` changed the document, `held` waits for changes not seen yet. */
export type GuardResult = Result<{ readonly applied: boolean; readonly held: boolean }, GuardError>

export interface UpdateGuard {
  receive(update: Uint8Array, origin: unknown): GuardResult
  /** Updates waiting for changes not received yet. */
  heldCount(): number
}

export interface GuardOptions {
  readonly maxUpdateBytes: number
  /** Bounds on what is held aside; the oldest goes first. */
  readonly maxHeld?: number
  readonly maxHeldBytes?: number
  /** A space's size budget (space-rules.ts SPACE_BUDGET_BYTES unless given). */
  readonly budgetBytes?: number
}

interface Decoded {
  readonly update: Uint8Array
  readonly origin: unknown
  readonly structs: readonly (Y.Item | Y.GC | Y.Skip)[]
  readonly ds: ReturnType<typeof Y.decodeUpdate>['ds']
}

/** Clock up to which each client's changes are known once the update's own runs are added. */
function knownClocks(doc: Y.Doc, structs: Decoded['structs']): Map<number, number> {
  const known = new Map<number, number>()
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(doc)))
    known.set(client, clock)
  const sorted = structs
    .filter((s) => !(s instanceof Y.Skip))
    .sort((a, b) => a.id.clock - b.id.clock)
  for (const struct of sorted) {
    const have = known.get(struct.id.client) ?? 0
    if (struct.id.clock <= have)
      known.set(struct.id.client, Math.max(have, struct.id.clock + struct.length))
  }
  return known
}

/** True when every change the update builds on is in the document or in the update itself. */
function dependenciesMet(doc: Y.Doc, decoded: Decoded): boolean {
  const known = knownClocks(doc, decoded.structs)
  const isKnown = (id: Y.ID | null | undefined) => !id || id.clock < (known.get(id.client) ?? 0)
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue
    if (struct.id.clock + struct.length > (known.get(struct.id.client) ?? 0)) return false // a gap
    if (struct instanceof Y.Item) {
      const parent = struct.parent instanceof Y.ID ? struct.parent : null
      if (!isKnown(struct.origin) || !isKnown(struct.rightOrigin) || !isKnown(parent)) return false
    }
  }
  for (const [client, ranges] of decoded.ds.clients) {
    for (const range of ranges) if (range.clock + range.len > (known.get(client) ?? 0)) return false
  }
  return true
}

export function createUpdateGuard(doc: Y.Doc, options: GuardOptions): UpdateGuard {
  const { maxUpdateBytes, maxHeld = 1_000, maxHeldBytes = 64 * 1024 * 1024 } = options
  let held: Decoded[] = []
  let heldBytes = 0
  const rules = isSpaceDoc(doc) ? createSpaceRules(doc, options.budgetBytes) : undefined

  const hold = (decoded: Decoded) => {
    held.push(decoded)
    heldBytes += decoded.update.byteLength
    while (held.length > maxHeld || heldBytes > maxHeldBytes) {
      const dropped = held.shift()
      if (!dropped) break
      heldBytes -= dropped.update.byteLength
    }
  }

  const apply = (decoded: Decoded): boolean => {
    const before = Y.encodeStateVector(doc)
    Y.applyUpdate(doc, decoded.update, decoded.origin)
    rules?.applied(decoded.update)
    const after = Y.encodeStateVector(doc)
    return (
      decoded.ds.clients.size > 0 ||
      before.length !== after.length ||
      before.some((b, i) => b !== after[i])
    )
  }

  /** Applies every held update whose dependencies are now met, until nothing moves. */
  const retryHeld = () => {
    for (let progress = true; progress && held.length > 0;) {
      progress = false
      const waiting: Decoded[] = []
      for (const decoded of held) {
        if (dependenciesMet(doc, decoded)) {
          // checked again now that what it builds on is here; one that breaks a rule is dropped
          if (!rules?.check(decoded.update, decoded.structs)) apply(decoded)
          progress = true
        } else waiting.push(decoded)
      }
      held = waiting
      heldBytes = held.reduce((sum, d) => sum + d.update.byteLength, 0)
    }
  }

  return {
    receive(update, origin) {
      if (update.byteLength > maxUpdateBytes) return fail('too-large')
      let decoded: Decoded
      try {
        const { structs, ds } = Y.decodeUpdate(update)
        decoded = { update, origin, structs, ds }
      } catch {
        return fail('malformed') // truncated or garbage: nothing was touched
      }
      const broken = rules?.check(update, decoded.structs)
      if (broken) return fail(broken)
      if (!dependenciesMet(doc, decoded)) {
        hold(decoded)
        return ok({ applied: false, held: true })
      }
      const applied = apply(decoded)
      retryHeld()
      return ok({ applied, held: false })
    },
    heldCount: () => held.length,
  }
}
