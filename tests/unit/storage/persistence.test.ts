import { openWeaveDb } from '../../../src/storage/db'
import { attachPersistence } from '../../../src/storage/persistence'
import type { PersistenceBackend } from './contract-fixture'
import { describePersistenceContract } from './persistence-contract'
import { describePersistenceFailureContract } from './persistence-failure-contract'

const backend = (batchMs: number | undefined): PersistenceBackend => ({
  openDb: (name) => openWeaveDb(name),
  attach: (db, spaceId, doc, options) =>
    attachPersistence(db, spaceId, doc, {
      ...(batchMs === undefined ? {} : { batchMs }),
      ...options,
    }),
  countRows: (db, spaceId) => db.updates.where('spaceId').equals(spaceId).count(),
  hasSnapshot: async (db, spaceId) => (await db.snapshots.get(spaceId)) !== undefined,
})

for (const [name, batchMs] of [
  ['Dexie log + snapshot, 5 ms batches', 5],
  ['Dexie log + snapshot, default batches', undefined],
] as const) {
  describePersistenceContract(name, backend(batchMs))
  describePersistenceFailureContract(name, backend(batchMs))
}
