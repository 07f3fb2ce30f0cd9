/**
 * Storage health: asks the browser to keep our data (navigator.storage.persist) and reports
 * how much space is used. Without persistence a browser may evict everything under pressure.
 */
export type PersistenceAnswer = 'granted' | 'denied' | 'unsupported'

export async function requestPersistence(): Promise<PersistenceAnswer> {
  const storage =
    typeof navigator === 'undefined' ? undefined : (navigator.storage as StorageManager | undefined)
  if (!storage?.persist) return 'unsupported'
  try {
    if (await storage.persisted()) return 'granted'
    return (await storage.persist()) ? 'granted' : 'denied'
  } catch (error) {
    console.warn('Persistent storage request failed', error)
    return 'unsupported'
  }
}

export async function estimateUsage(): Promise<{ usage: number; quota: number } | undefined> {
  const storage =
    typeof navigator === 'undefined' ? undefined : (navigator.storage as StorageManager | undefined)
  if (!storage?.estimate) return undefined
  try {
    const { usage, quota } = await storage.estimate()
    return usage === undefined || quota === undefined ? undefined : { usage, quota }
  } catch (error) {
    console.warn('Storage estimate failed', error)
    return undefined
  }
}
