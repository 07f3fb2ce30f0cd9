/**
 * What opening a space really builds: the Y.Doc and its stores, persistence to IndexedDB,
 * live sync, tab sync and sync by file. Loaded only when a space is first opened (session.ts
 * imports it dynamically), so the first screen does not carry Yjs, WebRTC or crypto code.
 */
import { createSpaceStores, initialiseSchema } from '../doc/space-stores'
import type { WeaveDb } from '../storage/db'
import { createMediaRepo } from '../storage/media-repo'
import { attachPersistence } from '../storage/persistence'
import type { SpaceRecord } from '../storage/types'
import { exportSpaceFile, importSpaceFile } from '../sync/space-file'
import { createTabSync, type TabSync } from '../sync/tab-sync'
import { createSessionMedia } from './media'
import type { SessionOptions, SpaceSession } from './session'
import { createSessionSync, type SessionSync } from './session-sync'

export function openSessionCore(
  db: WeaveDb,
  space: SpaceRecord,
  options: SessionOptions = {},
): SpaceSession {
  // the document stays here: features get the stores without it
  const { doc, ...stores } = createSpaceStores(
    undefined,
    options.author ? { author: options.author } : {},
  )
  const persistence = attachPersistence(db, space.id, doc)
  let disposed: Promise<void> | undefined
  let sync: SessionSync | undefined
  let tabs: TabSync | undefined
  const ready = persistence.whenLoaded.then((report) => {
    initialiseSchema(doc) // after loading, so an existing space keeps its version
    if (!disposed) tabs = createTabSync(doc, `weave-space:${space.id}`)
    if (options.sync && !disposed) sync = createSessionSync({ ...options.sync, doc, space })
    return report
  })
  return {
    spaceId: space.id,
    stores,
    doc,
    persistence,
    media: createSessionMedia(stores.media, createMediaRepo(db, space.id)),
    ready,
    get sync() {
      return sync
    },
    files: {
      export: (spaceName) =>
        exportSpaceFile(doc, { spaceId: space.id, spaceKey: space.key, spaceName }),
      import: (file) => importSpaceFile(doc, file, { spaceId: space.id, spaceKey: space.key }),
    },
    dispose() {
      sync?.destroy()
      tabs?.destroy()
      disposed ??= persistence.destroy().finally(() => doc.destroy())
      return disposed
    },
  }
}
