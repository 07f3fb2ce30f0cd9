/**
 * The bytes of a space's photos and voice notes on this phone, one row per SHA-256 hash. A row
 * is written only when the bytes hash to the key it is stored under: bytes from this phone's
 * camera and bytes from a peer go through the same check, so a tampered or cut transfer can
 * never show as someone's photo. A full disk comes back as 'quota-exceeded', not thrown.
 */
import type { SpaceId } from '../domain/ids'
import { isMediaHash, MEDIA_MAX_BYTES, sha256Hex } from '../domain/media'
import { fail, ok, type Result } from '../domain/result'
import type { WeaveDb } from './db'
import { attempt } from './errors'
import type { StorageErrorKind } from './types'

export interface MediaRow {
  readonly spaceId: SpaceId
  /** SHA-256 of `bytes`, 64 lowercase hex digits. */
  readonly hash: string
  readonly mime: string
  readonly bytes: Uint8Array
  readonly storedAt: number
}

export type PutMediaResult = Result<
  void,
  'bad-hash' | 'too-large' | 'hash-mismatch' | StorageErrorKind
>

export interface StoredMedia {
  readonly mime: string
  readonly bytes: Uint8Array
}

export function createMediaRepo(db: WeaveDb, spaceId: SpaceId, now: () => number = Date.now) {
  return {
    /** Stores bytes under their hash, once they are checked to be what the hash names. */
    async put(hash: string, mime: string, bytes: Uint8Array): Promise<PutMediaResult> {
      if (!isMediaHash(hash)) return fail('bad-hash')
      if (bytes.byteLength === 0 || bytes.byteLength > MEDIA_MAX_BYTES) return fail('too-large')
      if ((await sha256Hex(bytes)) !== hash) return fail('hash-mismatch')
      const stored = await attempt(() =>
        db.media.put({ spaceId, hash, mime, bytes: bytes.slice(), storedAt: now() }),
      )
      return stored.ok ? ok() : stored
    },
    async get(hash: string): Promise<StoredMedia | undefined> {
      const row = await db.media.get([spaceId, hash])
      return row && { mime: row.mime, bytes: row.bytes }
    },
    /** Which of these hashes this phone holds the bytes of. */
    async has(hashes: readonly string[]): Promise<Set<string>> {
      const keys = hashes.map((hash): [SpaceId, string] => [spaceId, hash])
      const rows = await db.media.bulkGet(keys)
      return new Set(rows.flatMap((row) => (row ? [row.hash] : [])))
    },
    /** Frees this phone's copy; the record stays and a peer can send the bytes again. */
    remove: (hash: string) => attempt(() => db.media.delete([spaceId, hash])),
    /** Bytes this space's media take on this phone. */
    async usage(): Promise<number> {
      let total = 0
      await db.media
        .where('spaceId')
        .equals(spaceId)
        .each((row) => (total += row.bytes.byteLength))
      return total
    },
  }
}

export type MediaRepo = ReturnType<typeof createMediaRepo>
