/**
 * This device's profile (name and colour shown to peers) and its preferences. Never synced.
 */
import type { WeaveDb } from './db'
import type { DeviceProfile } from './types'

export function createDeviceRepo(db: WeaveDb) {
  return {
    async getProfile(): Promise<DeviceProfile | undefined> {
      const row = await db.device.get('device')
      return row ? { displayName: row.displayName, colour: row.colour } : undefined
    },
    async saveProfile(profile: DeviceProfile): Promise<void> {
      await db.device.put({
        key: 'device',
        displayName: profile.displayName,
        colour: profile.colour,
      })
    },
    /** The caller checks the shape: preferences are only as trustworthy as this device. */
    async getPref<T>(key: string): Promise<T | undefined> {
      return (await db.prefs.get(key))?.value as T | undefined
    },
    async setPref(key: string, value: unknown): Promise<void> {
      await db.prefs.put({ key, value })
    },
  }
}
