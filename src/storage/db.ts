/**
 * The IndexedDB database of this device, through Dexie. One database holds every space:
 * the spaces table (id, name, key, settings), each space's update log and snapshot, the
 * device profile and preferences. Writes use strict durability so that an edit the UI
 * calls saved survives power loss, not only a crashed tab (Chrome relaxes it by default).
 */
import { Dexie, type EntityTable, type Table } from 'dexie'
import type { SpaceId } from '../domain/ids'
import type { DeviceProfile, SpaceRecord } from './types'

export interface UpdateRow {
  readonly seq?: number
  readonly spaceId: SpaceId
  readonly update: Uint8Array
}

export interface SnapshotRow {
  readonly spaceId: SpaceId
  /** Y.encodeStateAsUpdate of the whole document at compaction time. */
  readonly state: Uint8Array
  /** Every log row with seq ≤ upToSeq is contained in `state`. */
  readonly upToSeq: number
  readonly savedAt: number
}

export interface DeviceRow extends DeviceProfile {
  readonly key: 'device'
}

export interface PrefRow {
  readonly key: string
  readonly value: unknown
}

export type WeaveDb = Dexie & {
  spaces: EntityTable<SpaceRecord, 'id'>
  updates: Table<UpdateRow, number>
  snapshots: EntityTable<SnapshotRow, 'spaceId'>
  device: EntityTable<DeviceRow, 'key'>
  prefs: EntityTable<PrefRow, 'key'>
}

export function openWeaveDb(name = 'weave'): WeaveDb {
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' }) as WeaveDb
  db.version(1).stores({
    spaces: 'id, openedAt',
    updates: '++seq, spaceId, [spaceId+seq]',
    snapshots: 'spaceId',
    device: 'key',
    prefs: 'key',
  })
  return db
}

/** True for the errors a full disk produces (Dexie wraps the DOMException). */
export function isQuotaError(error: unknown): boolean {
  const names = [error, (error as { inner?: unknown } | undefined)?.inner].map(
    (e) => (e as { name?: unknown } | undefined)?.name,
  )
  return names.includes('QuotaExceededError')
}
