/**
 * Storage failures turned into values. A full disk or a blocked IndexedDB is something the
 * app must live with, so callers get { ok: false, error: 'quota-exceeded' } and decide what to
 * show; Dexie wraps the browser's DOMException, so both the error and its `inner` are checked.
 */
import { fail, ok } from '../domain/result'
import type { StorageErrorKind, StorageResult } from './types'

/** Dexie's and the browser's names for "IndexedDB cannot be used here right now". */
const UNAVAILABLE = new Set([
  'MissingAPIError',
  'OpenFailedError',
  'DatabaseClosedError',
  'InvalidStateError',
  'VersionError',
])

function namesOf(error: unknown): unknown[] {
  const outer = error as { name?: unknown; inner?: { name?: unknown } } | null | undefined
  return [outer?.name, outer?.inner?.name]
}

/** True for the errors a full disk produces, wrapped by Dexie or not. */
export function isQuotaError(error: unknown): boolean {
  return namesOf(error).includes('QuotaExceededError')
}

export function storageErrorKind(error: unknown): StorageErrorKind {
  if (isQuotaError(error)) return 'quota-exceeded'
  return namesOf(error).some((name) => typeof name === 'string' && UNAVAILABLE.has(name))
    ? 'unavailable'
    : 'unknown'
}

const EXPLANATION: Record<StorageErrorKind, string> = {
  'quota-exceeded': 'The device has no room left for this app’s data',
  unavailable: 'The browser’s local database cannot be used',
  unknown: 'The browser’s local database failed',
}

/** A sentence for logs: what happened, then the browser's own words. */
export function describeStorageError(kind: StorageErrorKind, error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error)
  return `${EXPLANATION[kind]}: ${detail}`
}

/**
 * Runs one write and returns its outcome. Full disk and missing database are expected and come
 * back as values; anything else is a bug or a broken browser and is thrown to the caller.
 */
export async function attempt<T>(write: () => Promise<T>): Promise<StorageResult<T>> {
  try {
    return ok(await write())
  } catch (error) {
    const kind = storageErrorKind(error)
    if (kind === 'unknown') throw error
    return fail(kind, describeStorageError(kind, error))
  }
}
