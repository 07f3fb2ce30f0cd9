/**
 * Device-level state and commands outside any one space: the spaces on this device, the
 * device profile and preferences, storage health, and the open sessions. Built once at start
 * (app/ composes it), exposed to React through the hooks in use-app.ts.
 */
import { newSpaceId, newSpaceKey, type SpaceId } from '../domain/ids'
import { isLocale, matchLocale, type Locale } from '../i18n/locales'
import { openWeaveDb, type WeaveDb } from '../storage/db'
import { createDeviceRepo } from '../storage/device-repo'
import { estimateUsage, requestPersistence } from '../storage/quota'
import { createSpaceRepo } from '../storage/space-repo'
import type { DeviceProfile, SpaceRecord } from '../storage/types'
import { createSessionRegistry, type SessionRegistry } from './session'
import { createStore, type Store } from './store'

export interface DeviceState {
  /** undefined until the first-run screen has been completed. */
  readonly profile: DeviceProfile | undefined
  readonly locale: Locale
}

export type PersistenceAnswer = 'granted' | 'denied' | 'unsupported'

export interface StorageHealth {
  readonly persistence: PersistenceAnswer | undefined
  readonly usage: { readonly usage: number; readonly quota: number } | undefined
}

export interface AppServices {
  readonly spaces: Store<readonly SpaceRecord[]>
  readonly device: Store<DeviceState>
  readonly storage: Store<StorageHealth>
  readonly sessions: SessionRegistry
  createSpace(name: string): Promise<SpaceRecord>
  renameSpace(id: SpaceId, name: string): Promise<void>
  /** Deletes the space and all its data from this device. Other devices keep their copies. */
  leaveSpace(id: SpaceId): Promise<void>
  markOpened(id: SpaceId): Promise<void>
  saveProfile(profile: DeviceProfile): Promise<void>
  setLocale(locale: Locale): Promise<void>
  refreshStorage(): Promise<void>
}

const LOCALE_PREF = 'locale'

export const DEFAULT_SIGNALLING: readonly string[] = []

export async function createAppServices(db: WeaveDb = openWeaveDb()): Promise<AppServices> {
  const spaceRepo = createSpaceRepo(db)
  const deviceRepo = createDeviceRepo(db)
  const [spaceList, profile, storedLocale] = await Promise.all([
    spaceRepo.listSpaces(),
    deviceRepo.getProfile(),
    deviceRepo.getPref<string>(LOCALE_PREF),
  ])
  const spaces = createStore<readonly SpaceRecord[]>(spaceList)
  const device = createStore<DeviceState>({
    profile,
    locale: isLocale(storedLocale) ? storedLocale : matchLocale(navigator.languages),
  })
  const storage = createStore<StorageHealth>({ persistence: undefined, usage: undefined })
  const sessions = createSessionRegistry(db)

  const reloadSpaces = async () => spaces.set(await spaceRepo.listSpaces())

  return {
    spaces,
    device,
    storage,
    sessions,
    async createSpace(name) {
      const now = Date.now()
      const record: SpaceRecord = {
        id: newSpaceId(),
        name: name.trim(),
        key: newSpaceKey(),
        settings: { signallingUrls: DEFAULT_SIGNALLING, iceServers: [] },
        createdAt: now,
        openedAt: now,
      }
      await spaceRepo.addSpace(record)
      await reloadSpaces()
      return record
    },
    async renameSpace(id, name) {
      await spaceRepo.renameSpace(id, name.trim())
      await reloadSpaces()
    },
    async leaveSpace(id) {
      await sessions.close(id)
      await spaceRepo.removeSpace(id)
      await reloadSpaces()
    },
    async markOpened(id) {
      await spaceRepo.touchSpace(id)
      await reloadSpaces()
    },
    async saveProfile(next) {
      await deviceRepo.saveProfile(next)
      device.set({ ...device.getSnapshot(), profile: next })
    },
    async setLocale(locale) {
      device.set({ ...device.getSnapshot(), locale })
      await deviceRepo.setPref(LOCALE_PREF, locale)
    },
    async refreshStorage() {
      const [persistence, usage] = await Promise.all([requestPersistence(), estimateUsage()])
      storage.set({ persistence, usage })
    },
  }
}
