/**
 * What an update from a peer or a file may write into a space's document (doc/schema.ts), so
 * that content the app does not show cannot be stored, relayed to every phone and slow every
 * read. Checked on the decoded update before anything is applied (update-guard.ts):
 *
 * - a root the schema does not know, a key of `meta` it does not know, list content at a root,
 *   or an entry of an entity root that is not an entity: 'unknown-content';
 * - `meta.schemaVersion` above this app's SCHEMA_VERSION: 'newer-schema' (a newer app wrote
 *   it; see SCHEMA_VERSION for why it is refused rather than merged);
 * - more than MAX_ROOT_KEYS entries in one root, or a document over SPACE_BUDGET_BYTES:
 *   'over-budget'.
 *
 * The figures and why: domain/space-budget.ts.
 */
import * as Y from 'yjs'
import { ENTITY_ROOTS, META_KEYS, ROOT, SCHEMA_VERSION } from '../doc/schema'
import { MAX_ROOT_KEYS, SPACE_BUDGET_BYTES } from '../domain/space-budget'

export { MAX_ROOT_KEYS, SPACE_BUDGET_BYTES }

export type RuleError = 'unknown-content' | 'newer-schema' | 'over-budget'

const KNOWN_ROOTS: ReadonlySet<string> = new Set(Object.values(ROOT))

type Struct = Y.Item | Y.GC | Y.Skip

interface Place {
  /** the root the entry is in, or undefined for content nested in an entity */
  readonly root: string | undefined
  readonly key: string | null
}

/**
 * Where an item goes. An item that overwrites or extends another carries no parent of its own
 * (Yjs leaves it out when it has an origin): it is where that origin is, in the update or in
 * the document. Undefined when the origin is nowhere yet (the guard holds such an update).
 * Places found are remembered, so a long chain of origins is walked once, not once per item.
 */
function placeOf(
  doc: Y.Doc,
  item: Y.Item,
  inUpdate: (id: Y.ID) => Y.Item | undefined,
  known: Map<Y.Item, Place | undefined>,
): Place | undefined {
  const chain = new Set<Y.Item>()
  let place: Place | undefined
  for (let current: Y.Item | undefined = item; current;) {
    if (known.has(current)) {
      place = known.get(current)
      break
    }
    chain.add(current)
    const { parent } = current
    if (typeof parent === 'string') {
      place = { root: parent, key: current.parentSub }
      break
    }
    if (parent instanceof Y.ID) {
      place = { root: undefined, key: null }
      break
    }
    if (parent instanceof Y.AbstractType) {
      place =
        parent._item === null
          ? { root: Y.findRootTypeKey(parent), key: current.parentSub }
          : { root: undefined, key: null }
      break
    }
    const next: Y.ID | null = current.origin ?? current.rightOrigin
    current = next ? (inUpdate(next) ?? inDoc(doc, next)) : undefined
    if (current && chain.has(current)) break // a loop only a forged update has
  }
  for (const visited of chain) known.set(visited, place)
  return place
}

function inDoc(doc: Y.Doc, id: Y.ID): Y.Item | undefined {
  if (id.clock >= Y.getState(doc.store, id.client)) return undefined
  const struct = Y.getItem(doc.store, id) as Y.Item | Y.GC
  return struct instanceof Y.Item ? struct : undefined
}

/** The update's item holding `id`, by binary search over each client's items in clock order. */
function itemsById(structs: readonly Struct[]): (id: Y.ID) => Y.Item | undefined {
  const byClient = new Map<number, Y.Item[]>()
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue
    const list = byClient.get(struct.id.client) ?? []
    list.push(struct)
    byClient.set(struct.id.client, list)
  }
  for (const list of byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock)
  return (id) => {
    const list = byClient.get(id.client)
    if (!list) return undefined
    let low = 0
    let high = list.length - 1
    while (low <= high) {
      const middle = (low + high) >> 1
      const item = list[middle]
      if (!item) return undefined
      if (id.clock < item.id.clock) high = middle - 1
      else if (id.clock >= item.id.clock + item.length) low = middle + 1
      else return item
    }
    return undefined
  }
}

/** The first rule an update's own structs break, before looking at the document's size. */
function checkStructs(doc: Y.Doc, structs: readonly Struct[]): RuleError | undefined {
  const inUpdate = itemsById(structs)
  const known = new Map<Y.Item, Place | undefined>()
  let unknown = false
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue
    const place = placeOf(doc, struct, inUpdate, known)
    if (!place || place.root === undefined) continue
    const { root, key } = place
    const content = struct.content
    if (root === ROOT.meta && key === 'schemaVersion' && content instanceof Y.ContentAny) {
      const version: unknown = content.arr[0]
      if (typeof version !== 'number' || !Number.isInteger(version)) unknown = true
      else if (version > SCHEMA_VERSION) return 'newer-schema' // said first: it explains the rest
      continue
    }
    if (!KNOWN_ROOTS.has(root) || key === null) unknown = true
    else if (root === ROOT.meta && !META_KEYS.has(key)) unknown = true
    else if (ENTITY_ROOTS.has(root)) {
      const isEntity = content instanceof Y.ContentType && content.type instanceof Y.Map
      if (!isEntity && !(content instanceof Y.ContentDeleted)) unknown = true
    }
  }
  return unknown ? 'unknown-content' : undefined
}

/** Entries of a root the document holds now, deleted ones left out only when it matters. */
function rootKeys(doc: Y.Doc, name: string): Map<string, Y.Item> | undefined {
  const type = doc.share.get(name)
  return type?._map
}

function liveCount(keys: Map<string, Y.Item>): number {
  let count = 0
  for (const item of keys.values()) if (!item.deleted) count++
  return count
}

/** Roots whose entries the update would bring over MAX_ROOT_KEYS. */
function checkRootSizes(doc: Y.Doc, structs: readonly Struct[]): RuleError | undefined {
  const added = new Map<string, Set<string>>()
  for (const struct of structs) {
    if (!(struct instanceof Y.Item) || typeof struct.parent !== 'string') continue
    if (struct.parentSub === null || struct.content instanceof Y.ContentDeleted) continue
    const keys = rootKeys(doc, struct.parent)
    if (keys?.has(struct.parentSub)) continue
    let set = added.get(struct.parent)
    if (!set) added.set(struct.parent, (set = new Set()))
    set.add(struct.parentSub)
  }
  for (const [name, keys] of added) {
    const existing = rootKeys(doc, name)
    if ((existing?.size ?? 0) + keys.size <= MAX_ROOT_KEYS) continue
    if ((existing ? liveCount(existing) : 0) + keys.size > MAX_ROOT_KEYS) return 'over-budget'
  }
  return undefined
}

export interface SpaceRules {
  /** The first rule `update` breaks in this document, or undefined. */
  check(update: Uint8Array, structs: readonly Struct[]): RuleError | undefined
  /** After an update is applied: keeps the size estimate an upper bound without re-encoding. */
  applied(update: Uint8Array): void
}

export function createSpaceRules(doc: Y.Doc, budgetBytes = SPACE_BUDGET_BYTES): SpaceRules {
  // An upper bound on the encoded document (merged updates only ever overlap), made exact again
  // whenever the bound alone would refuse something.
  let estimate: number | undefined
  const exactSize = () => (estimate = Y.encodeStateAsUpdate(doc).byteLength)
  return {
    check(update, structs) {
      const broken = checkStructs(doc, structs) ?? checkRootSizes(doc, structs)
      if (broken) return broken
      if ((estimate ?? exactSize()) + update.byteLength <= budgetBytes) return undefined
      // Near the budget: count only what the document does not hold yet (a file opened twice
      // adds nothing).
      const news = Y.diffUpdate(update, Y.encodeStateVector(doc)).byteLength
      if (news <= 2) return undefined // Yjs's empty update: nothing new
      return exactSize() + news > budgetBytes ? 'over-budget' : undefined
    },
    applied(update) {
      if (estimate !== undefined) estimate += update.byteLength
    },
  }
}
