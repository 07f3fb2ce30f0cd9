import { afterEach, describe, expect, it, vi } from 'vitest'
import { Dexie } from 'dexie'
import { attempt, storageErrorKind } from '../../../src/storage/errors'
import { estimateUsage, requestPersistence } from '../../../src/storage/quota'

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

const withStorage = (storage: Partial<StorageManager> | undefined) => {
  vi.stubGlobal('navigator', { storage })
}

describe('persistent storage', () => {
  it('is unsupported where the browser has no storage manager', async () => {
    withStorage(undefined)
    expect(await requestPersistence()).toBe('unsupported')
    expect(await estimateUsage()).toBeUndefined()
  })

  it('does not ask again once granted, and reports what the browser answers', async () => {
    const persist = vi.fn(() => Promise.resolve(false))
    withStorage({ persisted: () => Promise.resolve(true), persist })
    expect(await requestPersistence()).toBe('granted')
    expect(persist).not.toHaveBeenCalled()
    withStorage({ persisted: () => Promise.resolve(false), persist })
    expect(await requestPersistence()).toBe('denied')
    withStorage({ persisted: () => Promise.resolve(false), persist: () => Promise.resolve(true) })
    expect(await requestPersistence()).toBe('granted')
  })

  it('reports usage, and nothing when the browser cannot tell', async () => {
    withStorage({ estimate: () => Promise.resolve({ usage: 10, quota: 100 }) })
    expect(await estimateUsage()).toEqual({ usage: 10, quota: 100 })
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    withStorage({ estimate: () => Promise.reject(new Error('no')) })
    expect(await estimateUsage()).toBeUndefined()
  })
})

describe('storage errors', () => {
  it('names a full disk whether the browser or Dexie reports it', () => {
    const quota = new DOMException('full', 'QuotaExceededError')
    expect(storageErrorKind(quota)).toBe('quota-exceeded')
    expect(storageErrorKind(new Dexie.AbortError('aborted', quota))).toBe('quota-exceeded')
    expect(storageErrorKind(new Dexie.MissingAPIError('no indexedDB'))).toBe('unavailable')
    expect(storageErrorKind(new Error('other'))).toBe('unknown')
    expect(storageErrorKind(undefined)).toBe('unknown')
  })

  it('returns expected failures as values and throws the rest', async () => {
    const full = await attempt(() => Promise.reject(new DOMException('full', 'QuotaExceededError')))
    expect(full).toMatchObject({ ok: false, error: 'quota-exceeded' })
    await expect(attempt(() => Promise.reject(new RangeError('bug')))).rejects.toThrow('bug')
  })
})
