import { openWeaveDb } from '../../../src/storage/db'
import { attachPersistence } from '../../../src/storage/persistence'
import { describePersistenceContract } from './persistence.contract'

describePersistenceContract('Dexie update log + snapshot', {
  openDb: () => openWeaveDb(`contract-${crypto.randomUUID()}`),
  attach: (db, spaceId, doc, options) =>
    attachPersistence(db, spaceId, doc, { batchMs: 5, ...options }),
  countRows: (db, spaceId) => db.updates.where('spaceId').equals(spaceId).count(),
})
