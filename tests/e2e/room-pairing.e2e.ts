/**
 * Room pairing between two SEPARATE Chromium processes with no signalling server at all and
 * every WebSocket refused: the offer and answer codes are the only thing that passes between
 * them (here through the test; the app's screen scans them, tests/e2e/room.e2e.ts). Proves the
 * link opens, a 5 MB space arrives whole (chunked, guarded, room-key encrypted), edits flow
 * both ways, both phones compute the same check, and foreign, expired and reused codes are
 * refused. Self-contained: it bundles its own page (fixtures/room-page), not the app.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { chromium, type Browser, type Page } from 'playwright-core'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium'
import type { RoomStartOptions } from './fixtures/room-page/main'

const here = path.dirname(fileURLToPath(import.meta.url))

function serveStatic(root: string): Promise<{ server: http.Server; url: string }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' }
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const file = path.join(root, url.pathname === '/' ? 'index.html' : path.normalize(url.pathname))
    if (!file.startsWith(root)) return void res.writeHead(403).end()
    readFile(file)
      .then((body) =>
        res
          .writeHead(200, {
            'content-type': types[path.extname(file)] ?? 'application/octet-stream',
          })
          .end(body),
      )
      .catch(() => res.writeHead(404).end())
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      resolve({ server, url: `http://127.0.0.1:${port}/` })
    }),
  )
}

const randomHex = (bytes: number) =>
  Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('')

describe('room pairing by codes between two Chromium processes, no server', () => {
  let outDir = ''
  let pageServer: http.Server | undefined
  let pageUrl = ''
  const browsers: Browser[] = []
  const pageErrors: string[] = []
  const sockets: string[] = []
  const figures: string[] = []

  async function openPage(browser: Browser, label: string): Promise<Page> {
    const context = await browser.newContext()
    await context.grantPermissions(['camera', 'microphone'])
    // every WebSocket refused: nothing may depend on a signalling server
    await context.routeWebSocket(/.*/, (ws) => {
      sockets.push(ws.url())
      void ws.close()
    })
    const page = await context.newPage()
    page.on('pageerror', (error) => pageErrors.push(`${label}: ${error.name}: ${error.message}`))
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(`${label} console: ${msg.text()}`)
    })
    await page.goto(pageUrl)
    await page.waitForFunction(() => typeof window.roomTest === 'object')
    return page
  }

  const start = (page: Page, options: RoomStartOptions) =>
    page.evaluate((o) => window.roomTest.start(o), options)

  beforeAll(async () => {
    outDir = await mkdtemp(path.join(os.tmpdir(), 'weave-room-page-'))
    await build({
      root: path.join(here, 'fixtures/room-page'),
      configFile: false,
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, target: 'es2022', minify: false },
    })
    const served = await serveStatic(outDir)
    pageServer = served.server
    pageUrl = served.url
    for (let i = 0; i < 3; i++)
      browsers.push(await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }))
  })

  afterAll(async () => {
    console.log(`\n[room-pairing e2e figures]\n  ${figures.join('\n  ')}\n`)
    for (const browser of browsers) await browser.close()
    await new Promise((resolve) => pageServer?.close(resolve))
    if (outDir) await rm(outDir, { recursive: true, force: true })
  })

  it('pairs by offer and answer codes; 5 MB arrives whole; edits flow both ways', async () => {
    const [a, b] = [await openPage(browsers[0]!, 'A'), await openPage(browsers[1]!, 'B')]
    const space = { spaceId: `space-${randomHex(8)}`, key: randomHex(32) }
    await start(a, { ...space, name: 'Amal' })
    await start(b, { ...space, name: 'Ben' })
    await a.evaluate(() => window.roomTest.fill(5 * 1024 * 1024))
    const sent = await a.evaluate(() => window.roomTest.summary())
    await b.evaluate(() => window.roomTest.set('from-ben', 'hello Amal'))

    const t0 = Date.now()
    const offer = await a.evaluate(() => window.roomTest.offer())
    expect(offer.error).toBeUndefined()
    figures.push(`offer: ${offer.code!.length} characters, gathered in ${offer.ms} ms`)
    const answer = await b.evaluate((code) => window.roomTest.answer(code), offer.code!)
    expect(answer.error).toBeUndefined()
    figures.push(`answer: ${answer.code!.length} characters, gathered in ${answer.ms} ms`)
    const t1 = Date.now()
    const accepted = await a.evaluate((code) => window.roomTest.accept(code), answer.code!)
    expect(accepted.error).toBeUndefined()
    expect(accepted.check).toMatch(/^\d{4}$/)
    expect(accepted.check).toBe(answer.check)

    for (const page of [a, b])
      await page.waitForFunction(() => window.roomTest.opened().includes('open'), undefined, {
        timeout: 30_000,
      })
    figures.push(`last scan → channel open: ${Date.now() - t1} ms`)
    await b.waitForFunction(
      (entries) => window.roomTest.links()[0]?.upToDate === true && entries > 0,
      sent.entries,
      { timeout: 60_000 },
    )
    figures.push(`offer → 5 MB up to date on B: ${Date.now() - t0} ms`)
    expect(await b.evaluate(() => window.roomTest.summary())).toEqual(sent)
    expect(await a.evaluate(() => window.roomTest.get('from-ben'))).toBe('hello Amal')
    const linkOnB = (await b.evaluate(() => window.roomTest.links()))[0]!
    expect(linkOnB).toMatchObject({ check: answer.check, names: ['Amal'], open: true })
    expect(linkOnB.receivedBytes).toBeGreaterThan(5 * 1024 * 1024)
    await expect.poll(() => a.evaluate(() => window.roomTest.links()[0]?.names)).toEqual(['Ben'])

    // a live edit after the first sync
    await a.evaluate(() => window.roomTest.set('live', 'later edit'))
    await b.waitForFunction(() => window.roomTest.get('live') === 'later edit')

    // single use: the same offer is not answered twice, an answer is not taken twice
    expect(await b.evaluate((code) => window.roomTest.answer(code), offer.code!)).toMatchObject({
      error: 'already-used',
    })
    expect(await a.evaluate((code) => window.roomTest.accept(code), answer.code!)).toEqual({
      error: 'already-used',
    })
    expect(sockets).toEqual([]) // nothing even tried a WebSocket
    expect(pageErrors).toEqual([])
  })

  it('refuses a code of another space, an expired one, and the wrong kind', async () => {
    const [a, b] = [await openPage(browsers[0]!, 'A'), await openPage(browsers[1]!, 'B')]
    const space = { spaceId: `space-${randomHex(8)}`, key: randomHex(32) }
    await start(a, { ...space, name: 'Amal' })
    await start(b, { spaceId: `space-${randomHex(8)}`, key: randomHex(32), name: 'Stranger' })
    const offer = await a.evaluate(() => window.roomTest.offer())
    expect(await b.evaluate((code) => window.roomTest.answer(code), offer.code!)).toMatchObject({
      error: 'other-space',
    })
    await start(b, { ...space, name: 'Ben', clockOffsetMs: 121_000 })
    expect(await b.evaluate((code) => window.roomTest.answer(code), offer.code!)).toMatchObject({
      error: 'expired',
    })
    await b.evaluate(() => window.roomTest.setClockOffset(0))
    // an offer scanned where an answer is expected
    expect(await a.evaluate((code) => window.roomTest.accept(code), offer.code!)).toEqual({
      error: 'wrong-kind',
    })
    expect(await b.evaluate(() => window.roomTest.answer('https://example.org/'))).toMatchObject({
      error: 'not-a-room-code',
    })
    // the answer to another offer is not taken
    const other = await start(a, { ...space, name: 'Amal' }).then(() =>
      a.evaluate(() => window.roomTest.offer()),
    )
    const answer = await b.evaluate((code) => window.roomTest.answer(code), other.code!)
    expect(answer.error).toBeUndefined()
    await a.evaluate(() => window.roomTest.offer()) // a newer offer is now the one waiting
    expect(await a.evaluate((code) => window.roomTest.accept(code), answer.code!)).toEqual({
      error: 'not-for-this-offer',
    })
    expect(pageErrors).toEqual([])
  })

  for (const mesh of [false, true])
    it(
      mesh
        ? 'three phones: Carla scans only Ben, and the mesh links her with Amal directly'
        : 'three phones: Carla scans only Ben and gets Amal’s edits live, relayed, with no echo',
      async () => {
        const [a, b, c] = [
          await openPage(browsers[0]!, 'A'),
          await openPage(browsers[1]!, 'B'),
          await openPage(browsers[2]!, 'C'),
        ]
        const space = { spaceId: `space-${randomHex(8)}`, key: randomHex(32) }
        await start(a, { ...space, name: 'Amal', mesh })
        await start(b, { ...space, name: 'Ben', mesh })
        await start(c, { ...space, name: 'Carla', mesh })
        await a.evaluate(() => window.roomTest.fill(1024 * 1024))
        const sent = await a.evaluate(() => window.roomTest.summary())

        /** `shower` shows its offer, `scanner` answers it, `shower` takes the answer. */
        const pair = async (shower: Page, scanner: Page) => {
          const offer = await shower.evaluate(() => window.roomTest.offer())
          const answer = await scanner.evaluate((code) => window.roomTest.answer(code), offer.code!)
          const accepted = await shower.evaluate(
            (code) => window.roomTest.accept(code),
            answer.code!,
          )
          expect(accepted.check).toBe(answer.check)
        }
        await pair(a, b) // Amal and Ben
        await pair(b, c) // Carla scans only Ben
        // with the mesh, Amal and Carla also link directly (through Ben's channels, no code)
        const t1 = Date.now()
        for (const [page, links] of [
          [a, mesh ? 2 : 1],
          [b, 2],
          [c, mesh ? 2 : 1],
        ] as const)
          await page.waitForFunction(
            (n) => window.roomTest.links().filter((l) => l.open && l.upToDate).length === n,
            links,
            { timeout: 30_000 },
          )
        if (mesh)
          figures.push(`mesh: Carla paired with Ben → 3 links up to date: ${Date.now() - t1} ms`)
        if (mesh)
          await expect
            .poll(() =>
              c.evaluate(() =>
                window.roomTest
                  .links()
                  .flatMap((l) => l.names)
                  .sort(),
              ),
            )
            .toEqual(['Amal', 'Ben'])
        // what Amal had reached Carla (through Ben, or directly)
        await expect.poll(() => c.evaluate(() => window.roomTest.summary())).toEqual(sent)

        // a live edit on Amal's phone reaches Carla, who never scanned Amal, and back
        const received = () =>
          Promise.all(
            [a, b, c].map((page) =>
              page.evaluate(() => window.roomTest.links().reduce((n, l) => n + l.receivedBytes, 0)),
            ),
          )
        const before = await received()
        const t0 = Date.now()
        await a.evaluate(() => window.roomTest.set('from-amal', 'live over two hops'))
        await c.waitForFunction(() => window.roomTest.get('from-amal') === 'live over two hops')
        figures.push(
          `three phones, mesh ${mesh}: Amal's edit on Carla's phone in ${Date.now() - t0} ms`,
        )
        await c.evaluate(() => window.roomTest.set('from-carla', 'and back'))
        await a.waitForFunction(() => window.roomTest.get('from-carla') === 'and back')

        // no echo: traffic for the two edits stops, and stays small (each hop sends each edit once)
        await new Promise((resolve) => setTimeout(resolve, 1_000))
        const settled = await received()
        await new Promise((resolve) => setTimeout(resolve, 1_000))
        expect(await received()).toEqual(settled)
        const grown = settled.map((bytes, i) => bytes - before[i]!)
        figures.push(
          `mesh ${mesh}: bytes received for two small edits: Amal ${grown[0]}, Ben ${grown[1]}, Carla ${grown[2]}`,
        )
        for (const bytes of grown) expect(bytes).toBeLessThan(2_000)
        expect(pageErrors).toEqual([])
      },
    )
})
