/**
 * The sync provider between two SEPARATE Chromium processes over our signalling server.
 *
 * Proves what y-webrtc could not (TOOLCHAIN.md): spaces of 1 MB and 5 MB reach a fresh device
 * whole, and two devices made to offer at the same moment connect, 10 times out of 10. Also: a
 * small edit arrives, a device with the wrong key gets nothing, and the signalling server
 * sees only a hashed room name and ciphertext (a logging relay sits in front of it).
 * Self-contained: it bundles its own page (fixtures/sync-page), not the app.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import os from 'node:os'
import path from 'node:path'
import { mkdtemp, rm } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { WebSocket, WebSocketServer, type RawData } from 'ws'
import type { BrowserContext, Page } from 'playwright-core'
import { startSignallingServer } from '../../server/signalling'
import { freePort, serveStatic } from '../support/app-server'
import { launch } from '../support/chromium'
import type { StartOptions } from './fixtures/sync-page/main'

const here = path.dirname(fileURLToPath(import.meta.url))
function asText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8')
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8')
  return Buffer.from(data).toString('utf8')
}

/** A relay in front of the signalling server that logs every frame a client sends it. */
function loggingRelay(port: number, upstreamPort: number, log: string[]): Promise<WebSocketServer> {
  const wss = new WebSocketServer({ port, host: '127.0.0.1' })
  wss.on('connection', (client) => {
    const upstream = new WebSocket(`ws://127.0.0.1:${upstreamPort}`)
    const early: string[] = []
    client.on('message', (data) => {
      const text = asText(data)
      log.push(text)
      if (upstream.readyState === WebSocket.OPEN) upstream.send(text)
      else early.push(text)
    })
    upstream.on('open', () => {
      for (const text of early.splice(0)) upstream.send(text)
    })
    upstream.on('message', (data) => {
      if (client.readyState === WebSocket.OPEN) client.send(asText(data))
    })
    upstream.on('close', () => client.close())
    upstream.on('error', () => client.close())
    client.on('close', () => upstream.close())
  })
  return new Promise((resolve) => wss.on('listening', () => resolve(wss)))
}

const randomHex = (bytes: number) =>
  Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('')

describe('sync provider between two Chromium processes', () => {
  let outDir = ''
  let pageServer: Awaited<ReturnType<typeof serveStatic>> | undefined
  let signal: Awaited<ReturnType<typeof startSignallingServer>> | undefined
  let relay: WebSocketServer | undefined
  let signalUrl = ''
  let pageUrl = ''
  const signalLog: string[] = []
  const contexts: BrowserContext[] = []
  const pageErrors: string[] = []
  const timings: string[] = []

  /** A device: its own Chromium process (support/chromium.ts launch), with the page open. */
  async function openPage(label: string): Promise<Page> {
    const { context, page } = await launch()
    contexts.push(context)
    page.on('pageerror', (error) => pageErrors.push(`${label}: ${error.name}: ${error.message}`))
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(`${label} console: ${msg.text()}`)
    })
    await page.goto(pageUrl)
    await page.waitForFunction(() => typeof window.syncTest === 'object')
    return page
  }

  const start = (page: Page, options: Omit<StartOptions, 'urls'>) =>
    page.evaluate((o) => window.syncTest.start(o), { ...options, urls: [signalUrl] })
  const waitConnected = (page: Page, peers = 1, timeout = 30_000) =>
    page.waitForFunction((n) => window.syncTest.status()?.peers === n, peers, {
      timeout,
      polling: 20,
    })

  beforeAll(async () => {
    outDir = await mkdtemp(path.join(os.tmpdir(), 'weave-sync-page-'))
    await build({
      root: path.join(here, 'fixtures/sync-page'),
      configFile: false,
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, target: 'es2022', minify: false },
    })
    const [signalPort, relayPort] = [await freePort(), await freePort()]
    pageServer = await serveStatic(outDir)
    signal = await startSignallingServer({ port: signalPort, host: '127.0.0.1' })
    relay = await loggingRelay(relayPort, signal.port, signalLog)
    signalUrl = `ws://127.0.0.1:${relayPort}`
    pageUrl = pageServer.url
  })

  afterAll(async () => {
    console.log(`\n[sync-provider e2e timings]\n  ${timings.join('\n  ')}\n`)
    await Promise.all(contexts.map((context) => context.close().catch(() => undefined)))
    await new Promise((resolve) => relay?.close(resolve))
    await signal?.close()
    await pageServer?.close()
    if (outDir) await rm(outDir, { recursive: true, force: true })
  })

  it('a small edit on A reaches B, with presence and status', async () => {
    const [a, b] = [await openPage('A'), await openPage('B')]
    const space = { spaceId: `space-${randomHex(8)}`, key: randomHex(16) }
    await start(a, { ...space, name: 'Ana' })
    await expect
      .poll(() => a.evaluate(() => window.syncTest.status()?.state), { timeout: 10_000 })
      .toBe('looking')
    const t0 = Date.now()
    await start(b, { ...space, name: 'Ben' })
    await Promise.all([waitConnected(a), waitConnected(b)])
    timings.push(`connect: ${Date.now() - t0} ms (B start → both connected, incl. key derivation)`)
    const t1 = Date.now()
    await a.evaluate(() => window.syncTest.set('hello', 'from A'))
    await b.waitForFunction(() => window.syncTest.get('hello') === 'from A', undefined, {
      polling: 5,
    })
    timings.push(`small edit A → B: ${Date.now() - t1} ms (incl. polling)`)
    await expect
      .poll(() => b.evaluate(() => window.syncTest.present().map((p) => p.name)))
      .toEqual(['Ana'])
    const status = await b.evaluate(() => window.syncTest.status())
    expect(status).toMatchObject({ state: 'connected', peers: 1 })
    expect(status?.lastExchange?.peerNames).toEqual(['Ana'])
    await a.evaluate(() => window.syncTest.stop())
    await b.waitForFunction(() => window.syncTest.status()?.peers === 0, undefined, {
      timeout: 30_000,
    })
    await b.evaluate(() => window.syncTest.stop())
    await Promise.all([a.context().close(), b.context().close()])
  })

  for (const megabytes of [1, 5]) {
    it(`a space of ${megabytes} MB reaches a fresh device whole`, async () => {
      const a = await openPage('A')
      const space = { spaceId: `space-${randomHex(8)}`, key: randomHex(16) }
      await start(a, { ...space, name: 'Ana' })
      const source = await a.evaluate((n) => window.syncTest.fill(n * 1024 * 1024), megabytes)
      expect(source.updateBytes).toBeGreaterThan(megabytes * 1024 * 1024)
      const b = await openPage('B')
      const t0 = Date.now()
      await start(b, { ...space, name: 'Ben' })
      await waitConnected(b)
      const connectedAt = Date.now()
      try {
        await b.waitForFunction((n) => window.syncTest.entries() >= n, source.entries, {
          timeout: 120_000,
          polling: 20,
        })
      } catch (error) {
        const debug = await Promise.all(
          [a, b].map((p) => p.evaluate(() => window.syncTest.debug())),
        )
        throw new Error(`not received: ${JSON.stringify(debug)}`, { cause: error })
      }
      const done = Date.now()
      const received = await b.evaluate(() => window.syncTest.summary())
      expect(received).toEqual(source)
      timings.push(
        `${megabytes} MB space (${source.updateBytes} bytes) to a fresh device: ${((done - t0) / 1000).toFixed(2)} s from start ` +
          `(connect ${connectedAt - t0} ms, then ${done - connectedAt} ms until complete)`,
      )
      await Promise.all([
        a.evaluate(() => window.syncTest.stop()),
        b.evaluate(() => window.syncTest.stop()),
      ])
      await Promise.all([a.context().close(), b.context().close()])
    })
  }

  /**
   * Both devices start a link to each other at the same moment, ten times (a new space each
   * time). How many runs connected and carried an edit, their connect times, and for each run
   * a count of the link events both devices logged.
   */
  async function connectAtOnceTenTimes(a: Page, b: Page, options: { forceGlare?: true } = {}) {
    let connected = 0
    const ms: number[] = []
    const runs: ((event: string) => number)[] = []
    for (let run = 0; run < 10; run++) {
      const space = { spaceId: `space-${randomHex(8)}`, key: randomHex(16), autoConnect: false }
      const idA = await start(a, { ...space, ...options, name: 'Ana' })
      const idB = await start(b, { ...space, ...options, name: 'Ben' })
      await a.waitForFunction((id) => window.syncTest.debug()?.knownPeers.includes(id), idB, {
        timeout: 10_000,
      })
      await b.waitForFunction((id) => window.syncTest.debug()?.knownPeers.includes(id), idA, {
        timeout: 10_000,
      })
      const t0 = Date.now()
      await Promise.all([
        a.evaluate((id) => window.syncTest.connectTo(id), idB),
        b.evaluate((id) => window.syncTest.connectTo(id), idA),
      ])
      try {
        await Promise.all([waitConnected(a, 1, 20_000), waitConnected(b, 1, 20_000)])
        await a.evaluate((r) => window.syncTest.set('run', String(r)), run)
        await b.waitForFunction((r) => window.syncTest.get('run') === String(r), run, {
          timeout: 5_000,
        })
        connected++
        ms.push(Date.now() - t0)
      } catch (error) {
        const [da, db] = await Promise.all([
          a.evaluate(() => window.syncTest.debug()),
          b.evaluate(() => window.syncTest.debug()),
        ])
        console.warn(`run ${run} did not connect`, error, JSON.stringify({ a: da, b: db }, null, 1))
      }
      const events = await Promise.all([
        a.evaluate(() => window.syncTest.debug()?.events),
        b.evaluate(() => window.syncTest.debug()?.events),
      ])
      runs.push((name) =>
        events.reduce((n, e) => n + ((e as Record<string, number> | undefined)?.[name] ?? 0), 0),
      )
      await Promise.all([
        a.evaluate(() => window.syncTest.stop()),
        b.evaluate(() => window.syncTest.stop()),
      ])
    }
    return { connected, ms, runs }
  }

  it('two devices that start a link at the same moment connect with one offer, 10 times out of 10', async () => {
    const [a, b] = [await openPage('A'), await openPage('B')]
    const { connected, ms, runs } = await connectAtOnceTenTimes(a, b)
    // only the impolite side offers; the polite one asks for it, so offers never collide
    const singleOffer = runs.filter(
      (total) =>
        total('offer-sent') === 1 &&
        total('collision-ignored') + total('collision-rolled-back') === 0,
    ).length
    timings.push(
      `both start at once: ${connected}/10 connected, ${singleOffer}/10 with a single offer, connect ms ${ms.join(', ')}`,
    )
    expect(connected).toBe(10)
    expect(singleOffer).toBe(10)
    await Promise.all([a.context().close(), b.context().close()])
  })

  it('two devices made to offer at the same moment connect, 10 times out of 10', async () => {
    const [a, b] = [await openPage('A'), await openPage('B')]
    const { connected, ms, runs } = await connectAtOnceTenTimes(a, b, { forceGlare: true })
    // both offered, and one side ignored or rolled back the other's offer
    const collisions = runs.filter(
      (total) =>
        total('offer-sent') >= 2 &&
        total('collision-ignored') + total('collision-rolled-back') >= 1,
    ).length
    const stalls = runs.reduce((n, total) => n + total('stalled'), 0)
    timings.push(
      `forced simultaneous offers: ${connected}/10 connected, ${collisions}/10 real collisions, ${stalls} stalled links started again, connect ms ${ms.join(', ')}`,
    )
    expect(connected).toBe(10)
    expect(collisions).toBe(10)
    await Promise.all([a.context().close(), b.context().close()])
  })

  it('a device with the wrong key gets nothing, and the server sees no space id', async () => {
    const [a, b] = [await openPage('A'), await openPage('B')]
    const c = await openPage('C')
    const space = { spaceId: `space-${randomHex(8)}`, key: randomHex(16) }
    signalLog.length = 0
    await start(a, { ...space, name: 'Ana' })
    await a.evaluate(() => window.syncTest.set('secret', 'only for members'))
    // C (same space id, another key) is in the room while A and B find each other and connect
    await start(c, { spaceId: space.spaceId, key: randomHex(16), name: 'Eve' })
    await start(b, { ...space, name: 'Ben' })
    await Promise.all([waitConnected(a), waitConnected(b)])
    await new Promise((resolve) => setTimeout(resolve, 5_000))
    expect(await c.evaluate(() => window.syncTest.entries())).toBe(0)
    expect(await c.evaluate(() => window.syncTest.status())).toMatchObject({
      state: 'looking',
      peers: 0,
    })
    expect(
      await c.evaluate(() => window.syncTest.debug()?.events.undecryptable ?? 0),
    ).toBeGreaterThan(0)
    expect(
      await a.evaluate(() => window.syncTest.debug()?.events.undecryptable ?? 0),
    ).toBeGreaterThan(0)
    expect(await a.evaluate(() => window.syncTest.status()?.peers)).toBe(1)

    const roomName = await a.evaluate(() => window.syncTest.debug()?.roomName)
    expect(roomName).toMatch(/^[0-9a-f]{64}$/)
    expect(signalLog.length).toBeGreaterThan(0)
    const topics = new Set<string>()
    for (const text of signalLog) {
      expect(text).not.toContain(space.spaceId)
      expect(text).not.toContain(space.key)
      const frame = JSON.parse(text) as { topic?: string; topics?: string[]; data?: unknown }
      // payloads are ciphertext (base64), and nothing else in a frame says what they carry
      if (frame.data !== undefined) expect(frame.data).toMatch(/^[A-Za-z0-9+/]+=*$/)
      expect(JSON.stringify({ ...frame, data: undefined })).not.toMatch(/sdp|candidate|announce/i)
      for (const topic of [frame.topic, ...(frame.topics ?? [])]) if (topic) topics.add(topic)
    }
    expect([...topics]).toEqual([roomName])
    console.log(
      `signalling server saw ${signalLog.length} frames, topics: ${[...topics].join(', ')}`,
    )
    await Promise.all([a, b, c].map((p) => p.evaluate(() => window.syncTest.stop())))
    // Only failed decryptions (OperationError) are expected from the wrong key, nothing else.
    expect(pageErrors.filter((e) => !/OperationError/.test(e))).toEqual([])
  })
  it('two devices offline edit the same and different records, and converge back online', async () => {
    const errorsBefore = pageErrors.length
    const [a, b] = [await openPage('A'), await openPage('B')]
    const space = { spaceId: `space-${randomHex(8)}`, key: randomHex(16) }
    await start(a, { ...space, name: 'Ana' })
    await start(b, { ...space, name: 'Ben' })
    await Promise.all([waitConnected(a), waitConnected(b)])
    await a.evaluate(() => window.syncTest.set('shared', 'first'))
    await b.waitForFunction(() => window.syncTest.get('shared') === 'first')

    await Promise.all([a.context().setOffline(true), b.context().setOffline(true)])
    for (const page of [a, b])
      await page.waitForFunction(() => window.syncTest.status()?.state === 'offline')
    await a.evaluate(() => {
      window.syncTest.set('shared', 'from Ana')
      window.syncTest.set('ana', 'only Ana')
    })
    await b.evaluate(() => {
      window.syncTest.set('shared', 'from Ben')
      window.syncTest.set('ben', 'only Ben')
    })
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    expect(await b.evaluate(() => window.syncTest.get('ana'))).toBeUndefined() // really apart

    await Promise.all([a.context().setOffline(false), b.context().setOffline(false)])
    await Promise.all([waitConnected(a), waitConnected(b)])
    await a.waitForFunction(() => window.syncTest.get('ben') === 'only Ben')
    await b.waitForFunction(() => window.syncTest.get('ana') === 'only Ana')
    const shared = await Promise.all(
      [a, b].map((p) => p.evaluate(() => window.syncTest.get('shared'))),
    )
    expect(shared[0]).toBe(shared[1]) // one of the two concurrent edits, the same on both
    expect(['from Ana', 'from Ben']).toContain(shared[0])
    await Promise.all([a, b].map((p) => p.evaluate(() => window.syncTest.stop())))
    expect(pageErrors.slice(errorsBefore)).toEqual([])
    await Promise.all([a.context().close(), b.context().close()])
  })
})
