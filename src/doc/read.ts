/**
 * Tolerant field readers. A peer can send anything; these turn one Y value into a valid
 * domain value or `undefined`, and never throw into the UI.
 */
import * as Y from 'yjs'

export type Fields = ReadonlyMap<string, unknown>

/** The fields of an entity stored as a nested Y.Map; anything else is not an entity. */
export function fieldsOf(value: unknown): Fields | undefined {
  if (!(value instanceof Y.Map)) return undefined
  return new Map(value.entries() as IterableIterator<[string, unknown]>)
}

export function readString(fields: Fields, key: string, max = 10_000): string | undefined {
  const value = fields.get(key)
  if (value instanceof Y.Text) return value.toJSON().slice(0, max)
  return typeof value === 'string' ? value.slice(0, max) : undefined
}

export function readTime(fields: Fields, key: string): number | undefined {
  const value = fields.get(key)
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined
}

export function readId(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(value) ? value : undefined
}
