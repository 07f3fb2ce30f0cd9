/**
 * What opening a space really builds: the Y.Doc and its stores, persistence to IndexedDB,
 * live sync, tab sync and sync by file. Loaded only when a space is first opened (session.ts
 * imports it dynamically), so the first screen does not carry Yjs, WebRTC or crypto code.
 */
import { createSpaceStores, initialiseSchema } from '../doc/space-stores'
import type { WeaveDb } from '../storage/db'
import { attachPersistence } from '../storage/persistence'
import type { SpaceRecord } from '../storage/types'
import { exportSpaceFile, importSpaceFile } from '../sync/space-file'
import { createTabSync, type TabSync } from '../sync/tab-sync'
import type { Session, SessionOptions } from './session'
import { createSessionSync, type SessionSync } from './session-sync'

export function openSessionCore(
  db: WeaveDb,
  space: SpaceRecord,
  options: SessionOptions = {},
): Session {
  const stores = createSpaceStores(undefined, options.author ? { author: options.author } : {})
  const persistence = attachPersistence(db, space.id, stores.doc)
  let disposed: Promise<void> | undefined
  let sync: SessionSync | undefined
  let tabs: TabSync | undefined
  const ready = persistence.whenLoaded.then((report) => {
    initialiseSchema(stores.doc) // after loading, so an existing space keeps its version
    if (!disposed) tabs = createTabSync(stores.doc, `weave-space:${space.id}`)
    if (options.sync && !disposed)
      sync = createSessionSync({ ...options.sync, doc: stores.doc, space })
    return report
  })
  return {
    spaceId: space.id,
    stores,
    persistence,
    ready,
    get sync() {
      return sync
    },
    files: {
      export: (spaceName) =>
        exportSpaceFile(stores.doc, { spaceId: space.id, spaceKey: space.key, spaceName }),
      import: (file) =>
        importSpaceFile(stores.doc, file, { spaceId: space.id, spaceKey: space.key }),
    },
    dispose() {
      sync?.destroy()
      tabs?.destroy()
      disposed ??= persistence.destroy().finally(() => stores.doc.destroy())
      return disposed
    },
  }
}
