/**
 * Device-level state and commands outside any one space: the spaces on this device, the
 * device profile and preferences, storage health, and the open sessions. Built once at start
 * (app/ composes it), exposed to React through the hooks in use-app.ts.
 */
import { newSpaceId, newSpaceKey, type SpaceId } from '../domain/ids'
import type { Invite } from '../domain/invite'
import {
  formatIceLines,
  parseIceLines,
  parseSignallingLines,
  type IceServerSetting,
} from '../domain/sync-settings'
import type { ChangeSummary } from '../sync/change-summary'
import type { BackupError, BackupSpace } from '../sync/device-backup'
import type { GuardError } from '../sync/update-guard'

/** Backups and moves need Yjs and crypto: loaded when first used, not with the first screen. */
const backupModule = () => import('../sync/device-backup')
import { isLocale, matchLocale, type Locale } from '../i18n/locales'
import { openWeaveDb, type WeaveDb } from '../storage/db'
import { createDeviceRepo } from '../storage/device-repo'
import { estimateUsage, requestPersistence } from '../storage/quota'
import { createSpaceRepo } from '../storage/space-repo'
import type {
  DeviceProfile,
  SpaceRecord,
  SpaceSettings,
  StorageErrorKind,
  StorageResult,
} from '../storage/types'
import { createSessionRegistry, openSession, type SessionRegistry } from './session'
import { canSync } from './can-sync'
import type { PresenceState } from './session-sync'
import { createStore, type Store } from './store'

export interface DeviceState {
  /** undefined until the first-run screen has been completed. */
  readonly profile: DeviceProfile | undefined
  readonly locale: Locale
  /** A language chosen in Settings, or 'device' (the default): follow the phone's languages. */
  readonly localeChoice: LocaleChoice
  /** Light or dark colours, or whatever this device is set to (the default). */
  readonly theme: Theme
  /** When the last backup of every space was saved on this device, if ever. */
  readonly lastBackupAt: number | undefined
  /** Which group of each space this phone speaks for ("who could help us"). Local only. */
  readonly myGroups: Readonly<Record<string, string>>
  /** When this phone last looked at each space's home ("what's new since"). Local only. */
  readonly lastLooked: Readonly<Record<string, number>>
  /** Spaces this phone has shared or seen another phone in, and when first. Local only. */
  readonly shared: Readonly<Record<string, number>>
}

export type LocaleChoice = Locale | 'device'

export const THEMES = ['device', 'light', 'dark'] as const
export type Theme = (typeof THEMES)[number]
const isTheme = (value: unknown): value is Theme =>
  typeof value === 'string' && (THEMES as readonly string[]).includes(value)

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
  /** Why the last device-level write failed (full disk, no database); cleared by a success. */
  readonly writeError: Store<StorageErrorKind | undefined>
  createSpace(name: string): Promise<StorageResult<SpaceRecord>>
  /** Adds the space of an invite, or returns the one already on this device (never a copy). */
  joinSpace(invite: Invite): Promise<StorageResult<SpaceRecord>>
  renameSpace(id: SpaceId, name: string): Promise<StorageResult>
  /** Deletes the space and all its data from this device. Other devices keep their copies. */
  leaveSpace(id: SpaceId): Promise<StorageResult>
  markOpened(id: SpaceId): Promise<StorageResult>
  /** Stores a space's sync settings and restarts its live sync with them if it is open. */
  updateSpaceSettings(id: SpaceId, settings: SpaceSettings): Promise<StorageResult>
  saveProfile(profile: DeviceProfile): Promise<StorageResult>
  setLocale(choice: LocaleChoice): Promise<StorageResult>
  setTheme(theme: Theme): Promise<StorageResult>
  /** Chooses the group this phone speaks for in a space; undefined forgets it. */
  setMyGroup(spaceId: SpaceId, groupId: string | undefined): Promise<StorageResult>
  /** Remembers that this phone has just looked at what is new in a space. */
  markLooked(spaceId: SpaceId, at?: number): Promise<StorageResult>
  /** Remembers that a space left this phone (an invite shown, another phone seen). */
  markShared(spaceId: SpaceId): Promise<StorageResult>
  refreshStorage(): Promise<void>
  /**
   * Copies a space, everything in it, to a new id and key (how a network removes someone:
   * the others are invited again). The old space stays, renamed, until deleted.
   */
  moveToNewKey(id: SpaceId, oldName: string): Promise<StorageResult<SpaceRecord>>
  /** One file of every space with its key, locked with a passphrase. */
  backupAll(passphrase: string): Promise<StorageResult<{ text: string; fileName: string }>>
  /**
   * Adds the spaces of a backup that are not here and merges the others; when it would add
   * anything to a space already here (a backup made by someone else), changes nothing and
   * returns what it would add, with `restore()` to go ahead.
   */
  restoreBackup(file: Blob, passphrase: string): Promise<RestoreOutcome>
}

const LOCALE_PREF = 'locale'
const THEME_PREF = 'theme'

export const DEFAULT_SIGNALLING: readonly string[] = []

/** What a backup would add to one space already on this phone. */
export interface MergePreview {
  /** the space's name on this phone */
  readonly name: string
  readonly changes: ChangeSummary
  readonly groups: readonly string[]
  readonly meetings: readonly string[]
}

export type RestoreOutcome =
  | {
      readonly ok: true
      readonly done: true
      readonly added: number
      readonly merged: number
      readonly skipped: number
    }
  | {
      readonly ok: true
      readonly done: false
      readonly merges: readonly MergePreview[]
      /** names of the spaces new to this phone that restoring adds too */
      readonly newSpaces: readonly string[]
      readonly restore: () => Promise<RestoreOutcome>
    }
  | { readonly ok: false; readonly error: BackupError | StorageErrorKind | GuardError }

const LAST_BACKUP_PREF = 'lastBackupAt'
const MY_GROUPS_PREF = 'myGroups'
const LAST_LOOKED_PREF = 'lastLooked'
const SHARED_PREF = 'sharedSpaces'
const isTimeRecord = (value: unknown): value is Record<string, number> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every((v) => typeof v === 'number' && Number.isFinite(v))
const isIdRecord = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every((v) => typeof v === 'string')
/** Origin of a backup merged into a space (storage stores it like any other update). */
const FROM_BACKUP = Symbol('weave-backup-restore')

/** Settings from a backup, checked; anything odd falls back to the defaults. */
function readSettings(value: unknown): SpaceSettings {
  const fallback: SpaceSettings = { signallingUrls: DEFAULT_SIGNALLING, iceServers: [] }
  if (typeof value !== 'object' || value === null) return fallback
  const { signallingUrls, iceServers } = value as Record<string, unknown>
  const urls = parseSignallingLines(Array.isArray(signallingUrls) ? signallingUrls.join('\n') : '')
  const ice = parseIceLines(
    Array.isArray(iceServers)
      ? formatIceLines(
          iceServers.filter(
            (s): s is IceServerSetting =>
              typeof s === 'object' &&
              s !== null &&
              typeof (s as IceServerSetting).urls === 'string',
          ),
        )
      : '',
  )
  return {
    signallingUrls: urls.ok ? urls.value : fallback.signallingUrls,
    iceServers: ice.ok ? ice.value : [],
  }
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
  const [
    spaceList,
    profile,
    storedLocale,
    storedTheme,
    lastBackupAt,
    myGroups,
    lastLooked,
    shared,
  ] = await Promise.all([
    spaceRepo.listSpaces(),
    deviceRepo.getProfile(),
    deviceRepo.getPref<string>(LOCALE_PREF),
    deviceRepo.getPref<string>(THEME_PREF),
    deviceRepo.getPref<number>(LAST_BACKUP_PREF, (v): v is number => typeof v === 'number'),
    deviceRepo.getPref(MY_GROUPS_PREF, isIdRecord),
    deviceRepo.getPref(LAST_LOOKED_PREF, isTimeRecord),
    deviceRepo.getPref(SHARED_PREF, isTimeRecord),
  ])
  const spaces = createStore<readonly SpaceRecord[]>(spaceList)
  const device = createStore<DeviceState>({
    profile,
    locale: isLocale(storedLocale) ? storedLocale : matchLocale(navigator.languages),
    localeChoice: isLocale(storedLocale) ? storedLocale : 'device',
    theme: isTheme(storedTheme) ? storedTheme : 'device',
    lastBackupAt,
    myGroups: myGroups ?? {},
    lastLooked: lastLooked ?? {},
    shared: shared ?? {},
  })
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
  const reloadSpaces = async () => spaces.set(await spaceRepo.listSpaces())
  /** Records the outcome for the app-wide alert, then hands it back to the caller. */
  const report = <T>(result: StorageResult<T>): StorageResult<T> => {
    writeError.set(result.ok ? undefined : result.error)
    if (!result.ok) console.warn('[storage]', result.message)
    return result
  }

  async function markShared(spaceId: SpaceId): Promise<StorageResult> {
    const current = device.getSnapshot()
    if (current.shared[spaceId] !== undefined) return { ok: true, value: undefined }
    const shared = { ...current.shared, [spaceId]: Date.now() }
    device.set({ ...current, shared })
    return deviceRepo.setPref(SHARED_PREF, shared)
  }

  return {
    spaces,
    device,
    storage,
    sessions,
    writeError,
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
      const result = report(await spaceRepo.addSpace(record))
      await reloadSpaces()
      return result
    },
    async joinSpace(invite) {
      const now = Date.now()
      // a space that came by invite is shared by definition
      await markShared(invite.spaceId)
      const result = report(
        await spaceRepo.addSpace({
          id: invite.spaceId,
          name: invite.name,
          key: invite.key,
          settings: { signallingUrls: DEFAULT_SIGNALLING, iceServers: [] },
          createdAt: now,
          openedAt: now,
        }),
      )
      await reloadSpaces()
      return result
    },
    async renameSpace(id, name) {
      const result = report(await spaceRepo.renameSpace(id, name.trim()))
      await reloadSpaces()
      return result
    },
    async leaveSpace(id) {
      await sessions.close(id)
      const result = report(await spaceRepo.removeSpace(id))
      await reloadSpaces()
      return result
    },
    async markOpened(id) {
      // not reported: failing to reorder the list is not worth an alert
      const result = await spaceRepo.touchSpace(id)
      await reloadSpaces()
      return result
    },
    async updateSpaceSettings(id, settings) {
      const result = report(await spaceRepo.updateSpaceSettings(id, settings))
      if (result.ok) {
        for (const session of sessions.open())
          if (session.spaceId === id) session.sync?.reconfigure(settings)
      }
      await reloadSpaces()
      return result
    },
    async saveProfile(next) {
      const result = report(await deviceRepo.saveProfile(next))
      if (result.ok) {
        device.set({ ...device.getSnapshot(), profile: next })
        for (const session of sessions.open()) session.sync?.setPresence(presence())
      }
      return result
    },
    async setLocale(choice) {
      // the language changes at once even if it cannot be remembered for next time
      const locale = choice === 'device' ? matchLocale(navigator.languages) : choice
      device.set({ ...device.getSnapshot(), locale, localeChoice: choice })
      return report(await deviceRepo.setPref(LOCALE_PREF, choice))
    },
    async setTheme(theme) {
      device.set({ ...device.getSnapshot(), theme })
      return report(await deviceRepo.setPref(THEME_PREF, theme))
    },
    async setMyGroup(spaceId, groupId) {
      const current = device.getSnapshot()
      const myGroups = Object.fromEntries(
        Object.entries(current.myGroups).filter(([space]) => space !== spaceId),
      )
      if (groupId) myGroups[spaceId] = groupId
      device.set({ ...current, myGroups })
      return report(await deviceRepo.setPref(MY_GROUPS_PREF, myGroups))
    },
    async markLooked(spaceId, at = Date.now()) {
      const current = device.getSnapshot()
      const lastLooked = { ...current.lastLooked, [spaceId]: at }
      device.set({ ...current, lastLooked })
      // not reported: failing to remember this is not worth an alert
      return deviceRepo.setPref(LAST_LOOKED_PREF, lastLooked)
    },
    markShared,
    async moveToNewKey(id, oldName) {
      const { applyBackupState, stateOf } = await backupModule()
      const old = await spaceRepo.getSpace(id)
      if (!old) return { ok: false, error: 'unknown', message: 'no such space' }
      const from = sessions.acquire(old)
      let state: Uint8Array
      try {
        await from.session.ready
        state = stateOf(from.session.stores.doc)
      } finally {
        from.release()
      }
      const now = Date.now()
      const record: SpaceRecord = {
        ...old,
        id: newSpaceId(),
        key: newSpaceKey(),
        createdAt: now,
        openedAt: now,
      }
      const added = report(await spaceRepo.addSpace(record))
      if (!added.ok) return added
      const to = sessions.acquire(record)
      try {
        await to.session.ready
        const copied = applyBackupState(to.session.stores.doc, state, FROM_BACKUP)
        if (!copied.ok) return { ok: false, error: 'unknown', message: copied.error }
        await to.session.persistence.flush()
      } finally {
        to.release()
      }
      report(await spaceRepo.renameSpace(id, oldName))
      await reloadSpaces()
      return added
    },
    async backupAll(passphrase) {
      const { createDeviceBackup, stateOf } = await backupModule()
      const records = await spaceRepo.listSpaces()
      const spacesInFile: BackupSpace[] = []
      for (const record of records) {
        const { session, release } = sessions.acquire(record)
        try {
          await session.ready
          spacesInFile.push({
            id: record.id,
            name: record.name,
            key: record.key,
            createdAt: record.createdAt,
            settings: record.settings,
            state: stateOf(session.stores.doc),
          })
        } finally {
          release()
        }
      }
      const file = await createDeviceBackup(spacesInFile, passphrase)
      const at = Date.now()
      const stored = report(await deviceRepo.setPref(LAST_BACKUP_PREF, at))
      if (stored.ok) device.set({ ...device.getSnapshot(), lastBackupAt: at })
      return { ok: true, value: file }
    },
    async restoreBackup(file, passphrase) {
      const { applyBackupState, previewBackupState, readDeviceBackup, stateOf } =
        await backupModule()
      const read = await readDeviceBackup(file, passphrase)
      if (!read.ok) return read
      // Every space is checked (and the ones here previewed) before anything is written.
      const merges: MergePreview[] = []
      const newSpaces: string[] = []
      const existing = new Set<SpaceId>()
      for (const space of read.spaces) {
        const here = await spaceRepo.getSpace(space.id)
        let current: Uint8Array = new Uint8Array([0, 0]) // an empty document
        if (here) {
          existing.add(space.id)
          const { session, release } = sessions.acquire(here)
          try {
            await session.ready
            current = stateOf(session.stores.doc)
          } finally {
            release()
          }
        } else newSpaces.push(space.name)
        const preview = previewBackupState(current, space.state)
        if (!preview.ok) return preview
        if (here && Object.keys(preview.changes).length > 0) {
          const { changes, groups, meetings } = preview
          merges.push({ name: here.name, changes, groups, meetings })
        }
      }
      const restore = async (): Promise<RestoreOutcome> => {
        for (const space of read.spaces) {
          const now = Date.now()
          const result = report(
            await spaceRepo.addSpace({
              id: space.id,
              name: space.name,
              key: space.key,
              settings: readSettings(space.settings),
              createdAt: space.createdAt || now,
              openedAt: now,
            }),
          )
          if (!result.ok) return { ok: false, error: result.error }
          const { session, release } = sessions.acquire(result.value)
          try {
            await session.ready
            const merged = applyBackupState(session.stores.doc, space.state, FROM_BACKUP)
            if (!merged.ok) return merged
            await session.persistence.flush()
          } finally {
            release()
          }
        }
        await reloadSpaces()
        const merged = read.spaces.filter((space) => existing.has(space.id)).length
        const added = read.spaces.length - merged
        return { ok: true, done: true, added, merged, skipped: read.skipped }
      }
      return merges.length === 0 ? restore() : { ok: true, done: false, merges, newSpaces, restore }
    },
    async refreshStorage() {
      const [persistence, usage] = await Promise.all([requestPersistence(), estimateUsage()])
      storage.set({ persistence, usage })
    },
  }
}
