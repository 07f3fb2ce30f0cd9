// The post box store's contract, run against each engine (embedded SQLite in
// postbox-store.test.ts, PostgreSQL in postbox-pg.test.ts): an append-only log per room read
// from a cursor, snapshots covering entries up to N, compaction after a grace period, quotas
// that refuse and store nothing, and listeners told of appends. The bodies are opaque bytes:
// what goes in comes out byte for byte.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BoxLimits, BoxStore } from '../../server/postbox/store'

export interface ContractEngine {
  readonly name: string
  /** an empty database before each test */
  reset(): Promise<void>
  /** a store on that database (opened again after close: the same data) */
  open(limits?: Partial<BoxLimits>): Promise<BoxStore>
  /** SQL run on the database directly, as another program would */
  exec(text: string): Promise<readonly Record<string, unknown>[]>
  /** after each test */
  cleanUp?(): Promise<void>
}

const ROOM = 'a'.repeat(64)
const HASH = new Uint8Array(32).fill(1)
const T0 = 1_700_000_000_000

/** n bodies of `size` bytes, each filled with its own number so they can be told apart */
export const bodies = (n: number, size = 10, from = 1) =>
  Array.from({ length: n }, (_, i) => new Uint8Array(size).fill((from + i) % 256))

const seqs = (entries: readonly { seq: number }[]) => entries.map((e) => e.seq)

export function storeContract(engine: ContractEngine): void {
  let store: BoxStore
  const open = (limits: Partial<BoxLimits> = {}) => engine.open(limits)

  beforeEach(async () => {
    await engine.reset()
    store = await open()
  })

  afterEach(async () => {
    await store.close()
    await engine.cleanUp?.()
  })

  describe(`post box store (${engine.name}): rooms`, () => {
    it('creates a room once, guarded by the hash it was created with', async () => {
      const created = await store.createRoom(ROOM, HASH, T0)
      expect(created).toMatchObject({ ok: true, value: { head: 0, entryBytes: 0, createdAt: T0 } })
      expect(await store.createRoom(ROOM, HASH, T0 + 5)).toMatchObject({
        ok: true,
        value: { createdAt: T0 },
      })
      expect(await store.createRoom(ROOM, new Uint8Array(32).fill(2), T0)).toEqual({
        ok: false,
        refusal: 'room-exists',
      })
      expect((await store.room(ROOM))?.writeHash).toEqual(new Uint8Array(HASH))
      expect(await store.room('b'.repeat(64))).toBeNull()
    })

    it('refuses rooms past the box limit', async () => {
      await store.close()
      store = await open({ maxRooms: 2 })
      expect((await store.createRoom('r1', HASH, T0)).ok).toBe(true)
      expect((await store.createRoom('r2', HASH, T0)).ok).toBe(true)
      expect(await store.createRoom('r3', HASH, T0)).toEqual({ ok: false, refusal: 'box-full' })
      expect(await store.room('r3')).toBeNull()
    })

    it('deletes a room with everything in it', async () => {
      await store.createRoom(ROOM, HASH, T0)
      await store.append(ROOM, bodies(3), T0)
      await store.putSnapshot(ROOM, 3, new Uint8Array([9]), T0)
      expect(await store.deleteRoom(ROOM)).toBe(true)
      expect(await store.deleteRoom(ROOM)).toBe(false)
      expect(await store.room(ROOM)).toBeNull()
      expect(await store.latestSnapshot(ROOM)).toBeNull()
      expect(await store.read(ROOM, 0, { maxEntries: 10, maxBytes: 1e6 })).toEqual({
        ok: false,
        refusal: 'no-room',
      })
    })
  })

  describe(`post box store (${engine.name}): entries`, () => {
    beforeEach(async () => {
      await store.createRoom(ROOM, HASH, T0)
    })

    it('appends entries with consecutive numbers and reads them back from a cursor', async () => {
      expect(await store.append(ROOM, bodies(3, 10, 1), T0)).toEqual({ ok: true, value: 3 })
      expect(await store.append(ROOM, bodies(2, 10, 4), T0 + 1)).toEqual({ ok: true, value: 5 })
      const all = await store.read(ROOM, 0, { maxEntries: 100, maxBytes: 1e6 })
      expect(all.ok && seqs(all.value.entries)).toEqual([1, 2, 3, 4, 5])
      expect(all.ok && all.value.entries.map((e) => e.body[0])).toEqual([1, 2, 3, 4, 5])
      expect(all.ok && all.value.entries[4]?.storedAt).toBe(T0 + 1)
      const rest = await store.read(ROOM, 3, { maxEntries: 100, maxBytes: 1e6 })
      expect(rest).toMatchObject({ ok: true, value: { head: 5 } })
      expect(rest.ok && seqs(rest.value.entries)).toEqual([4, 5])
      const none = await store.read(ROOM, 5, { maxEntries: 100, maxBytes: 1e6 })
      expect(none).toEqual({ ok: true, value: { entries: [], head: 5 } })
    })

    it('keeps the bytes as they were sent, zeros and all', async () => {
      const body = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) % 256)
      await store.append(ROOM, [body.subarray(10, 900)], T0)
      const page = await store.read(ROOM, 0, { maxEntries: 1, maxBytes: 1e6 })
      expect(page.ok && [...(page.value.entries[0]?.body ?? [])]).toEqual([
        ...body.subarray(10, 900),
      ])
    })

    it('reads in pages bounded by entries and by bytes, at least one entry each', async () => {
      await store.append(ROOM, bodies(10, 100), T0)
      const byCount = await store.read(ROOM, 0, { maxEntries: 4, maxBytes: 1e6 })
      expect(byCount.ok && seqs(byCount.value.entries)).toEqual([1, 2, 3, 4])
      const byBytes = await store.read(ROOM, 4, { maxEntries: 100, maxBytes: 250 })
      expect(byBytes.ok && seqs(byBytes.value.entries)).toEqual([5, 6])
      const tiny = await store.read(ROOM, 6, { maxEntries: 100, maxBytes: 1 })
      expect(tiny.ok && seqs(tiny.value.entries)).toEqual([7])
    })

    it('numbers concurrent appends without gaps or repeats', async () => {
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) => store.append(ROOM, bodies(1, 5, i), T0)),
      )
      expect(results.map((r) => (r.ok ? r.value : 0)).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 40 }, (_, i) => i + 1),
      )
      const page = await store.read(ROOM, 0, { maxEntries: 100, maxBytes: 1e6 })
      expect(page.ok && seqs(page.value.entries)).toEqual(
        Array.from({ length: 40 }, (_, i) => i + 1),
      )
    })

    it('refuses oversized entries, bad batches, full rooms and unknown rooms, storing nothing', async () => {
      await store.close()
      store = await open({ maxEntryBytes: 100, maxRoomBytes: 250, maxBatchEntries: 3 })
      await store.append(ROOM, bodies(2, 100), T0)
      const before = await store.room(ROOM)
      const cases = [
        [store.append(ROOM, bodies(1, 101), T0), 'entry-too-large'],
        [store.append(ROOM, [...bodies(1, 10), ...bodies(1, 101)], T0), 'entry-too-large'],
        [store.append(ROOM, [], T0), 'bad-batch'],
        [store.append(ROOM, bodies(4, 1), T0), 'bad-batch'],
        [store.append(ROOM, bodies(1, 51), T0), 'room-full'],
        [store.append('nowhere', bodies(1, 1), T0), 'no-room'],
      ] as const
      for (const [result, refusal] of cases) {
        expect(await result, refusal).toEqual({ ok: false, refusal })
      }
      expect(await store.room(ROOM)).toEqual(before)
      expect(before).toMatchObject({ head: 2, entryBytes: 200 })
      expect(await store.append(ROOM, bodies(1, 50), T0)).toEqual({ ok: true, value: 3 })
    })
  })

  describe(`post box store (${engine.name}): snapshots and compaction`, () => {
    beforeEach(async () => {
      await store.createRoom(ROOM, HASH, T0)
      await store.append(ROOM, bodies(5, 100), T0)
      await store.append(ROOM, bodies(5, 100, 6), T0 + 60_000)
    })

    it('keeps the newest snapshots, each covering entries up to N', async () => {
      expect(await store.latestSnapshot(ROOM)).toBeNull()
      for (const upTo of [3, 6, 9]) {
        expect(await store.putSnapshot(ROOM, upTo, new Uint8Array([upTo]), T0 + upTo)).toEqual({
          ok: true,
          value: null,
        })
      }
      expect(await store.latestSnapshot(ROOM)).toEqual({
        upTo: 9,
        body: new Uint8Array([9]),
        storedAt: T0 + 9,
      })
      const kept = await engine.exec(
        'SELECT CAST(up_to AS INTEGER) AS up_to FROM box_snapshots ORDER BY up_to',
      )
      expect(kept).toEqual([{ up_to: 6 }, { up_to: 9 }])
    })

    it('refuses a snapshot ahead of the log, not newer than the latest, or too large', async () => {
      await store.close()
      store = await open({ maxSnapshotBytes: 10 })
      await store.putSnapshot(ROOM, 5, new Uint8Array(10), T0)
      const cases = [
        [store.putSnapshot(ROOM, 11, new Uint8Array(1), T0), 'snapshot-out-of-order'],
        [store.putSnapshot(ROOM, 0, new Uint8Array(1), T0), 'snapshot-out-of-order'],
        [store.putSnapshot(ROOM, 5, new Uint8Array(1), T0), 'snapshot-out-of-order'],
        [store.putSnapshot(ROOM, 4, new Uint8Array(1), T0), 'snapshot-out-of-order'],
        [store.putSnapshot(ROOM, 7, new Uint8Array(11), T0), 'snapshot-too-large'],
        [store.putSnapshot('nowhere', 1, new Uint8Array(1), T0), 'no-room'],
      ] as const
      for (const [result, refusal] of cases) {
        expect(await result, refusal).toEqual({ ok: false, refusal })
      }
      expect(await store.latestSnapshot(ROOM)).toMatchObject({ upTo: 5 })
    })

    it('drops covered entries only after the grace period, and frees their quota', async () => {
      expect(await store.compact(ROOM, T0 + 1e9)).toBe(0) // no snapshot: nothing is covered
      await store.putSnapshot(ROOM, 8, new Uint8Array([1]), T0 + 60_000)
      // Entries 6..8 were stored at T0 + 60 s: still in their grace period at T0 + 30 s.
      expect(await store.compact(ROOM, T0 + 30_000)).toBe(5)
      expect(await store.room(ROOM)).toMatchObject({ droppedTo: 5, entryBytes: 500, head: 10 })
      expect(await store.compact(ROOM, T0 + 30_000)).toBe(0)
      expect(await store.compact(ROOM, T0 + 120_000)).toBe(3)
      expect(await store.room(ROOM)).toMatchObject({ droppedTo: 8, entryBytes: 200 })
      // A reader behind the dropped entries must take the snapshot first; after it, reads go on.
      expect(await store.read(ROOM, 7, { maxEntries: 10, maxBytes: 1e6 })).toEqual({
        ok: false,
        refusal: 'cursor-compacted',
      })
      const after = await store.read(ROOM, 8, { maxEntries: 10, maxBytes: 1e6 })
      expect(after.ok && seqs(after.value.entries)).toEqual([9, 10])
      expect(await store.append(ROOM, bodies(1), T0)).toEqual({ ok: true, value: 11 })
    })
  })

  describe(`post box store (${engine.name}): the database`, () => {
    it('keeps everything across a restart', async () => {
      await store.createRoom(ROOM, HASH, T0)
      await store.append(ROOM, bodies(3), T0)
      await store.putSnapshot(ROOM, 2, new Uint8Array([7]), T0)
      await store.close()
      store = await open()
      expect(await store.room(ROOM)).toMatchObject({ head: 3, snapshotUpTo: 2, entryBytes: 30 })
      const page = await store.read(ROOM, 0, { maxEntries: 10, maxBytes: 1e6 })
      expect(page.ok && seqs(page.value.entries)).toEqual([1, 2, 3])
    })

    it('refuses to open a database of another schema version', async () => {
      await store.close()
      await engine.exec("UPDATE box_meta SET value = '99' WHERE key = 'schema'")
      await expect(open()).rejects.toThrow(/schema 99, expected 1/)
      await engine.exec("UPDATE box_meta SET value = '1' WHERE key = 'schema'")
      store = await open() // for afterEach to close
    })
  })

  describe(`post box store (${engine.name}): hearing of appends`, () => {
    beforeEach(async () => {
      await store.createRoom(ROOM, HASH, T0)
      await store.createRoom('other', HASH, T0)
    })

    it("tells a room's listeners its new head once an append has committed", async () => {
      const heads: number[] = []
      const others: number[] = []
      const stop = store.onAppend(ROOM, (head) => {
        heads.push(head)
      })
      store.onAppend('other', (head) => others.push(head))
      await store.append(ROOM, bodies(3), T0)
      expect(heads).toEqual([3])
      await store.append(ROOM, bodies(300, 1), T0) // refused (bad batch): nothing to hear
      await store.append(ROOM, bodies(1), T0)
      expect(heads).toEqual([3, 4])
      stop()
      await store.append(ROOM, bodies(1), T0)
      expect(heads).toEqual([3, 4])
      expect(others).toEqual([])
    })
  })
}
