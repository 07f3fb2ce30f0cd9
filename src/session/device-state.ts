/**
 * This device's own state (profile, language, theme, and per-space marks that never leave the
 * phone) and the commands that change it. Each change shows at once and is then stored; a
 * failed write is reported, and the change still holds until the app closes.
 */
import type { SpaceId } from '../domain/ids'
import { isLocale, matchLocale, type Locale } from '../i18n/locales'
import type { createDeviceRepo } from '../storage/device-repo'
import type { DeviceProfile, StorageResult } from '../storage/types'
import type { CommandContext } from './command-context'
import { ok } from '../domain/result'

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

const LOCALE_PREF = 'locale'
const THEME_PREF = 'theme'
export const LAST_BACKUP_PREF = 'lastBackupAt'
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

/** Reads the device's state from storage; anything unreadable falls back to the defaults. */
export async function loadDeviceState(
  deviceRepo: ReturnType<typeof createDeviceRepo>,
): Promise<DeviceState> {
  const [profile, storedLocale, storedTheme, lastBackupAt, myGroups, lastLooked, shared] =
    await Promise.all([
      deviceRepo.getProfile(),
      deviceRepo.getPref<string>(LOCALE_PREF),
      deviceRepo.getPref<string>(THEME_PREF),
      deviceRepo.getPref<number>(LAST_BACKUP_PREF, (v): v is number => typeof v === 'number'),
      deviceRepo.getPref(MY_GROUPS_PREF, isIdRecord),
      deviceRepo.getPref(LAST_LOOKED_PREF, isTimeRecord),
      deviceRepo.getPref(SHARED_PREF, isTimeRecord),
    ])
  return {
    profile,
    locale: isLocale(storedLocale) ? storedLocale : matchLocale(navigator.languages),
    localeChoice: isLocale(storedLocale) ? storedLocale : 'device',
    theme: isTheme(storedTheme) ? storedTheme : 'device',
    lastBackupAt,
    myGroups: myGroups ?? {},
    lastLooked: lastLooked ?? {},
    shared: shared ?? {},
  }
}

export interface DeviceCommands {
  saveProfile(profile: DeviceProfile): Promise<StorageResult>
  setLocale(choice: LocaleChoice): Promise<StorageResult>
  setTheme(theme: Theme): Promise<StorageResult>
  /** Chooses the group this phone speaks for in a space; undefined forgets it. */
  setMyGroup(spaceId: SpaceId, groupId: string | undefined): Promise<StorageResult>
  /** Remembers that this phone has just looked at what is new in a space. */
  markLooked(spaceId: SpaceId, at?: number): Promise<StorageResult>
  /** Remembers that a space left this phone (an invite shown, another phone seen). */
  markShared(spaceId: SpaceId): Promise<StorageResult>
}

export function createDeviceCommands(context: CommandContext): DeviceCommands {
  const { deviceRepo, sessions, device, report, presence } = context
  async function markShared(spaceId: SpaceId): Promise<StorageResult> {
    const current = device.getSnapshot()
    if (current.shared[spaceId] !== undefined) return ok()
    const shared = { ...current.shared, [spaceId]: Date.now() }
    device.set({ ...current, shared })
    return deviceRepo.setPref(SHARED_PREF, shared)
  }

  return {
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
  }
}
