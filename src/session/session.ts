/**
 * One Session per open space: the document, its stores and its local persistence, built
 * outside React and torn down when the space closes. The registry hands out one shared
 * session per space and disposes it a moment after the last user lets go, so React
 * StrictMode's mount → unmount → mount reuses the same session instead of building two.
 *
 * The session's machinery (session-core.ts: Yjs, storage adapter, WebRTC, crypto) is loaded
 * when the first space opens; until `ready` resolves, `stores` and `persistence` are not there.
 */
import type { SpaceDoc, SpaceStores } from '../doc/space-stores'
import type { SpaceId } from '../domain/ids'
import type { WeaveDb } from '../storage/db'
import type { DocPersistence, LoadReport, SpaceRecord } from '../storage/types'
import type { ExportResult, ImportResult } from '../sync/space-file'
import type { SessionMedia } from './media'
import type { SessionSync, SessionSyncOptions } from './session-sync'

export type { ExportResult, ImportResult }
export type { ChangeSummary } from '../sync/change-summary'
export type { SpaceFileError } from '../sync/space-file'

/** A space's doc stores as features use them: commands and snapshots, never the Y.Doc itself. */
export type SessionStores = Omit<SpaceStores, 'doc'>

/** What features see of an open space. */
export interface Session {
  readonly spaceId: SpaceId
  readonly stores: SessionStores
  readonly persistence: DocPersistence
  /** Photos and voice notes: their bytes on this phone, and saving new ones. */
  readonly media: SessionMedia
  /** Resolves once the stored copy is loaded into the document. */
  readonly ready: Promise<LoadReport>
  /** Live sync; undefined where the session was opened without it (tests, no WebRTC). */
  readonly sync: SessionSync | undefined
  /** Sync by file: the space as one file encrypted with its key, and merging one in. */
  readonly files: {
    export(spaceName: string): Promise<ExportResult>
    import(file: Blob): Promise<ImportResult>
  }
  dispose(): Promise<void>
}

/**
 * The session as session/ itself holds it: with the space's document, for what works on the
 * whole of it (backups, moving to a new key). Features get a `Session`, without the document.
 */
export interface SpaceSession extends Session {
  readonly doc: SpaceDoc
}

export interface SessionOptions {
  /** This device's display name, recorded as who last changed a group. */
  readonly author?: () => string
  /** Live sync starts once the stored copy is loaded, so peers get our whole state. */
  readonly sync?: Omit<SessionSyncOptions, 'doc' | 'space'>
}

export function openSession(
  db: WeaveDb,
  space: SpaceRecord,
  options: SessionOptions = {},
): SpaceSession {
  let core: SpaceSession | undefined
  const loading = import('./session-core').then(({ openSessionCore }) => {
    core = openSessionCore(db, space, options)
    return core
  })
  const need = (): SpaceSession => {
    if (!core) throw new Error('A session is used before it is ready: await session.ready')
    return core
  }
  return {
    spaceId: space.id,
    ready: loading.then((opened) => opened.ready),
    get stores() {
      return need().stores
    },
    get doc() {
      return need().doc
    },
    get persistence() {
      return need().persistence
    },
    get media() {
      return need().media
    },
    get sync() {
      return core?.sync
    },
    files: {
      // never on a half-loaded document: a file merged before the stored copy would count
      // everything as new
      export: async (spaceName) => {
        const opened = await loading
        await opened.ready
        return opened.files.export(spaceName)
      },
      import: async (file) => {
        const opened = await loading
        await opened.ready
        return opened.files.import(file)
      },
    },
    async dispose() {
      const opened = await loading.catch(() => undefined)
      await opened?.dispose()
    },
  }
}

/** How long a session lives on after its last release (covers StrictMode and quick back-navigation). */
const LINGER_MS = 1_000

export interface SessionRegistry {
  acquire(space: SpaceRecord): { session: SpaceSession; release: () => void }
  /** The open sessions (to tell each of a new display name, for example). */
  open(): SpaceSession[]
  /** Flushes every open session's pending writes (before an app update reloads the page). */
  flushAll(): Promise<void>
  /** Closes a space's session now (before it is deleted from the device). */
  close(spaceId: SpaceId): Promise<void>
}

export function createSessionRegistry(
  db: WeaveDb,
  open: (db: WeaveDb, space: SpaceRecord) => SpaceSession = openSession,
): SessionRegistry {
  const entries = new Map<
    SpaceId,
    { session: SpaceSession; users: number; timer?: ReturnType<typeof setTimeout> }
  >()

  async function close(spaceId: SpaceId) {
    const entry = entries.get(spaceId)
    if (!entry) return
    clearTimeout(entry.timer)
    entries.delete(spaceId)
    await entry.session.dispose()
  }

  return {
    acquire(space) {
      let entry = entries.get(space.id)
      if (!entry) {
        entry = { session: open(db, space), users: 0 }
        entries.set(space.id, entry)
      }
      clearTimeout(entry.timer)
      entry.users++
      const held = entry
      let released = false
      return {
        session: held.session,
        release() {
          if (released) return
          released = true
          held.users--
          if (held.users > 0) return
          held.timer = setTimeout(() => {
            if (held.users === 0 && entries.get(space.id) === held) void close(space.id)
          }, LINGER_MS)
        },
      }
    },
    open: () => [...entries.values()].map((entry) => entry.session),
    async flushAll() {
      await Promise.all(
        [...entries.values()].map(async ({ session }) => {
          await session.ready
          await session.persistence.flush()
        }),
      )
    },
    close,
  }
}
