/**
 * Photos and voice notes of an open space, as features use them: adding one stores its bytes
 * on this phone (under their SHA-256, storage/media-repo.ts) and then its record in the
 * document (doc/media-store.ts); reading one gives its bytes as a Blob for a blob: URL, or
 * nothing when they are not on this phone yet (the screen shows a placeholder, never a broken
 * image). `subscribe` tells screens when bytes arrive, so a placeholder turns into the photo.
 *
 * Seam for sync (not built yet): a peer's bytes go through `receive`, the same hash check as
 * this phone's own, and `missing` lists what to ask peers for.
 */
import type { MediaStore, NewMedia } from '../doc/media-store'
import { sha256Hex, type MediaId, type MediaRecord } from '../domain/media'
import { fail, ok, type Failure, type Result } from '../domain/result'
import type { MediaRepo, PutMediaResult } from '../storage/media-repo'

export interface MediaBytes {
  readonly bytes: Uint8Array
  readonly mime: string
}

/**
 * Saved, or why not. 'not-kept' (a full phone) still added the record: the item is listed, with
 * the placeholder, and the message says its bytes could not be kept here.
 */
export type SaveMediaResult =
  | Result<MediaId, 'invalid' | 'caption-too-long' | 'too-large' | 'unavailable'>
  | Failure<'not-kept', { readonly id: MediaId }>

export interface SessionMedia {
  save(media: Omit<NewMedia, 'hash' | 'size' | 'mime'> & MediaBytes): Promise<SaveMediaResult>
  /** The bytes as a Blob of their type, or undefined when they are not on this phone. */
  blobOf(record: Pick<MediaRecord, 'hash' | 'mime'>): Promise<Blob | undefined>
  /** Stores bytes from elsewhere (a peer): only when they hash to `hash`. */
  receive(hash: string, media: MediaBytes): Promise<PutMediaResult>
  /** Of these records, those whose bytes this phone lacks. */
  missing(records: readonly MediaRecord[]): Promise<MediaRecord[]>
  /** Called when bytes are stored; `version` then changes (for useSyncExternalStore). */
  subscribe(listener: () => void): () => void
  version(): number
}

export function createSessionMedia(store: MediaStore, repo: MediaRepo): SessionMedia {
  const listeners = new Set<() => void>()
  let version = 0
  const stored = () => {
    version++
    for (const listener of listeners) listener()
  }
  const put = async (hash: string, { bytes, mime }: MediaBytes) => {
    const result = await repo.put(hash, mime, bytes)
    if (result.ok) stored()
    return result
  }
  return {
    async save({ bytes, mime, ...fields }) {
      const hash = await sha256Hex(bytes)
      const record: NewMedia = { ...fields, hash, mime, size: bytes.byteLength }
      // checked before the bytes are stored, so a refused record leaves nothing behind
      const refused = store.check(record)
      if (refused) return fail(refused)
      const kept = await put(hash, { bytes, mime })
      if (!kept.ok && kept.error !== 'quota-exceeded')
        return fail(kept.error === 'unavailable' ? 'unavailable' : 'too-large', kept.message)
      const added = store.addMedia(record)
      if (!added.ok) return added
      return kept.ok ? ok(added.value) : { ok: false, error: 'not-kept', id: added.value }
    },
    async blobOf({ hash, mime }) {
      const row = await repo.get(hash)
      return row && new Blob([row.bytes as Uint8Array<ArrayBuffer>], { type: row.mime || mime })
    },
    receive: put,
    async missing(records) {
      const here = await repo.has(records.map((r) => r.hash))
      return records.filter((r) => !here.has(r.hash))
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    version: () => version,
  }
}
