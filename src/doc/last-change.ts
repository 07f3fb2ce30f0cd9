/**
 * Who last changed an entity and when, as the writing phone's person is called: groups, offers
 * and needs, and meetings carry it, so a space's home can say who changed what (and leave out
 * what this phone's person did). Stamped by the doc stores on every command, read tolerantly.
 */
import { PERSON_NAME_MAX, type LastChange } from '../domain/group'
import type { EntityMeta } from '../domain/entity'
import type { Collection } from './collection'

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export function readLastChange(value: unknown): LastChange | undefined {
  if (!isRecord(value) || typeof value.by !== 'string') return undefined
  const { at } = value
  if (typeof at !== 'number' || !Number.isFinite(at) || at < 0) return undefined
  return { by: value.by.slice(0, PERSON_NAME_MAX), at }
}

/** What a command adds to what it writes (a plain object type, so it is a stored field). */
type Stamp = { readonly lastChange?: { readonly by: string; readonly at: number } }

/** The fields a command adds: nothing on a phone whose person has no name (tests, old data). */
export function lastChangeStamp(author: () => string, now: () => number) {
  return (): Stamp => {
    const by = author().slice(0, PERSON_NAME_MAX)
    return by ? { lastChange: { by, at: now() } } : {}
  }
}

/** The same collection, with every add and update stamped. */
export function withLastChange<T extends EntityMeta>(
  collection: Collection<T>,
  stamp: () => Stamp,
): Collection<T> {
  return {
    ...collection,
    add: (fields, init) => collection.add({ ...fields, ...stamp() }, init),
    update: (id, patch) => collection.update(id, { ...patch, ...stamp() }),
  }
}
