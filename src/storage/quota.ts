/**
 * Storage health: asks the browser to keep our data (navigator.storage.persist) and reports
 * how much space is used. Without persistence a browser may evict everything under pressure,
 * and on a phone this app's IndexedDB is the only copy a group may have.
 */
export type PersistenceAnswer = 'granted' | 'denied' | 'unsupported'

function storageManager(): Partial<StorageManager> | undefined {
  if (typeof navigator === 'undefined') return undefined
  return navigator.storage // missing in old browsers and insecure contexts, despite its type
}

/**
 * Asks for persistent storage, unless already granted. Never throws: a browser without the
 * API (or one that fails to answer) is 'unsupported'.
 */
export async function requestPersistence(): Promise<PersistenceAnswer> {
  const storage = storageManager()
  if (typeof storage?.persist !== 'function') return 'unsupported'
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'granted'
    return (await storage.persist()) ? 'granted' : 'denied'
  } catch (error) {
    console.warn('Persistent storage request failed', error)
    return 'unsupported'
  }
}

/** Bytes used and available to this origin, or undefined when the browser does not say. */
export async function estimateUsage(): Promise<{ usage: number; quota: number } | undefined> {
  const storage = storageManager()
  if (typeof storage?.estimate !== 'function') return undefined
  try {
    const { usage, quota } = await storage.estimate()
    return usage === undefined || quota === undefined ? undefined : { usage, quota }
  } catch (error) {
    console.warn('Storage estimate failed', error)
    return undefined
  }
}
