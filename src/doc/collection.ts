/**
 * A collection of entities in one root Y.Map, each entity a nested Y.Map of fields, so that
 * concurrent edits of different fields on two devices both survive. This is the store
 * pattern every entity store builds on: subscribe / getSnapshot / commands in one transaction.
 * A snapshot is rebuilt from the entities a change touched only, and stays the same object when
 * they all read as before (typing in a meeting's notes changes no Meeting record).
 */
import * as Y from 'yjs'
import { frozen, type EntityMeta } from '../domain/entity'
import { newId } from '../domain/ids'
import { fail, ok, type Result } from '../domain/result'
import { fieldsOf, readTime, type Fields } from './read'
import { LOCAL, type SpaceDoc } from './schema'

export interface CollectionSnapshot<T> {
  /** Live entities, sorted. */
  readonly items: readonly T[]
  /** Soft-deleted entities, most recently deleted first. */
  readonly trash: readonly T[]
  readonly byId: ReadonlyMap<string, T>
  /** Entries that could not be read as a valid entity (malformed data from a peer). */
  readonly skipped: number
}

/** A value stored as one atomic field: the last writer wins for the whole value. */
export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue }

const NESTED = Symbol('nested-fields')
/** Fields of a nested Y.Map, merged key by key so concurrent edits of different keys survive. */
export interface NestedFields {
  readonly [NESTED]: Readonly<Record<string, FieldValue | undefined>>
}
export const nestedFields = (
  fields: Readonly<Record<string, FieldValue | undefined>>,
): NestedFields => ({ [NESTED]: fields })

/** Deletes the field (a set member, say), rather than writing a value. */
export const REMOVE_FIELD = Symbol('remove-field')

/**
 * What a command may write into an entity's field: an atomic JSON value (`null` clears),
 * a nested map merged field by field, or REMOVE_FIELD. `undefined` in a patch means "leave it".
 */
export type FieldValue = JsonValue | NestedFields | typeof REMOVE_FIELD

export interface Collection<T extends EntityMeta> {
  readonly subscribe: (listener: () => void) => () => void
  readonly getSnapshot: () => CollectionSnapshot<T>
  /** `init` runs in the same transaction, for nested shared types (a meeting's notes text). */
  readonly add: (
    fields: Readonly<Record<string, FieldValue | undefined>>,
    init?: (entity: Y.Map<unknown>) => void,
  ) => T['id']
  /** Each fails with 'not-found' when no entity has this id (live or in the trash). */
  readonly update: (
    id: T['id'],
    patch: Readonly<Record<string, FieldValue | undefined>>,
  ) => Result<void, 'not-found'>
  readonly softDelete: (id: T['id']) => Result<void, 'not-found'>
  readonly restore: (id: T['id']) => Result<void, 'not-found'>
  /** Removes soft-deleted entities for good; returns how many. */
  readonly purgeDeleted: () => number
}

export interface CollectionOptions<T> {
  readonly root: string
  /** Turns stored fields into a valid entity, or undefined to skip it. */
  readonly read: (id: string, fields: Fields, meta: EntityMeta) => T | undefined
  readonly compare: (a: T, b: T) => number
  readonly now?: () => number
}

export function readMeta(id: string, fields: Fields): EntityMeta | undefined {
  const createdAt = readTime(fields, 'createdAt')
  if (createdAt === undefined) return undefined
  const updatedAt = readTime(fields, 'updatedAt') ?? createdAt
  const deletedAt = readTime(fields, 'deletedAt')
  return deletedAt === undefined
    ? { id, createdAt, updatedAt }
    : { id, createdAt, updatedAt, deletedAt }
}

export function createCollection<T extends EntityMeta>(
  doc: SpaceDoc,
  options: CollectionOptions<T>,
): Collection<T> {
  const root = doc.getMap<unknown>(options.root)
  const now = options.now ?? Date.now
  const listeners = new Set<() => void>()
  let snapshot: CollectionSnapshot<T> | undefined
  /** The last snapshot built, kept when a change leaves every entity as it was read. */
  let last: CollectionSnapshot<T> | undefined
  /**
   * Each entity as last read (null: skipped as malformed). Only entities a change touched are
   * read again: one keystroke in one meeting's notes must not re-read 2,000 meetings.
   */
  const cache = new Map<string, T | null>()
  const touched = new Set<string>()

  root.observeDeep((events) => {
    for (const event of events) {
      const [id] = event.path
      if (typeof id === 'string') touched.add(id)
      else for (const key of event.changes.keys.keys()) touched.add(key) // root's own keys
    }
    snapshot = undefined // rebuilt on the next read
    for (const notify of listeners) notify()
  })

  function readEntry(id: string): T | null {
    const fields = fieldsOf(root.get(id))
    const meta = fields && readMeta(id, fields)
    const entity = fields && meta ? options.read(id, fields, meta) : undefined
    return entity ? frozen(entity) : null
  }

  /** Re-reads the touched entities; false if every one reads as before (same objects kept). */
  function refresh(): boolean {
    let changed = last === undefined
    for (const id of touched) {
      const before = cache.get(id)
      if (!root.has(id)) {
        changed ||= before !== undefined
        cache.delete(id)
        continue
      }
      const after = readEntry(id)
      if (before !== undefined && jsonEqual(before, after)) continue
      cache.set(id, after)
      changed = true
    }
    touched.clear()
    return changed
  }

  function build(): CollectionSnapshot<T> {
    if (!refresh() && last) return last
    const items: T[] = []
    const trash: T[] = []
    const byId = new Map<string, T>()
    let skipped = 0
    for (const id of root.keys()) {
      let item = cache.get(id)
      if (item === undefined) {
        item = readEntry(id)
        cache.set(id, item)
      }
      if (!item) {
        skipped++
        continue
      }
      byId.set(id, item)
      ;(item.deletedAt === undefined ? items : trash).push(item)
    }
    // Ties broken by id: map iteration order differs between peers, the screen must not.
    const byIdOrder = (a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
    items.sort((a, b) => options.compare(a, b) || byIdOrder(a, b))
    trash.sort((a, b) => (b.deletedAt ?? 0) - (a.deletedAt ?? 0) || byIdOrder(a, b))
    last = frozen({ items: frozen(items), trash: frozen(trash), byId, skipped })
    return last
  }

  function write(target: Y.Map<unknown>, fields: Readonly<Record<string, FieldValue | undefined>>) {
    for (const [key, value] of Object.entries(fields)) {
      // undefined means "not part of this edit": leave the field alone.
      if (value === undefined) continue
      if (value === REMOVE_FIELD) {
        if (target.has(key)) target.delete(key)
      } else if (isNested(value)) {
        let child = target.get(key)
        if (!(child instanceof Y.Map)) {
          child = new Y.Map<unknown>()
          target.set(key, child)
        }
        write(child as Y.Map<unknown>, value[NESTED])
      } else if (!jsonEqual(target.get(key), value)) target.set(key, value)
    }
  }

  function entry(id: string): Y.Map<unknown> | undefined {
    const value = root.get(id)
    return value instanceof Y.Map ? (value as Y.Map<unknown>) : undefined
  }

  function edit(id: string, change: (entity: Y.Map<unknown>) => void): Result<void, 'not-found'> {
    const entity = entry(id)
    if (!entity) return fail('not-found')
    doc.transact(() => {
      change(entity)
      entity.set('updatedAt', now())
    }, LOCAL)
    return ok()
  }

  return {
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    getSnapshot() {
      snapshot ??= build()
      return snapshot
    },
    add(fields, init) {
      const id = newId<string>()
      const at = now()
      doc.transact(() => {
        const entity = new Y.Map<unknown>()
        root.set(id, entity)
        write(entity, fields)
        init?.(entity)
        entity.set('createdAt', at)
        entity.set('updatedAt', at)
      }, LOCAL)
      return id
    },
    update(id, patch) {
      return edit(id, (entity) => write(entity, patch))
    },
    softDelete(id) {
      return edit(id, (entity) => entity.set('deletedAt', now()))
    },
    restore(id) {
      return edit(id, (entity) => entity.delete('deletedAt'))
    },
    purgeDeleted() {
      const doomed = [...root.entries()]
        .filter(([, value]) => value instanceof Y.Map && (value as Y.Map<unknown>).has('deletedAt'))
        .map(([id]) => id)
      if (doomed.length > 0) doc.transact(() => doomed.forEach((id) => root.delete(id)), LOCAL)
      return doomed.length
    },
  }
}

function isNested(value: FieldValue): value is NestedFields {
  return typeof value === 'object' && value !== null && NESTED in value
}

/** Deep equality of stored JSON values, so an unchanged list or object is not rewritten. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const keysA = Object.keys(a)
  const keysB = Object.keys(b)
  return (
    keysA.length === keysB.length &&
    keysA.every((key) =>
      jsonEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
    )
  )
}
