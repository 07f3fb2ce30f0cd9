/**
 * The spaces on this device. Removing a space deletes its log and snapshot in the same
 * transaction, so nothing of it is left behind half-deleted.
 */
import type { SpaceId } from '../domain/ids'
import type { WeaveDb } from './db'
import type { SpaceRecord, SpaceSettings } from './types'

export function createSpaceRepo(db: WeaveDb) {
  return {
    /** Most recently opened first. */
    async listSpaces(): Promise<SpaceRecord[]> {
      return await db.spaces.orderBy('openedAt').reverse().toArray()
    },
    getSpace: (id: SpaceId) => db.spaces.get(id),
    /** Adding a space that is already here keeps the one here (no duplicates). */
    async addSpace(record: SpaceRecord): Promise<SpaceRecord> {
      return db.transaction('rw', db.spaces, async () => {
        const existing = await db.spaces.get(record.id)
        if (existing) return existing
        await db.spaces.add(record)
        return record
      })
    },
    async renameSpace(id: SpaceId, name: string): Promise<void> {
      await db.spaces.update(id, { name })
    },
    async touchSpace(id: SpaceId, at = Date.now()): Promise<void> {
      await db.spaces.update(id, { openedAt: at })
    },
    async updateSpaceSettings(id: SpaceId, settings: SpaceSettings): Promise<void> {
      await db.spaces.update(id, { settings })
    },
    async removeSpace(id: SpaceId): Promise<void> {
      await db.transaction('rw', db.spaces, db.updates, db.snapshots, async () => {
        await db.updates.where('spaceId').equals(id).delete()
        await db.snapshots.delete(id)
        await db.spaces.delete(id)
      })
    },
  }
}

export type SpaceRepo = ReturnType<typeof createSpaceRepo>
