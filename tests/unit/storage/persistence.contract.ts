/**
 * The contract every persistence adapter for a space's Y.Doc keeps, as seen by its callers.
 */
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { newSpaceId, type SpaceId } from '../../../src/domain/ids'
import type { WeaveDb } from '../../../src/storage/db'
import type { DocPersistence } from '../../../src/storage/types'

export interface AdapterUnderTest {
  readonly openDb: () => WeaveDb
  readonly attach: (
    db: WeaveDb,
    spaceId: SpaceId,
    doc: Y.Doc,
    options?: { compactAfterRows?: number },
  ) => DocPersistence
  /** How many log rows the adapter keeps for a space. */
  readonly countRows: (db: WeaveDb, spaceId: SpaceId) => Promise<number>
}

const text = (doc: Y.Doc) => doc.getText('notes').toJSON()

export function describePersistenceContract(name: string, adapter: AdapterUnderTest) {
  async function reopen(db: WeaveDb, spaceId: SpaceId, options?: { compactAfterRows?: number }) {
    const doc = new Y.Doc()
    const persistence = adapter.attach(db, spaceId, doc, options)
    await persistence.whenLoaded
    return { doc, persistence }
  }

  describe(`persistence contract: ${name}`, () => {
    it('keeps local edits across a reopen', async () => {
      const db = adapter.openDb()
      const spaceId = newSpaceId()
      const { doc, persistence } = await reopen(db, spaceId)
      doc.getText('notes').insert(0, 'Agenda: rent strike')
      doc.getMap('groups').set('a', 'Tenants Union')
      await persistence.destroy()
      const again = await reopen(db, spaceId)
      expect(text(again.doc)).toBe('Agenda: rent strike')
      expect(again.doc.getMap('groups').get('a')).toBe('Tenants Union')
      await again.persistence.destroy()
    })

    it('stores updates that arrive from peers, not only local ones', async () => {
      const db = adapter.openDb()
      const spaceId = newSpaceId()
      const { doc, persistence } = await reopen(db, spaceId)
      const peer = new Y.Doc()
      peer.getText('notes').insert(0, 'written on another phone')
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer), 'webrtc-peer')
      await persistence.destroy()
      expect(text((await reopen(db, spaceId)).doc)).toBe('written on another phone')
    })

    it('adds no rows when a space is opened and closed without edits', async () => {
      const db = adapter.openDb()
      const spaceId = newSpaceId()
      const first = await reopen(db, spaceId)
      first.doc.getText('notes').insert(0, 'x')
      await first.persistence.destroy()
      const rows = await adapter.countRows(db, spaceId)
      for (let i = 0; i < 5; i++) await (await reopen(db, spaceId)).persistence.destroy()
      expect(await adapter.countRows(db, spaceId)).toBe(rows)
    })

    it('reports saving, then saved once the edit is on disk', async () => {
      const db = adapter.openDb()
      const { doc, persistence } = await reopen(db, newSpaceId())
      const seen: string[] = []
      persistence.subscribe(() => seen.push(persistence.getSaveState().kind))
      doc.getText('notes').insert(0, 'hello')
      expect(persistence.getSaveState().kind).toBe('saving')
      await persistence.flush()
      expect(persistence.getSaveState().kind).toBe('saved')
      expect(seen).toEqual(['saving', 'saved'])
      await persistence.destroy()
    })

    it('batches a burst of 1,000 small edits into a few writes, then folds them into a snapshot', async () => {
      const db = adapter.openDb()
      const spaceId = newSpaceId()
      const { doc, persistence } = await reopen(db, spaceId, { compactAfterRows: 500 })
      for (let i = 0; i < 1000; i++) doc.getText('notes').insert(i, 'a')
      await persistence.flush()
      // one batch of 1,000 rows crossed the threshold: the log was folded into the snapshot
      expect(await adapter.countRows(db, spaceId)).toBe(0)
      await persistence.destroy()
      expect(text((await reopen(db, spaceId)).doc)).toBe('a'.repeat(1000))
    })

    it('folds a long log into a snapshot when opening, so the next open reads one row', async () => {
      const db = adapter.openDb()
      const spaceId = newSpaceId()
      const { doc, persistence } = await reopen(db, spaceId, { compactAfterRows: 10_000 })
      for (let i = 0; i < 50; i++) {
        doc.getText('notes').insert(i, 'b')
        await persistence.flush() // 50 separate writes: 50 rows
      }
      await persistence.destroy()
      expect(await adapter.countRows(db, spaceId)).toBe(50)
      const again = await reopen(db, spaceId, { compactAfterRows: 20 })
      await again.persistence.flush()
      expect(await adapter.countRows(db, spaceId)).toBe(0)
      expect(text(again.doc)).toBe('b'.repeat(50))
    })

    it('loses nothing when a compaction crashes half-way', async () => {
      const db = adapter.openDb()
      const spaceId = newSpaceId()
      const { doc, persistence } = await reopen(db, spaceId, { compactAfterRows: 10_000 })
      for (let i = 0; i < 30; i++) {
        doc.getText('notes').insert(i, 'c')
        await persistence.flush()
      }
      await persistence.destroy()
      // The crash: the delete of the folded rows fails after the snapshot was written.
      const crash = vi.spyOn(db.updates, 'bulkDelete').mockRejectedValue(new Error('power cut'))
      const crashed = await reopen(db, spaceId, { compactAfterRows: 10 }).catch(() => undefined)
      await crashed?.persistence.flush().catch(() => undefined)
      crash.mockRestore()
      expect(await db.snapshots.get(spaceId)).toBeUndefined() // the half-done transaction was rolled back
      expect(text((await reopen(db, spaceId, { compactAfterRows: 10_000 })).doc)).toBe(
        'c'.repeat(30),
      )
    })

    it('skips and counts a corrupt row instead of failing to open', async () => {
      const db = adapter.openDb()
      const spaceId = newSpaceId()
      const { doc, persistence } = await reopen(db, spaceId)
      doc.getMap('groups').set('a', 1)
      await persistence.destroy()
      await db.updates.add({ spaceId, update: new Uint8Array([255, 1, 2, 3]) })
      const again = new Y.Doc()
      const report = await adapter.attach(db, spaceId, again).whenLoaded
      expect(report.skippedRows).toBe(1)
      expect(again.getMap('groups').get('a')).toBe(1)
    })

    it('keeps edits in memory and editable when the disk is full, and stores them once it is not', async () => {
      const db = adapter.openDb()
      const spaceId = newSpaceId()
      const { doc, persistence } = await reopen(db, spaceId)
      const full = vi
        .spyOn(db.updates, 'bulkAdd')
        .mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
      doc.getText('notes').insert(0, 'kept ')
      await persistence.flush()
      const state = persistence.getSaveState()
      expect(state.kind === 'error' && state.error).toBe('quota-exceeded')
      doc.getText('notes').insert(5, 'in memory')
      expect(text(doc)).toBe('kept in memory')
      full.mockRestore()
      await persistence.flush()
      expect(persistence.getSaveState().kind).toBe('saved')
      await persistence.destroy()
      expect(text((await reopen(db, spaceId)).doc)).toBe('kept in memory')
    })

    it('keeps each space apart', async () => {
      const db = adapter.openDb()
      const [one, two] = [newSpaceId(), newSpaceId()]
      const a = await reopen(db, one)
      const b = await reopen(db, two)
      a.doc.getText('notes').insert(0, 'one')
      b.doc.getText('notes').insert(0, 'two')
      await Promise.all([a.persistence.destroy(), b.persistence.destroy()])
      expect(text((await reopen(db, one)).doc)).toBe('one')
      expect(text((await reopen(db, two)).doc)).toBe('two')
    })
  })
}
