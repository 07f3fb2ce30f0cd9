/**
 * Device-level state and commands outside any one space: the spaces on this device, the
 * device profile and preferences, storage health, and the open sessions. Built once at start
 * (app/ composes it), exposed to React through the hooks in use-app.ts. The commands live by
 * concern in space-commands.ts, device-state.ts and backup-commands.ts, and share one
 * context (command-context.ts).
 */
import { matchLocale } from '../i18n/locales'
import { openWeaveDb, type WeaveDb } from '../storage/db'
import { createDeviceRepo } from '../storage/device-repo'
import { estimateUsage, requestPersistence } from '../storage/quota'
import { createSpaceRepo } from '../storage/space-repo'
import type { SpaceRecord, StorageErrorKind, StorageResult } from '../storage/types'
import { createBackupCommands, type BackupCommands } from './backup-commands'
import { canSync } from './can-sync'
import type { CommandContext } from './command-context'
import {
  createDeviceCommands,
  loadDeviceState,
  type DeviceCommands,
  type DeviceState,
} from './device-state'
import { createSessionRegistry, openSession, type SessionRegistry } from './session'
import type { PresenceState } from './session-sync'
import { createSpaceCommands, type SpaceCommands } from './space-commands'
import { createStore, type Store } from './store'

export type PersistenceAnswer = 'granted' | 'denied' | 'unsupported'

export interface StorageHealth {
  readonly persistence: PersistenceAnswer | undefined
  readonly usage: { readonly usage: number; readonly quota: number } | undefined
}

export interface AppServices extends SpaceCommands, DeviceCommands, BackupCommands {
  readonly spaces: Store<readonly SpaceRecord[]>
  readonly device: Store<DeviceState>
  readonly storage: Store<StorageHealth>
  readonly sessions: SessionRegistry
  /** Why the last device-level write failed (full disk, no database); cleared by a success. */
  readonly writeError: Store<StorageErrorKind | undefined>
  refreshStorage(): Promise<void>
}

export interface AppServicesOptions {
  /** Sync open spaces live with other devices (off in unit tests). */
  readonly liveSync?: boolean
}

export async function createAppServices(
  db: WeaveDb = openWeaveDb(),
  options: AppServicesOptions = {},
): Promise<AppServices> {
  const spaceRepo = createSpaceRepo(db)
  const deviceRepo = createDeviceRepo(db)
  const [spaceList, deviceState] = await Promise.all([
    spaceRepo.listSpaces(),
    loadDeviceState(deviceRepo),
  ])
  const spaces = createStore<readonly SpaceRecord[]>(spaceList)
  const device = createStore<DeviceState>(deviceState)
  // Following the phone: a language changed in the phone's settings applies at once.
  if (typeof window !== 'undefined')
    window.addEventListener('languagechange', () => {
      const state = device.getSnapshot()
      if (state.localeChoice === 'device')
        device.set({ ...state, locale: matchLocale(navigator.languages) })
    })
  const storage = createStore<StorageHealth>({ persistence: undefined, usage: undefined })
  const presence = (): PresenceState | null => {
    const current = device.getSnapshot().profile
    return current ? { name: current.displayName, colour: current.colour } : null
  }
  const sessions = createSessionRegistry(db, (db, space) =>
    openSession(db, space, {
      author: () => device.getSnapshot().profile?.displayName ?? '',
      ...(options.liveSync && canSync()
        ? { sync: { presence: presence(), location: window.location } }
        : {}),
    }),
  )
  const writeError = createStore<StorageErrorKind | undefined>(undefined)
  const context: CommandContext = {
    spaceRepo,
    deviceRepo,
    sessions,
    spaces,
    device,
    writeError,
    report: <T>(result: StorageResult<T>): StorageResult<T> => {
      writeError.set(result.ok ? undefined : result.error)
      if (!result.ok) console.warn('[storage]', result.message)
      return result
    },
    reloadSpaces: async () => spaces.set(await spaceRepo.listSpaces()),
    presence,
  }
  const deviceCommands = createDeviceCommands(context)
  return {
    spaces,
    device,
    storage,
    sessions,
    writeError,
    ...createSpaceCommands(context, (spaceId) => deviceCommands.markShared(spaceId)),
    ...deviceCommands,
    ...createBackupCommands(context),
    async refreshStorage() {
      const [persistence, usage] = await Promise.all([requestPersistence(), estimateUsage()])
      storage.set({ persistence, usage })
    },
  }
}
