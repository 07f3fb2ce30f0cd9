/**
 * The public contract of storage/: plain records and the persistence adapter's interface.
 * Kept apart from the Dexie implementation so session/ and tests depend on the shape only.
 */
import type { SpaceId, SpaceKey } from '../domain/ids'
import type { Result } from '../domain/result'

export interface SpaceSettings {
  /** Signalling servers (wss:// or ws://) for live sync; empty means the app's default. */
  readonly signallingUrls: readonly string[]
  /** ICE servers (STUN/TURN); empty by default: no third-party host is contacted unless added. */
  readonly iceServers: readonly { urls: string; username?: string; credential?: string }[]
}

export interface SpaceRecord {
  readonly id: SpaceId
  readonly name: string
  readonly key: SpaceKey
  readonly settings: SpaceSettings
  readonly createdAt: number
  readonly openedAt: number
}

export interface DeviceProfile {
  readonly displayName: string
  /** A CSS colour (#rrggbb) shown to peers next to the name. */
  readonly colour: string
}

/**
 * Why a write did not reach the disk. 'quota-exceeded': the device or the browser's share of
 * it is full. 'unavailable': IndexedDB is missing, blocked or closed (some private modes).
 */
export type StorageErrorKind = 'quota-exceeded' | 'unavailable' | 'unknown'

/** The app's one Result (domain/result.ts) with storage's error kinds; the message is for logs. */
export type StorageResult<T = void> = Result<T, StorageErrorKind>

/** What the UI shows about the local copy of one space. */
export type SaveState =
  | { readonly kind: 'saved'; readonly at: number | undefined }
  | { readonly kind: 'saving' }
  | { readonly kind: 'error'; readonly error: StorageErrorKind; readonly message: string }

export interface LoadReport {
  /** Rows read from the update log on open (before any compaction). */
  readonly logRows: number
  readonly snapshotBytes: number
  /** Stored rows (log rows or the snapshot) that failed Y.decodeUpdate: left on disk, never applied. */
  readonly skippedRows: number
}

export interface DocPersistence {
  /** Resolves once the snapshot and the log are applied to the doc. */
  readonly whenLoaded: Promise<LoadReport>
  readonly getSaveState: () => SaveState
  readonly subscribe: (listener: () => void) => () => void
  /** Write everything pending now; resolves when it is on disk (or failed). */
  readonly flush: () => Promise<void>
  /** Flush, stop listening to the doc. The doc is left as it is. */
  readonly destroy: () => Promise<void>
}
