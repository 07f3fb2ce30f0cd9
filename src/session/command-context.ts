/**
 * What every device-level command needs (the repos, the open sessions, the stores React
 * reads), and the one way to use a space's session from a command: acquire it, wait until its
 * stored copy is loaded, use it, let go. A session used before it is ready throws, so no
 * command reaches one any other way; a stored copy that cannot be loaded comes back as an
 * error value, like every other expected failure.
 */
import { fail, type Result } from '../domain/result'
import { describeStorageError, storageErrorKind } from '../storage/errors'
import type { SpaceRecord, StorageErrorKind, StorageResult } from '../storage/types'
import type { createDeviceRepo } from '../storage/device-repo'
import type { createSpaceRepo } from '../storage/space-repo'
import type { SessionRegistry, SpaceSession } from './session'
import type { PresenceState } from './session-sync'
import type { Store } from './store'
import type { DeviceState } from './device-state'

export const DEFAULT_SIGNALLING: readonly string[] = []

export interface CommandContext {
  readonly spaceRepo: ReturnType<typeof createSpaceRepo>
  readonly deviceRepo: ReturnType<typeof createDeviceRepo>
  readonly sessions: SessionRegistry
  readonly spaces: Store<readonly SpaceRecord[]>
  readonly device: Store<DeviceState>
  readonly writeError: Store<StorageErrorKind | undefined>
  /** Records a write's outcome for the app-wide alert, then hands it back to the caller. */
  readonly report: <T>(result: StorageResult<T>) => StorageResult<T>
  readonly reloadSpaces: () => Promise<void>
  /** What this device shows other phones (name and colour), once it has a profile. */
  readonly presence: () => PresenceState | null
}

/**
 * Runs `use` with the space's session once its stored copy is loaded, and always lets go.
 * `use` answers with a Result; a stored copy that could not be loaded is one too.
 */
export async function withReadySession<T, E extends string = never>(
  sessions: SessionRegistry,
  space: SpaceRecord,
  use: (session: SpaceSession) => Result<T, E> | Promise<Result<T, E>>,
): Promise<Result<T, E | StorageErrorKind>> {
  const { session, release } = sessions.acquire(space)
  try {
    try {
      await session.ready
    } catch (error) {
      const kind = storageErrorKind(error)
      return fail(kind, describeStorageError(kind, error))
    }
    return await use(session)
  } finally {
    release()
  }
}
