// The post box at /box on the app's port, as a phone and a hostile client meet it: a room made
// by its first writer, entries kept for a phone that comes later, live heads, and refusals
// that store nothing and leave the box serving everyone else.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startServer } from '../../../server/app-server'
import { openEmbeddedStore } from '../../../server/postbox/embedded'
import type { BoxStore } from '../../../server/postbox/store'
import { toBase64 } from '../../../src/sync/base64'
import { readBase64 } from '../../../src/sync/wire/postbox'
import { closeBoxClients, connectBox as connect } from '../../support/box-client'

type Server = Awaited<ReturnType<typeof startServer>>

const quiet = { info: () => undefined, warn: () => undefined }
const ROOM = 'r'.repeat(43)
const TOKEN = 't'.repeat(43)
const OTHER_TOKEN = 'u'.repeat(43)
const bytes = (...values: number[]) => Uint8Array.from(values)

let workDir = ''
let server: Server | undefined
let store: BoxStore

beforeEach(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'weave-box-'))
  await mkdir(path.join(workDir, 'dist'))
  await writeFile(path.join(workDir, 'dist', 'index.html'), '<!doctype html><title>W</title>')
  store = await openEmbeddedStore(':memory:', { maxEntryBytes: 1024, maxBatchEntries: 10 })
})

afterEach(async () => {
  closeBoxClients()
  await server?.close()
  server = undefined
  await rm(workDir, { recursive: true, force: true })
})

async function start(limits = {}) {
  server = await startServer({
    root: path.join(workDir, 'dist'),
    port: 0,
    host: '127.0.0.1',
    signalPort: null,
    logger: quiet,
    boxStore: store,
    boxLimits: limits,
  })
  return server
}

const entries = (...list: Uint8Array[]) => list.map(toBase64)

describe('the post box at /box', () => {
  it('keeps a phone’s entries for a phone that comes later, and tells a waiting one at once', async () => {
    const { port } = await start()
    const a = await connect(port)
    expect(await a.ask({ t: 'open', room: ROOM, token: TOKEN })).toEqual({
      t: 'opened',
      head: 0,
      snapshotUpTo: 0,
    })
    const sent = await a.ask({ t: 'append', id: 1, entries: entries(bytes(1, 2), bytes(3)) })
    expect(sent).toEqual({ t: 'appended', id: 1, head: 2 })
    a.socket.close()

    const b = await connect(port) // later, with A gone
    expect(await b.ask({ t: 'open', room: ROOM, token: TOKEN })).toMatchObject({ head: 2 })
    const read = await b.ask({ t: 'read', id: 7, after: 0 })
    expect(read).toMatchObject({ t: 'entries', id: 7, head: 2 })
    const got = (read.entries as { seq: number; body: string }[]).map((e) => [
      e.seq,
      [...(readBase64(e.body) ?? [])],
    ])
    expect(got).toEqual([
      [1, [1, 2]],
      [2, [3]],
    ])

    const c = await connect(port)
    await c.ask({ t: 'open', room: ROOM, token: TOKEN })
    await c.ask({ t: 'append', id: 1, entries: entries(bytes(9)) })
    expect(await b.next()).toEqual({ t: 'head', head: 3 }) // B hears C's entry live
  })

  it('stores and hands back the latest snapshot', async () => {
    const { port } = await start()
    const a = await connect(port)
    await a.ask({ t: 'open', room: ROOM, token: TOKEN })
    await a.ask({ t: 'append', id: 1, entries: entries(bytes(1), bytes(2)) })
    expect(await a.ask({ t: 'get-snapshot', id: 2 })).toEqual({
      t: 'snapshot',
      id: 2,
      upTo: 0,
      body: '',
    })
    const body = toBase64(bytes(7, 7, 7))
    expect(await a.ask({ t: 'put-snapshot', id: 3, upTo: 2, body })).toEqual({
      t: 'snapshot-stored',
      id: 3,
    })
    expect(await a.ask({ t: 'get-snapshot', id: 4 })).toEqual({
      t: 'snapshot',
      id: 4,
      upTo: 2,
      body,
    })
    expect(await a.ask({ t: 'put-snapshot', id: 5, upTo: 9, body })).toEqual({
      t: 'refused',
      id: 5,
      reason: 'snapshot-out-of-order',
    })
  })

  it('refuses a wrong write token: nothing read, nothing stored', async () => {
    const { port } = await start()
    const owner = await connect(port)
    await owner.ask({ t: 'open', room: ROOM, token: TOKEN })
    await owner.ask({ t: 'append', id: 1, entries: entries(bytes(1)) })

    const stranger = await connect(port)
    expect(await stranger.ask({ t: 'open', room: ROOM, token: OTHER_TOKEN })).toEqual({
      t: 'refused',
      reason: 'wrong-token',
    })
    expect(await stranger.ask({ t: 'read', id: 1, after: 0 })).toEqual({
      t: 'refused',
      id: 1,
      reason: 'not-open',
    })
    expect(await stranger.ask({ t: 'append', id: 2, entries: entries(bytes(6)) })).toEqual({
      t: 'refused',
      id: 2,
      reason: 'not-open',
    })
    expect((await store.room(ROOM))?.head).toBe(1)
  })

  it('refuses entries over the limits with the store’s reason, storing none of the batch', async () => {
    const { port } = await start()
    const a = await connect(port)
    await a.ask({ t: 'open', room: ROOM, token: TOKEN })
    const big = new Uint8Array(1025)
    expect(await a.ask({ t: 'append', id: 1, entries: entries(bytes(1), big) })).toEqual({
      t: 'refused',
      id: 1,
      reason: 'entry-too-large',
    })
    const eleven = Array.from({ length: 11 }, () => toBase64(bytes(1)))
    expect(await a.ask({ t: 'append', id: 2, entries: eleven })).toEqual({
      t: 'refused',
      reason: 'bad-request',
    })
    expect((await store.room(ROOM))?.head).toBe(0)
  })

  it('answers garbage with bad-request, closes a client that keeps sending it, serves others', async () => {
    const { port } = await start()
    const bad = await connect(port)
    const frames = [
      'not json {',
      '[]',
      JSON.stringify({ t: 'open', room: 'short', token: TOKEN }),
      JSON.stringify({ t: 'append', id: 1, entries: ['%%%'] }),
      JSON.stringify({ t: 'read', id: -1, after: 0 }),
    ]
    for (const frame of frames.slice(0, 4))
      expect(await bad.ask(frame)).toEqual({ t: 'refused', reason: 'bad-request' })
    bad.send(frames[4]!)
    expect(await bad.closed).toBe(1007)

    const good = await connect(port)
    expect(await good.ask({ t: 'open', room: ROOM, token: TOKEN })).toMatchObject({ t: 'opened' })
  })

  it('closes a flooding client and keeps serving the others', async () => {
    const { port } = await start({ messagesPerSecond: 5, messageBurst: 10 })
    const flood = await connect(port)
    const good = await connect(port)
    for (let i = 0; i < 40; i++) flood.send({ t: 'get-snapshot', id: i })
    expect(await flood.closed).toBe(1008)
    expect(await good.ask({ t: 'open', room: ROOM, token: TOKEN })).toMatchObject({ t: 'opened' })
  })

  it('refuses a second room on one connection', async () => {
    const { port } = await start()
    const a = await connect(port)
    await a.ask({ t: 'open', room: ROOM, token: TOKEN })
    expect(await a.ask({ t: 'open', room: 'x'.repeat(43), token: TOKEN })).toEqual({
      t: 'refused',
      reason: 'already-open',
    })
  })
})
