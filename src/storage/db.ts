/**
 * The IndexedDB database of this device, through Dexie. One database holds every space:
 * the spaces table (id, name, key, settings), each space's update log and snapshot, the
 * device profile and preferences. Writes use strict durability so that an edit the UI
 * calls saved survives power loss, not only a crashed tab (Chrome relaxes it by default).
 */
import { Dexie, type EntityTable, type Table } from 'dexie'
import type { SpaceId } from '../domain/ids'
import type { MediaRow } from './media-repo'
import type { DeviceProfile, SpaceRecord } from './types'

/** One entry of a space's update log: one Yjs update, or several merged into one. */
export interface UpdateRow {
  /** Assigned by IndexedDB, increasing: the order rows were written in. */
  readonly seq?: number
  readonly spaceId: SpaceId
  readonly update: Uint8Array
}

/** The compacted state of one space. */
export interface SnapshotRow {
  readonly spaceId: SpaceId
  /** Y.encodeStateAsUpdate of the whole document at compaction time. */
  readonly state: Uint8Array
  /** Y.encodeStateVector of the same document: what a peer needs to ask us for a diff. */
  readonly stateVector?: Uint8Array
  /** The log rows with seq ≤ upToSeq that could be decoded were folded into `state` and deleted. */
  readonly upToSeq: number
  readonly savedAt: number
}

/** The device profile is one row under a fixed key. */
export const DEVICE_KEY = 'device'

export interface DeviceRow extends DeviceProfile {
  readonly key: typeof DEVICE_KEY
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
  /** The bytes of photos and voice notes, per space, under their SHA-256 (media-repo.ts). */
  media: Table<MediaRow, [SpaceId, string]>
}

/**
 * Each schema version, oldest first. Never edit a published version: add the next one (with
 * an upgrade function when rows must change), so a phone that skipped releases still opens.
 */
const SCHEMA_VERSIONS: readonly {
  readonly version: number
  readonly stores: Record<string, string>
}[] = [
  {
    version: 1,
    stores: {
      spaces: 'id, openedAt',
      updates: '++seq, spaceId, [spaceId+seq]',
      snapshots: 'spaceId',
      device: 'key',
      prefs: 'key',
    },
  },
  // photos and voice notes: their bytes, by space and hash
  { version: 2, stores: { media: '[spaceId+hash], spaceId' } },
]

/** Opens (lazily, on first use) this device's database; one name per test keeps tests apart. */
export function openWeaveDb(name = 'weave'): WeaveDb {
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' }) as WeaveDb
  for (const { version, stores } of SCHEMA_VERSIONS) db.version(version).stores(stores)
  return db
}
