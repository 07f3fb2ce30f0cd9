/**
 * The post box's storage, behind one small interface with one SQL schema (schema.ts) and two
 * engines: embedded (SQLite, the default: nothing to install) and PostgreSQL (several box
 * processes sharing one database). Per room it keeps an append-only log of encrypted entries
 * and at most a few encrypted snapshots, each "covering entries up to N"; once a snapshot
 * covers them, entries older than a grace period may be dropped (compact).
 *
 * The store checks sizes and quotas and refuses with a reason, storing nothing; it does not
 * check write tokens (the box compares a token's hash with `RoomInfo.writeHash`), rates or
 * connections: those belong to the box in front of it.
 */
import type { StoreRefusal } from '../../src/sync/wire/postbox'

/** What the store refuses, and why: the list is in the wire module, as the box passes them on. */
export type Refusal = StoreRefusal

export type StoreResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly refusal: Refusal }

export interface StoredEntry {
  /** position in the room's log: 1, 2, 3… with no gaps */
  readonly seq: number
  readonly body: Uint8Array
  /** milliseconds since the epoch */
  readonly storedAt: number
}

export interface StoredSnapshot {
  /** the snapshot covers entries 1..upTo */
  readonly upTo: number
  readonly body: Uint8Array
  readonly storedAt: number
}

export interface RoomInfo {
  /** hash of the room's write token, as given to createRoom */
  readonly writeHash: Uint8Array
  readonly createdAt: number
  /** seq of the last entry appended (0: none yet) */
  readonly head: number
  /** entries 1..droppedTo were dropped after a snapshot covered them (0: none) */
  readonly droppedTo: number
  /** bytes of the entries the room holds (what maxRoomBytes limits) */
  readonly entryBytes: number
  /** upTo of the latest snapshot (0: none) */
  readonly snapshotUpTo: number
}

export interface ReadPage {
  readonly entries: readonly StoredEntry[]
  /** the room's head when read: more to read while the last entry's seq is below it */
  readonly head: number
}

export interface BoxLimits {
  /** largest entry, bytes */
  readonly maxEntryBytes: number
  /** most entries in one append */
  readonly maxBatchEntries: number
  /** most bytes of entries one room holds (snapshots are bounded by count and size instead) */
  readonly maxRoomBytes: number
  /** largest snapshot, bytes */
  readonly maxSnapshotBytes: number
  /** snapshots kept per room: the newest ones */
  readonly snapshotsKept: number
  /** rooms the box holds */
  readonly maxRooms: number
}

export const DEFAULT_BOX_LIMITS: Readonly<BoxLimits> = Object.freeze({
  maxEntryBytes: 256 * 1024,
  maxBatchEntries: 100,
  maxRoomBytes: 64 * 1024 * 1024,
  maxSnapshotBytes: 32 * 1024 * 1024,
  snapshotsKept: 2,
  maxRooms: 10_000,
})

export interface BoxStore {
  readonly limits: BoxLimits
  /** A new room guarded by the hash of its write token; the same call again is a no-op. */
  createRoom(room: string, writeHash: Uint8Array, now: number): Promise<StoreResult<RoomInfo>>
  room(room: string): Promise<RoomInfo | null>
  /** Appends a batch, all or nothing; resolves with the seq of the batch's last entry. */
  append(room: string, bodies: readonly Uint8Array[], now: number): Promise<StoreResult<number>>
  /** Entries after `after`, in order, up to `maxEntries` and about `maxBytes` (at least one). */
  read(
    room: string,
    after: number,
    page: { readonly maxEntries: number; readonly maxBytes: number },
  ): Promise<StoreResult<ReadPage>>
  /** Stores a snapshot covering entries 1..upTo, keeping the newest `snapshotsKept`. */
  putSnapshot(room: string, upTo: number, body: Uint8Array, now: number): Promise<StoreResult<null>>
  latestSnapshot(room: string): Promise<StoredSnapshot | null>
  /**
   * Drops the entries the latest snapshot covers that were stored before `storedBefore` (now
   * minus a grace period, so a phone that was reading them can finish). Resolves with the
   * number dropped.
   */
  compact(room: string, storedBefore: number): Promise<number>
  /** Deletes a room and everything in it; false when there was none. */
  deleteRoom(room: string): Promise<boolean>
  /**
   * Calls `listener` with the room's new head after each append to `room` that has committed,
   * made by this process or (PostgreSQL) by any other box process on the same database: a
   * reader then reads from its cursor. Heads may be skipped or repeated, never reported
   * before their entries can be read. Returns the function that stops the calls.
   */
  onAppend(room: string, listener: AppendListener): () => void
  close(): Promise<void>
}

export type AppendListener = (head: number) => void
