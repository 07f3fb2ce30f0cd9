// Two box processes' worth of servers on one PostgreSQL: a phone on one box and a phone on the
// other see each other's entries live, as behind a load balancer.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startServer } from '../../../server/app-server'
import { openPostgresStore } from '../../../server/postbox/pg'
import { toBase64 } from '../../../src/sync/base64'
import { readBase64 } from '../../../src/sync/wire/postbox'
import { closeBoxClients, connectBox } from '../../support/box-client'
import { startPostgres, type TempPostgres } from '../../support/postgres'

const quiet = { info: () => undefined, warn: () => undefined }
const ROOM = 'p'.repeat(43)
const TOKEN = 'q'.repeat(43)

let database: TempPostgres
let workDir = ''

beforeAll(async () => {
  database = await startPostgres()
  workDir = await mkdtemp(path.join(tmpdir(), 'weave-box-pg-'))
  await mkdir(path.join(workDir, 'dist'))
  await writeFile(path.join(workDir, 'dist', 'index.html'), '<!doctype html><title>W</title>')
}, 120_000)

afterAll(async () => {
  closeBoxClients()
  await database.stop()
  await rm(workDir, { recursive: true, force: true })
})

it('a phone on one box process hears and reads what a phone on another wrote', async () => {
  const boxes = await Promise.all(
    [1, 2].map(async () =>
      startServer({
        root: path.join(workDir, 'dist'),
        port: 0,
        host: '127.0.0.1',
        signalPort: null,
        logger: quiet,
        boxStore: await openPostgresStore(database.url, {}, { poolSize: 2 }),
      }),
    ),
  )
  try {
    const [first, second] = boxes as [(typeof boxes)[0], (typeof boxes)[0]]
    const a = await connectBox(first.port)
    const b = await connectBox(second.port)
    expect(await a.ask({ t: 'open', room: ROOM, token: TOKEN })).toMatchObject({ t: 'opened' })
    expect(await b.ask({ t: 'open', room: ROOM, token: TOKEN })).toMatchObject({ head: 0 })

    const body = toBase64(Uint8Array.from([4, 2]))
    expect(await a.ask({ t: 'append', id: 1, entries: [body] })).toEqual({
      t: 'appended',
      id: 1,
      head: 1,
    })
    expect(await b.next()).toEqual({ t: 'head', head: 1 }) // through LISTEN/NOTIFY
    const read = await b.ask({ t: 'read', id: 2, after: 0 })
    const [entry] = read.entries as { seq: number; body: string }[]
    expect([...(readBase64(entry?.body) ?? [])]).toEqual([4, 2])
  } finally {
    await Promise.all(boxes.map((box) => box.close()))
  }
})
