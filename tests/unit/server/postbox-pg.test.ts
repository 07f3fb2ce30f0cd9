// The post box store on a real PostgreSQL that this file starts (tests/support/postgres.ts):
// first the same contract as the embedded store (tests/support/postbox-contract.ts), then what
// only a shared database has: two box processes (two stores, each with its own connection
// pool) appending to one room at once never give two entries one seq nor lose one, and an
// append on one is heard on the other through LISTEN/NOTIFY, also after its listen connection
// dropped.
import pg from 'pg'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { openPostgresStore, type PostgresBoxStore } from '../../../server/postbox/pg'
import { openBoxStore } from '../../../server/postbox/open-store'
import { bodies, storeContract } from '../../support/postbox-contract'
import { startPostgres, type TempPostgres } from '../../support/postgres'

let server: TempPostgres
let admin: pg.Client

beforeAll(async () => {
  server = await startPostgres()
  console.log(`PostgreSQL started for the tests in ${server.startMs} ms`)
  admin = new pg.Client({ connectionString: server.url })
  await admin.connect()
}, 120_000)

afterAll(async () => {
  await admin.end()
  await server.stop()
})

const dropAll = () =>
  admin.query('DROP TABLE IF EXISTS box_entries, box_snapshots, box_rooms, box_meta')

storeContract({
  name: 'postgresql',
  reset: async () => {
    await dropAll()
  },
  open: (limits) => openPostgresStore(server.url, limits, { poolSize: 4 }),
  async exec(text) {
    return (await admin.query<Record<string, unknown>>(text)).rows
  },
})

const ROOM = 'r'.repeat(64)
const HASH = new Uint8Array(32).fill(3)
const T0 = 1_700_000_000_000

/** Resolves once `store` has heard room's head reach `head`. */
function hears(store: PostgresBoxStore, room: string, head: number): Promise<number[]> {
  const heard: number[] = []
  return new Promise((resolve) => {
    const stop = store.onAppend(room, (value) => {
      heard.push(value)
      if (value >= head) {
        stop()
        resolve(heard)
      }
    })
  })
}

describe('post box store (postgresql): two box processes on one database', () => {
  let a: PostgresBoxStore
  let b: PostgresBoxStore

  beforeEach(async () => {
    await dropAll()
    ;[a, b] = await Promise.all([
      openPostgresStore(server.url, {}, { poolSize: 4, reconnectMs: 50 }),
      openPostgresStore(server.url, {}, { poolSize: 4, reconnectMs: 50 }),
    ])
    return async () => {
      await Promise.all([a.close(), b.close()])
    }
  })

  it('numbers concurrent appends from both without repeats, gaps or losses', async () => {
    await a.createRoom(ROOM, HASH, T0)
    // 2 × 30 batches of 1..3 entries, each body naming its writer and batch
    const batch = (writer: number, i: number) =>
      Array.from({ length: 1 + (i % 3) }, (_, k) => Uint8Array.from([writer, i, k]))
    const writes = [a, b].flatMap((store, writer) =>
      Array.from({ length: 30 }, (_, i) =>
        store.append(ROOM, batch(writer, i), T0).then((result) => ({ result, writer, i })),
      ),
    )
    const done = await Promise.all(writes)
    expect(done.every(({ result }) => result.ok)).toBe(true)
    const total = 2 * [...Array(30).keys()].reduce((sum, i) => sum + 1 + (i % 3), 0)
    const page = await b.read(ROOM, 0, { maxEntries: 1000, maxBytes: 1e9 })
    if (!page.ok) throw new Error(page.refusal)
    expect(page.value.head).toBe(total)
    expect(page.value.entries.map((e) => e.seq)).toEqual(
      Array.from({ length: total }, (_, i) => i + 1),
    )
    // every batch is there once, whole and in order, ending at the seq its append returned
    const bySeq = new Map(page.value.entries.map((e) => [e.seq, [...e.body].join('.')]))
    for (const { result, writer, i } of done) {
      const expected = batch(writer, i).map((body) => [...body].join('.'))
      const last = result.ok ? result.value : 0
      const stored = expected.map((_, k) => bySeq.get(last - expected.length + 1 + k))
      expect(stored).toEqual(expected)
    }
    expect(await a.room(ROOM)).toMatchObject({ head: total, entryBytes: total * 3 })
  })

  it('lets only one of two racing creators of a room have it', async () => {
    const other = new Uint8Array(32).fill(4)
    const [first, second] = await Promise.all([
      a.createRoom(ROOM, HASH, T0),
      b.createRoom(ROOM, other, T0),
    ])
    expect([first.ok, second.ok].sort()).toEqual([false, true])
    const winner = first.ok ? HASH : other
    expect((await b.room(ROOM))?.writeHash).toEqual(winner)
  })

  it('lets two processes together create no more rooms than the box may hold', async () => {
    await Promise.all([a.close(), b.close()])
    ;[a, b] = await Promise.all([
      openPostgresStore(server.url, { maxRooms: 3 }, { poolSize: 4 }),
      openPostgresStore(server.url, { maxRooms: 3 }, { poolSize: 4 }),
    ])
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).createRoom(`room-${i}`, HASH, T0)),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(3)
    expect(results.filter((r) => !r.ok)).toEqual(
      Array.from({ length: 5 }, () => ({ ok: false, refusal: 'box-full' })),
    )
    const [count] = (await admin.query<{ n: string }>('SELECT COUNT(*) AS n FROM box_rooms')).rows
    expect(count?.n).toBe('3')
  })

  it('compacts a room once when both processes compact it at the same time', async () => {
    await a.createRoom(ROOM, HASH, T0)
    await a.append(ROOM, bodies(10, 100), T0)
    await b.putSnapshot(ROOM, 6, new Uint8Array([1]), T0)
    const dropped = await Promise.all([a.compact(ROOM, T0 + 1), b.compact(ROOM, T0 + 1)])
    expect(dropped.sort()).toEqual([0, 6])
    expect(await a.room(ROOM)).toMatchObject({ droppedTo: 6, entryBytes: 400, head: 10 })
  })

  it('tells a reader on one process of an append on the other, without polling', async () => {
    await a.createRoom(ROOM, HASH, T0)
    const heard = hears(b, ROOM, 5)
    const sent = performance.now()
    await a.append(ROOM, bodies(2), T0)
    await a.append(ROOM, bodies(3), T0)
    expect(await heard).toEqual([2, 5])
    console.log(`append on A heard on B after ${(performance.now() - sent).toFixed(1)} ms`)
    // what was heard can be read at once
    const page = await b.read(ROOM, 0, { maxEntries: 10, maxBytes: 1e6 })
    expect(page.ok && page.value.entries.length).toBe(5)
  })

  it('hears again after its listen connection dropped, with the heads it missed', async () => {
    await a.createRoom(ROOM, HASH, T0)
    await b.dropListenConnection()
    const heard = hears(b, ROOM, 4)
    await a.append(ROOM, bodies(4), T0) // while B may not be listening
    expect((await heard).at(-1)).toBe(4)
    const later = hears(b, ROOM, 6)
    await a.append(ROOM, bodies(2), T0)
    expect((await later).at(-1)).toBe(6)
  })
})

describe('openBoxStore', () => {
  it('opens PostgreSQL when DATABASE_URL is set, refusing an address of another kind', async () => {
    await dropAll()
    const opened = await openBoxStore({ DATABASE_URL: server.url })
    expect(opened).toMatchObject({ engine: 'postgresql', location: server.url })
    expect((await opened.store.createRoom(ROOM, HASH, T0)).ok).toBe(true)
    await opened.store.close()
    await expect(openBoxStore({ DATABASE_URL: 'mysql://x:secret@host/db' })).rejects.toThrow(
      /PostgreSQL address.*mysql:\/\/x:\*\*\*@host\/db/,
    )
  })

  it('fails clearly, and soon, when the database cannot be reached', async () => {
    const closed = new URL(server.url)
    closed.port = String(Number(closed.port) === 1 ? 2 : 1) // nothing listens on port 1 or 2
    await expect(openBoxStore({ DATABASE_URL: closed.toString() })).rejects.toThrow(/ECONNREFUSED/)
  })

  it('opens the embedded store otherwise, in BOX_DB', async () => {
    const opened = await openBoxStore({ BOX_DB: ':memory:' })
    expect(opened).toMatchObject({ engine: 'embedded', location: ':memory:' })
    expect((await opened.store.createRoom(ROOM, HASH, T0)).ok).toBe(true)
    await opened.store.close()
  })
})
