/**
 * What an applied update changed, per root collection, so the UI can say "2 groups and 1 meeting
 * updated" after a file import. Counted from the Yjs events of the transactions that run while
 * recording (cost follows the size of the change, not of the space), not by diffing snapshots
 * of the whole document. Every root of the schema is watched, so a root added to ROOT later is
 * counted without a change here; only entries that are entities (a nested Y.Map, see
 * doc/collection.ts) count, so a root of plain values such as `meta` never shows up.
 */
import * as Y from 'yjs'
import { ROOT } from '../doc/schema'

export interface EntityChanges {
  readonly added: number
  readonly updated: number
  /** removed for good (purged), not soft-deleted: a soft delete is an update */
  readonly removed: number
}

/** Counts per root name; a root with no change is absent. */
export type ChangeSummary = Readonly<Record<string, EntityChanges>>

interface Tally {
  readonly added: Set<string>
  readonly updated: Set<string>
  readonly removed: Set<string>
}

/** A root Yjs has seen only in data: nothing asked for it as a map, array or text yet. */
const isUntyped = (type: object): boolean =>
  Object.getPrototypeOf(type) === Y.AbstractType.prototype

/**
 * Roots to watch: the schema's, and any other map root the document holds, including one only
 * seen in data so far (a root from a newer version of the app: Yjs keeps it untyped until
 * someone asks for it; one without list content can only be a map, since every root is one).
 */
function watchedRoots(doc: Y.Doc): [string, Y.Map<unknown>][] {
  const names = new Set<string>(Object.values(ROOT))
  for (const [name, type] of doc.share) {
    if (type instanceof Y.Map || (isUntyped(type) && type._start === null)) names.add(name)
  }
  const roots: [string, Y.Map<unknown>][] = []
  for (const name of names) {
    const existing = doc.share.get(name)
    // A root defined as another kind of type cannot be read as a map (getMap would throw).
    if (existing && !(existing instanceof Y.Map) && !isUntyped(existing)) continue
    roots.push([name, doc.getMap<unknown>(name)])
  }
  return roots
}

function watch(root: Y.Map<unknown>, tally: Tally, origin: unknown): () => void {
  const isEntity = (value: unknown) => value instanceof Y.Map
  const byAction = { add: tally.added, update: tally.updated, delete: tally.removed }
  const handler = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
    if (origin !== undefined && transaction.origin !== origin) return
    for (const event of events) {
      if (event.target === root) {
        for (const [key, change] of event.changes.keys) {
          if (isEntity(root.get(key)) || isEntity(change.oldValue)) byAction[change.action].add(key)
        }
        continue
      }
      // A change inside an entity (a field, or text in a nested type): the entity was updated,
      // unless the change lost to a concurrent one already here and nothing visible moved.
      const { keys, delta } = event.changes
      const key = event.path[0]
      if (typeof key === 'string' && (keys.size > 0 || delta.length > 0)) tally.updated.add(key)
    }
  }
  root.observeDeep(handler)
  return () => root.unobserveDeep(handler)
}

/**
 * Runs `run` (which applies updates synchronously) and returns what it changed in `doc`.
 * With `origin`, only transactions of that origin count (a guard may apply held updates from
 * peers in the same call). An update that changes nothing visible counts nothing.
 */
export function recordChanges<T>(
  doc: Y.Doc,
  run: () => T,
  origin?: unknown,
): {
  readonly result: T
  readonly changes: ChangeSummary
  /** ids of the entities added, per root (to name them: "Adds 'Food co-op'") */
  readonly addedIds: Readonly<Record<string, readonly string[]>>
} {
  const tallies = new Map<string, Tally>()
  const stops: (() => void)[] = []
  for (const [name, root] of watchedRoots(doc)) {
    const tally: Tally = { added: new Set(), updated: new Set(), removed: new Set() }
    tallies.set(name, tally)
    stops.push(watch(root, tally, origin))
  }
  let result: T
  try {
    result = run()
  } finally {
    for (const stop of stops) stop()
  }
  const changes: Record<string, EntityChanges> = {}
  const addedIds: Record<string, readonly string[]> = {}
  for (const [name, { added, updated, removed }] of tallies) {
    const onlyUpdated = [...updated].filter((key) => !added.has(key) && !removed.has(key))
    if (added.size + onlyUpdated.length + removed.size === 0) continue
    changes[name] = { added: added.size, updated: onlyUpdated.length, removed: removed.size }
    if (added.size > 0) addedIds[name] = [...added]
  }
  return { result, changes, addedIds }
}

/** How many entities changed in all, whatever the kind of change. */
export function countChanges(changes: ChangeSummary): number {
  return Object.values(changes).reduce((sum, c) => sum + c.added + c.updated + c.removed, 0)
}
