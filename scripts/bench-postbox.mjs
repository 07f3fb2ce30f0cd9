#!/usr/bin/env node
// Benchmark: the post box store on its two engines, side by side: appends a second (one entry
// at a time, 8 in flight, batches of 50; and on PostgreSQL two stores with their own pools, as
// two box processes), reading a room from a cursor, and on PostgreSQL how long an append on one
// process takes to be heard on the other (LISTEN/NOTIFY). The embedded store is a SQLite file
// (WAL, synchronous=NORMAL); PostgreSQL is Debian's, started here in a temporary folder with
// fsync on, over TCP on 127.0.0.1. Prints figures; asserts nothing (machines here are noisy).
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer } from 'vite'

const root = join(import.meta.dirname, '..')
const BODY = 200 // bytes: about one small encrypted edit
const T0 = Date.now()
const HASH = new Uint8Array(32).fill(7)

const body = (i) => new Uint8Array(BODY).fill(i % 256)
const ms = (start) => performance.now() - start
const perSecond = (n, elapsed) => Math.round((n / elapsed) * 1000)
const pct = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]

/** n appends to `rooms` (in turn) through `stores` in turn, `inFlight` at once, `batch` entries each */
async function appends(stores, rooms, { n, inFlight, batch }) {
  let next = 0
  const start = performance.now()
  const worker = async (w) => {
    while (next < n) {
      const i = next++
      const store = stores[(w + i) % stores.length]
      const result = await store.append(
        rooms[i % rooms.length],
        Array.from({ length: batch }, (_, k) => body(i + k)),
        T0,
      )
      if (!result.ok) throw new Error(`append refused: ${result.refusal}`)
    }
  }
  await Promise.all(Array.from({ length: inFlight }, (_, w) => worker(w)))
  const elapsed = ms(start)
  return { appends: perSecond(n, elapsed), entries: perSecond(n * batch, elapsed) }
}

async function benchEngine(name, open, second) {
  const rows = []
  const store = await open()
  const shapes = [
    ['1 entry, one at a time', { n: 1000, inFlight: 1, batch: 1 }],
    ['1 entry, 8 in flight', { n: 2000, inFlight: 8, batch: 1 }],
    ['batches of 50, 4 in flight', { n: 200, inFlight: 4, batch: 50 }],
  ]
  for (const [shape, plan] of shapes) {
    const room = `${name}-${rows.length}`
    await store.createRoom(room, HASH, T0)
    rows.push({ engine: name, shape, ...(await appends([store], [room], plan)) })
  }
  const rooms = Array.from({ length: 8 }, (_, i) => `${name}-many-${i}`)
  for (const room of rooms) await store.createRoom(room, HASH, T0)
  const spread = await appends([store], rooms, { n: 2000, inFlight: 8, batch: 1 })
  rows.push({ engine: name, shape: '1 entry, 8 in flight, 8 rooms', ...spread })
  if (second) {
    const other = await second()
    const room = `${name}-two`
    await store.createRoom(room, HASH, T0)
    const plan = { n: 2000, inFlight: 8, batch: 1 }
    rows.push({
      engine: name,
      shape: 'two stores (processes), 8 in flight',
      ...(await appends([store, other], [room], plan)),
    })
    await other.close()
  }

  // Reading: a room of 10,000 entries read from 0 in pages of 100, then the newest 10 again and again.
  const room = `${name}-read`
  await store.createRoom(room, HASH, T0)
  for (let i = 0; i < 100; i++)
    await store.append(
      room,
      Array.from({ length: 100 }, (_, k) => body(k)),
      T0,
    )
  let cursor = 0
  let pages = 0
  const start = performance.now()
  while (cursor < 10_000) {
    const page = await store.read(room, cursor, { maxEntries: 100, maxBytes: 1 << 20 })
    if (!page.ok) throw new Error(page.refusal)
    cursor = page.value.entries.at(-1).seq
    pages++
  }
  const whole = ms(start)
  const tail = []
  for (let i = 0; i < 300; i++) {
    const t = performance.now()
    await store.read(room, 9_990, { maxEntries: 100, maxBytes: 1 << 20 })
    tail.push(ms(t))
  }
  tail.sort((a, b) => a - b)
  const read = {
    engine: name,
    'read 10,000 from 0 (entries/s)': perSecond(10_000, whole),
    'ms per page of 100': +(whole / pages).toFixed(2),
    'newest 10 from a cursor, p50 ms': +pct(tail, 50).toFixed(2),
    p95: +pct(tail, 95).toFixed(2),
  }
  await store.close()
  return { rows, read }
}

async function heardAcross(open) {
  const [a, b] = [await open(), await open()]
  const room = 'heard'
  await a.createRoom(room, HASH, T0)
  const delays = []
  for (let i = 1; i <= 200; i++) {
    const heard = new Promise((resolve) => {
      const stop = b.onAppend(room, (head) => {
        if (head >= i) {
          stop()
          resolve(performance.now())
        }
      })
    })
    const start = performance.now()
    await a.append(room, [body(i)], T0)
    delays.push((await heard) - start)
  }
  delays.sort((x, y) => x - y)
  await Promise.all([a.close(), b.close()])
  return {
    'from append on A to heard on B, p50 ms': +pct(delays, 50).toFixed(2),
    p95: +pct(delays, 95).toFixed(2),
    max: +delays.at(-1).toFixed(2),
  }
}

export async function benchPostbox() {
  const vite = await createServer({
    configFile: false,
    root,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
    optimizeDeps: { noDiscovery: true },
  })
  const dir = await mkdtemp(join(tmpdir(), 'weave-bench-box-'))
  let postgres
  try {
    const { openEmbeddedStore } = await vite.ssrLoadModule('/server/postbox/embedded.ts')
    const { openPostgresStore } = await vite.ssrLoadModule('/server/postbox/pg.ts')
    const { startPostgres } = await vite.ssrLoadModule('/tests/support/postgres.ts')
    const embedded = await benchEngine('embedded', () => openEmbeddedStore(join(dir, 'box.sqlite')))
    postgres = await startPostgres({ durable: true })
    console.log(`PostgreSQL started in ${postgres.startMs} ms (initdb + start, fsync on)`)
    const openPg = () => openPostgresStore(postgres.url)
    const pg = await benchEngine('postgresql', openPg, openPg)
    console.log(`Appends of ${BODY}-byte entries per second (one room unless said):`)
    console.table([...embedded.rows, ...pg.rows])
    console.log('Reading a room of 10,000 entries from a cursor:')
    console.table([embedded.read, pg.read])
    console.log('PostgreSQL, two stores on their own pools (two box processes), LISTEN/NOTIFY:')
    console.table([await heardAcross(openPg)])
  } finally {
    await postgres?.stop()
    await rm(dir, { recursive: true, force: true })
    await vite.close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchPostbox()
