/**
 * This device's profile (name and colour shown to peers) and its preferences. Never synced.
 * Writes return a StorageResult: a full disk is reported, not thrown.
 */
import { DEVICE_KEY, type WeaveDb } from './db'
import { attempt } from './errors'
import type { DeviceProfile, StorageResult } from './types'

/** Checks that a stored value has the expected shape (preferences survive app versions). */
export type PrefGuard<T> = (value: unknown) => value is T

/** Creates the repo of device-local settings kept in `db`. */
export function createDeviceRepo(db: WeaveDb) {
  return {
    /** undefined until the first-run screen saved one. */
    async getProfile(): Promise<DeviceProfile | undefined> {
      const row = await db.device.get(DEVICE_KEY)
      return row ? { displayName: row.displayName, colour: row.colour } : undefined
    },
    saveProfile(profile: DeviceProfile): Promise<StorageResult> {
      return attempt(async () => {
        await db.device.put({
          key: DEVICE_KEY,
          displayName: profile.displayName,
          colour: profile.colour,
        })
      })
    },
    /**
     * A stored preference. With a guard, a value of the wrong shape (written by an older
     * version) reads as undefined; without one the caller takes the value on trust.
     */
    async getPref<T>(key: string, isValid?: PrefGuard<T>): Promise<T | undefined> {
      const value = (await db.prefs.get(key))?.value
      if (isValid) return isValid(value) ? value : undefined
      return value as T | undefined
    },
    setPref(key: string, value: unknown): Promise<StorageResult> {
      return attempt(async () => {
        await db.prefs.put({ key, value })
      })
    },
  }
}

export type DeviceRepo = ReturnType<typeof createDeviceRepo>
