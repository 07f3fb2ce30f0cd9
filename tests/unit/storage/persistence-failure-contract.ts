/**
 * The persistence contract when things go wrong or the page goes away: a full disk keeps
 * edits in memory and editable, and says so; a hidden or closing page writes at once.
 */
import { Dexie } from 'dexie'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fixture, notes, text, type PersistenceBackend } from './contract-fixture'

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError')

export function describePersistenceFailureContract(name: string, backend: PersistenceBackend) {
  const { fresh, open, textAfterReopen, countRows } = fixture(backend)

  describe(`persistence contract, failures and page life: ${name}`, () => {
    afterEach(() => {
      vi.restoreAllMocks()
      vi.unstubAllGlobals()
    })

    it('keeps edits in memory and editable when the disk is full, and stores them once it is not', async () => {
      const { db, spaceId } = fresh()
      const { doc, persistence } = await open(db, spaceId, { retryMs: 60_000 })
      vi.spyOn(console, 'warn').mockImplementation(() => undefined)
      const full = vi.spyOn(db.updates, 'bulkAdd').mockRejectedValue(quotaError())
      const seen: string[] = []
      persistence.subscribe(() => seen.push(persistence.getSaveState().kind))
      notes(doc).insert(0, 'kept ')
      await persistence.flush()
      const state = persistence.getSaveState()
      expect(state.kind === 'error' && state.error).toBe('quota-exceeded')
      expect(state.kind === 'error' && state.message).toMatch(/no room/)
      notes(doc).insert(5, 'in memory')
      expect(text(doc)).toBe('kept in memory')
      expect(persistence.getSaveState().kind).toBe('error') // still unsaved: no false 'saving'
      full.mockRestore()
      await persistence.flush()
      expect(persistence.getSaveState().kind).toBe('saved')
      expect(seen).toEqual(['saving', 'error', 'saved'])
      await persistence.destroy()
      expect(await textAfterReopen(db, spaceId)).toBe('kept in memory')
    })

    it('stores rows when a snapshot does not fit, and knows a full disk wrapped by Dexie', async () => {
      const { db, spaceId } = fresh()
      const { doc, persistence } = await open(db, spaceId, { compactAfterRows: 5, retryMs: 60_000 })
      vi.spyOn(console, 'warn').mockImplementation(() => undefined)
      const wrapped = () => new Dexie.AbortError('Transaction aborted', quotaError())
      const noSnapshot = vi.spyOn(db.snapshots, 'put').mockRejectedValue(wrapped())
      for (let i = 0; i < 10; i++) notes(doc).insert(i, 'q') // reaches the threshold
      await persistence.flush()
      expect(persistence.getSaveState().kind).toBe('saved')
      expect(await countRows(db, spaceId)).toBeGreaterThan(0)
      const noRows = vi.spyOn(db.updates, 'bulkAdd').mockRejectedValue(wrapped())
      notes(doc).insert(10, '!')
      await persistence.flush()
      const state = persistence.getSaveState()
      expect(state.kind === 'error' && state.error).toBe('quota-exceeded')
      noSnapshot.mockRestore()
      noRows.mockRestore()
      await persistence.destroy()
      expect(persistence.getSaveState().kind).toBe('saved')
      expect(await textAfterReopen(db, spaceId)).toBe(`${'q'.repeat(10)}!`)
    })

    it('retries a failed write by itself after a while', async () => {
      const { db, spaceId } = fresh()
      const { doc, persistence } = await open(db, spaceId, { retryMs: 30 })
      vi.spyOn(console, 'warn').mockImplementation(() => undefined)
      vi.spyOn(db.updates, 'bulkAdd').mockRejectedValueOnce(quotaError())
      notes(doc).insert(0, 'later')
      await persistence.flush()
      expect(persistence.getSaveState().kind).toBe('error')
      await vi.waitFor(() => expect(persistence.getSaveState().kind).toBe('saved'), {
        timeout: 2_000,
      })
      expect(await countRows(db, spaceId)).toBe(1)
    })

    it('writes at once when the page is hidden or closed, and stops listening when destroyed', async () => {
      const pageWindow = new EventTarget()
      const pageDocument = Object.assign(new EventTarget(), { visibilityState: 'visible' })
      vi.stubGlobal('window', pageWindow)
      vi.stubGlobal('document', pageDocument)
      const { db, spaceId } = fresh()
      const { doc, persistence } = await open(db, spaceId, { batchMs: 60_000 })
      notes(doc).insert(0, 'a')
      pageDocument.visibilityState = 'hidden'
      pageDocument.dispatchEvent(new Event('visibilitychange'))
      await vi.waitFor(async () => expect(await countRows(db, spaceId)).toBe(1))
      notes(doc).insert(1, 'b')
      pageWindow.dispatchEvent(new Event('pagehide'))
      await vi.waitFor(async () => expect(await countRows(db, spaceId)).toBe(2))
      await persistence.destroy()
      const flushes = vi.spyOn(db.updates, 'bulkAdd')
      pageWindow.dispatchEvent(new Event('pagehide'))
      expect(flushes).not.toHaveBeenCalled()
    })
  })
}
