/**
 * The contract a space's persistence keeps, as its callers see it: what is edited survives a
 * reopen, opening writes nothing, bursts become few writes, a long log is folded, a crash or
 * a full disk loses nothing, a corrupt row does not stop a space from opening.
 */
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { fixture, notes, text, type PersistenceBackend } from './contract-fixture'

export function describePersistenceContract(name: string, backend: PersistenceBackend) {
  const { fresh, open, openDb, textAfterReopen, writeRows, countRows, hasSnapshot } =
    fixture(backend)

  describe(`persistence contract: ${name}`, () => {
    it('keeps local edits across a restart (a new connection to the database)', async () => {
      const { name: dbName, db, spaceId } = fresh()
      const { doc, persistence } = await open(db, spaceId)
      notes(doc).insert(0, 'Agenda: rent strike')
      doc.getMap('groups').set('a', 'Tenants Union')
      await persistence.destroy()
      db.close()
      const again = await open(openDb(dbName), spaceId)
      expect(text(again.doc)).toBe('Agenda: rent strike')
      expect(again.doc.getMap('groups').get('a')).toBe('Tenants Union')
    })

    it('stores updates that arrive from peers, not only local ones', async () => {
      const { db, spaceId } = fresh()
      const { doc, persistence } = await open(db, spaceId)
      const peer = new Y.Doc()
      notes(peer).insert(0, 'written on another phone')
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer), 'webrtc-peer')
      await persistence.destroy()
      expect(await textAfterReopen(db, spaceId)).toBe('written on another phone')
    })

    it('adds no rows and changes no state when a space is opened and closed without edits', async () => {
      const { db, spaceId } = fresh()
      const first = await open(db, spaceId)
      notes(first.doc).insert(0, 'x')
      await first.persistence.destroy()
      const rows = await countRows(db, spaceId)
      for (let i = 0; i < 5; i++) {
        const again = await open(db, spaceId)
        expect(again.persistence.getSaveState()).toEqual({ kind: 'saved', at: undefined })
        await again.persistence.destroy()
      }
      expect(rows).toBeGreaterThan(0)
      expect(await countRows(db, spaceId)).toBe(rows)
    })

    it('reports saving once, then saved once the burst is on disk', async () => {
      const { db, spaceId } = fresh()
      const { doc, persistence } = await open(db, spaceId)
      const seen: string[] = []
      persistence.subscribe(() => seen.push(persistence.getSaveState().kind))
      for (let i = 0; i < 100; i++) notes(doc).insert(i, 'h')
      expect(persistence.getSaveState().kind).toBe('saving')
      await persistence.flush()
      const state = persistence.getSaveState()
      expect(state.kind === 'saved' && typeof state.at).toBe('number')
      expect(seen).toEqual(['saving', 'saved'])
      await persistence.destroy()
    })

    it('writes an edit by itself within the batch window, without a flush', async () => {
      const { db, spaceId } = fresh()
      const { doc } = await open(db, spaceId, { batchMs: 20 })
      notes(doc).insert(0, 'typed')
      await vi.waitFor(async () => expect(await countRows(db, spaceId)).toBe(1), { timeout: 2_000 })
      expect(await textAfterReopen(db, spaceId)).toBe('typed')
    })

    it('stores 1,000 edits made in one burst as a few rows', async () => {
      const { db, spaceId } = fresh()
      const { doc, persistence } = await open(db, spaceId, { compactAfterRows: 100_000 })
      for (let i = 0; i < 1000; i++) notes(doc).insert(i, 'a')
      await persistence.destroy()
      expect(await countRows(db, spaceId)).toBeLessThanOrEqual(10)
      expect(await textAfterReopen(db, spaceId)).toBe('a'.repeat(1000))
    })

    it('folds a burst that reaches the threshold into a snapshot: no rows left', async () => {
      const { db, spaceId } = fresh()
      const { doc, persistence } = await open(db, spaceId, { compactAfterRows: 500 })
      for (let i = 0; i < 1000; i++) notes(doc).insert(i, 'a')
      await persistence.destroy()
      expect(await countRows(db, spaceId)).toBe(0)
      expect(await hasSnapshot(db, spaceId)).toBe(true)
      expect(await textAfterReopen(db, spaceId)).toBe('a'.repeat(1000))
    })

    it('keeps the log under the threshold as edits keep coming', async () => {
      const { db, spaceId } = fresh()
      const opened = await open(db, spaceId, { compactAfterRows: 20 })
      await writeRows(opened, 45, 'e')
      await opened.persistence.destroy()
      expect(await countRows(db, spaceId)).toBeLessThan(20)
      expect(await hasSnapshot(db, spaceId)).toBe(true)
      expect(await textAfterReopen(db, spaceId)).toBe('e'.repeat(45))
    })

    it('folds a long log when opening, so the next open reads no log', async () => {
      const { db, spaceId } = fresh()
      const first = await open(db, spaceId, { compactAfterRows: 10_000 })
      await writeRows(first, 50, 'b')
      await first.persistence.destroy()
      const again = await open(db, spaceId, { compactAfterRows: 20 })
      expect(again.report.logRows).toBe(50)
      expect(text(again.doc)).toBe('b'.repeat(50))
      await again.persistence.flush()
      expect(await countRows(db, spaceId)).toBe(0)
      await again.persistence.destroy()
      const third = await open(db, spaceId, { compactAfterRows: 20 })
      expect(third.report.logRows).toBe(0)
      expect(text(third.doc)).toBe('b'.repeat(50))
    })

    it('stores an edit made while the log is being folded', async () => {
      const { db, spaceId } = fresh()
      const first = await open(db, spaceId, { compactAfterRows: 10_000 })
      await writeRows(first, 30, 'f')
      await first.persistence.destroy()
      const again = await open(db, spaceId, { compactAfterRows: 10 }) // compaction starts now
      notes(again.doc).insert(0, 'new ')
      await again.persistence.destroy()
      expect(await textAfterReopen(db, spaceId)).toBe(`new ${'f'.repeat(30)}`)
    })

    it('loses nothing when the browser dies half-way through a compaction', async () => {
      const { name: dbName, db, spaceId } = fresh()
      const first = await open(db, spaceId, { compactAfterRows: 10_000 })
      await writeRows(first, 30, 'c')
      await first.persistence.destroy()
      const rowsBefore = await countRows(db, spaceId)
      // The crash: the snapshot is written, then the transaction dies before it commits.
      const put = db.snapshots.put.bind(db.snapshots)
      const crash = vi.spyOn(db.snapshots, 'put').mockImplementation((row) =>
        put(row).then(() => {
          throw new Error('power cut')
        }),
      )
      vi.spyOn(console, 'warn').mockImplementation(() => undefined)
      const crashed = await open(db, spaceId, { compactAfterRows: 10 })
      notes(crashed.doc).insert(0, 'during ')
      await crashed.persistence.destroy()
      expect(crash).toHaveBeenCalled()
      crash.mockRestore()
      db.close()
      const restarted = openDb(dbName)
      expect(await hasSnapshot(restarted, spaceId)).toBe(false) // all or nothing: nothing
      expect(await countRows(restarted, spaceId)).toBe(rowsBefore + 1)
      expect(await textAfterReopen(restarted, spaceId)).toBe(`during ${'c'.repeat(30)}`)
    })

    it('does not delete rows another tab wrote when it folds the log', async () => {
      const { db, spaceId } = fresh()
      const tabA = await open(db, spaceId, { compactAfterRows: 10 })
      const tabB = await open(db, spaceId, { compactAfterRows: 10_000 })
      notes(tabB.doc).insert(0, 'B')
      await tabB.persistence.flush()
      await writeRows(tabA, 12, 'A') // crosses A's threshold: A folds the log
      await Promise.all([tabA.persistence.destroy(), tabB.persistence.destroy()])
      expect(await hasSnapshot(db, spaceId)).toBe(true)
      const seen = await textAfterReopen(db, spaceId)
      expect(seen).toContain('B')
      expect(seen.replaceAll('B', '')).toBe('A'.repeat(12))
    })

    it('skips and counts a corrupt row, and loads the rows around it', async () => {
      const { db, spaceId } = fresh()
      const first = await open(db, spaceId)
      first.doc.getMap('groups').set('a', 1)
      await first.persistence.flush()
      await db.updates.add({ spaceId, update: new Uint8Array([255, 1, 2, 3]) })
      first.doc.getMap('groups').set('b', 2)
      await first.persistence.destroy()
      vi.spyOn(console, 'warn').mockImplementation(() => undefined)
      const again = await open(db, spaceId, { compactAfterRows: 2 }) // and folds the good rows
      expect(again.report.skippedRows).toBe(1)
      expect(again.doc.getMap('groups').toJSON()).toEqual({ a: 1, b: 2 })
      await again.persistence.destroy()
      const third = await open(db, spaceId)
      expect([third.report.logRows, third.report.skippedRows]).toEqual([1, 1]) // set aside, kept
      expect(third.doc.getMap('groups').toJSON()).toEqual({ a: 1, b: 2 })
      vi.restoreAllMocks()
    })

    it('keeps each space apart', async () => {
      const { db } = fresh()
      const [one, two] = [fresh().spaceId, fresh().spaceId]
      const a = await open(db, one)
      const b = await open(db, two)
      notes(a.doc).insert(0, 'one')
      notes(b.doc).insert(0, 'two')
      await Promise.all([a.persistence.destroy(), b.persistence.destroy()])
      expect(await textAfterReopen(db, one)).toBe('one')
      expect(await textAfterReopen(db, two)).toBe('two')
    })

    it('stores an edit made while destroy() is writing', async () => {
      const { db, spaceId } = fresh()
      const { doc, persistence } = await open(db, spaceId)
      notes(doc).insert(0, 'first')
      const bulkAdd = db.updates.bulkAdd.bind(db.updates)
      const duringWrite = vi.spyOn(db.updates, 'bulkAdd').mockImplementationOnce((...args) => {
        notes(doc).insert(5, ' second') // arrives while the first write is under way
        return bulkAdd(...args)
      })
      await persistence.destroy()
      expect(duringWrite).toHaveBeenCalled()
      duringWrite.mockRestore()
      expect(await textAfterReopen(db, spaceId)).toBe('first second')
    })

    it('stops storing once destroyed', async () => {
      const { db, spaceId } = fresh()
      const { doc, persistence } = await open(db, spaceId)
      notes(doc).insert(0, 'kept')
      await persistence.destroy()
      const rows = await countRows(db, spaceId)
      notes(doc).insert(4, ' not kept')
      await persistence.flush()
      expect(await countRows(db, spaceId)).toBe(rows)
      expect(await textAfterReopen(db, spaceId)).toBe('kept')
    })
  })
}
