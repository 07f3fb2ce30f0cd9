/**
 * The spaces on this device. Removing a space deletes its log and snapshot in the same
 * transaction, so nothing of it is left behind half-deleted. Writes return a StorageResult:
 * a full disk is reported, not thrown.
 */
import type { SpaceId } from '../domain/ids'
import type { WeaveDb } from './db'
import { attempt } from './errors'
import type { SpaceRecord, SpaceSettings, StorageResult } from './types'

/** Creates the repo of spaces kept in `db`. */
export function createSpaceRepo(db: WeaveDb) {
  const update = (id: SpaceId, changes: Partial<SpaceRecord>) =>
    attempt(async () => {
      await db.spaces.update(id, changes)
    })

  return {
    /** Every space on this device, most recently opened first. */
    async listSpaces(): Promise<SpaceRecord[]> {
      return await db.spaces.orderBy('openedAt').reverse().toArray()
    },
    async getSpace(id: SpaceId): Promise<SpaceRecord | undefined> {
      return await db.spaces.get(id)
    },
    /**
     * Adds a space, or returns the one already stored under its id (an invite opened twice
     * must not make two entries, nor overwrite the name the user gave it).
     */
    addSpace(record: SpaceRecord): Promise<StorageResult<SpaceRecord>> {
      return attempt(() =>
        db.transaction('rw', db.spaces, async () => {
          const existing = await db.spaces.get(record.id)
          if (existing) return existing
          await db.spaces.add(record)
          return record
        }),
      )
    },
    renameSpace: (id: SpaceId, name: string): Promise<StorageResult> => update(id, { name }),
    /** Marks the space as opened now (it moves to the top of the list). */
    touchSpace: (id: SpaceId, at = Date.now()): Promise<StorageResult> =>
      update(id, { openedAt: at }),
    updateSpaceSettings: (id: SpaceId, settings: SpaceSettings): Promise<StorageResult> =>
      update(id, { settings }),
    /** Deletes the space, its update log, snapshot and media from this device, all or nothing. */
    removeSpace(id: SpaceId): Promise<StorageResult> {
      return attempt(() =>
        db.transaction('rw', [db.spaces, db.updates, db.snapshots, db.media], async () => {
          await db.updates.where('spaceId').equals(id).delete()
          await db.media.where('spaceId').equals(id).delete()
          await db.snapshots.delete(id)
          await db.spaces.delete(id)
        }),
      )
    },
  }
}

export type SpaceRepo = ReturnType<typeof createSpaceRepo>
