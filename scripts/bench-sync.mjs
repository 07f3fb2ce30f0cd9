#!/usr/bin/env node
// Benchmark: live sync between two SEPARATE Chromium processes (each on its own on-disk
// profile) through our signalling server on loopback, and sync by file. Prints tables; asserts
// nothing (machines here are noisy). The page is tests/bench/sync; times are taken in the pages.
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchChromium, serveBenchPage } from './bench-support.mjs'
import { startSignallingServer } from '../dist-server/index.js'

// Loopback WebRTC needs camera/microphone granted (below), besides the shared flags.
const MB = 1024 * 1024
const SIZES_MB = [1, 5, 10]
const TRIES = Number(process.env.BENCH_SYNC_TRIES ?? 10)
const TIMEOUT_MS = 60_000
const EDITS = 100
const FILE_RUNS = 5

const randomHex = (bytes) =>
  Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('')
const sorted = (values) => [...values].sort((x, y) => x - y)
const median = (values) => {
  const s = sorted(values)
  const mid = Math.floor(s.length / 2)
  return s.length === 0 ? NaN : s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}
/** nearest-rank percentile */
const percentile = (values, p) =>
  sorted(values)[Math.max(0, Math.ceil((p / 100) * values.length) - 1)]
const seconds = (ms, digits = 2) =>
  ms === undefined || Number.isNaN(ms) ? '–' : (ms / 1000).toFixed(digits)
const round = (ms, digits = 1) => Number(ms.toFixed(digits))

export async function benchSync() {
  const profiles = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'weave-bench-profile-')))
  const served = await serveBenchPage('sync')
  const { outDir, url: pageUrl } = served
  const signal = await startSignallingServer({
    port: 0,
    host: '127.0.0.1',
    logger: { info: () => undefined, warn: (line) => console.warn(`[signal] ${line}`) },
  })
  const signallingUrl = `ws://127.0.0.1:${signal.port}`
  const devices = []
  try {
    for (const [i, label] of ['A', 'B'].entries())
      devices.push(await launchDevice(profiles[i], label, pageUrl))
    const [a, b] = devices
    const chromiumVersion = await browserVersion(a)
    console.log(
      `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.version}, ` +
        `Chromium ${chromiumVersion} headless; two browser processes, loopback, our signalling server.`,
    )
    await benchTransfers(a, b, signallingUrl)
    await benchLatency(a, b, signallingUrl)
    await benchFile(a)
    for (const device of devices) {
      const unique = [...new Set(device.errors)]
      console.log(`page errors on ${device.label}: ${device.errors.length}`)
      for (const text of unique.slice(0, 5)) console.log(`  ${text}`)
    }
  } finally {
    for (const device of devices) await device.context.close()
    await signal.close()
    served.close()
    for (const dir of [outDir, ...profiles]) rmSync(dir, { recursive: true, force: true })
  }
}

/** One device: its own browser process on its own profile folder, with the bench page open. */
async function launchDevice(profileDir, label, pageUrl) {
  const context = await launchChromium(profileDir)
  await context.grantPermissions(['camera', 'microphone'])
  const page = context.pages()[0] ?? (await context.newPage())
  const errors = []
  page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`)
  })
  const device = { label, context, page, errors, open: () => openPage(page, pageUrl) }
  await device.open()
  return device
}

async function openPage(page, pageUrl) {
  await page.goto(pageUrl)
  await page.waitForFunction(() => typeof window.syncBench === 'object')
}

/** The full version: the user agent string says only 156.0.0.0. */
async function browserVersion(device) {
  const cdp = await device.context.newCDPSession(device.page)
  try {
    const { product } = await cdp.send('Browser.getVersion')
    return product.replace(/^(Headless)?Chrome\//, '')
  } finally {
    await cdp.detach()
  }
}

const newRoom = (signallingUrl) => ({
  spaceId: `bench-${randomHex(8)}`,
  key: randomHex(16),
  signallingUrl,
})

async function benchTransfers(a, b, signallingUrl) {
  const rows = []
  for (const megabytes of SIZES_MB) {
    const summary = await a.page.evaluate(
      (bytes) => window.syncBench.prepare(bytes),
      megabytes * MB,
    )
    const expected = { entries: summary.entries, sha256: summary.sha256 }
    const complete = []
    const connect = []
    const failures = []
    for (let run = 0; run < TRIES; run++) {
      const room = newRoom(signallingUrl)
      await a.page.evaluate((r) => window.syncBench.send(r), room)
      await b.open() // a fresh page and doc: a new device
      await b.page.evaluate(({ r, e }) => window.syncBench.receive(r, e), { r: room, e: expected })
      try {
        await b.page.waitForFunction(() => window.syncBench.arrival() !== undefined, undefined, {
          timeout: TIMEOUT_MS,
          polling: 100,
        })
        const arrival = await b.page.evaluate(() => window.syncBench.arrival())
        complete.push(arrival.completeMs)
        if (arrival.connectMs !== undefined) connect.push(arrival.connectMs)
      } catch {
        const [da, db] = await Promise.all(
          [a, b].map((d) => d.page.evaluate(() => window.syncBench.debug())),
        )
        failures.push({ run, a: da, b: db })
      }
      await Promise.all([a, b].map((d) => d.page.evaluate(() => window.syncBench.stop())))
    }
    rows.push({
      space: `${megabytes} MB`,
      'update KB': Math.round(summary.updateBytes / 1024),
      [`completed ≤ ${TIMEOUT_MS / 1000} s`]: `${complete.length}/${TRIES}`,
      'median s': seconds(median(complete)),
      'max s': seconds(complete.length ? Math.max(...complete) : undefined),
      'median connect s': seconds(median(connect)),
    })
    console.log(
      `${megabytes} MB, s per try: ${complete.map((ms) => seconds(ms)).join(' ')}` +
        (failures.length ? ` (${failures.length} not complete)` : ''),
    )
    for (const failure of failures)
      console.log(`  try ${failure.run} not complete; debug():`, JSON.stringify(failure))
  }
  console.log(
    '\nA fresh device receiving a space over WebRTC (from its start, incl. key derivation and ' +
      'connecting, to the update that completed it; content hash checked equal):',
  )
  console.table(rows)
}

async function benchLatency(a, b, signallingUrl) {
  const room = newRoom(signallingUrl)
  await a.open()
  await b.open()
  await a.page.evaluate((r) => window.syncBench.join(r, 'A'), room)
  await b.page.evaluate((r) => window.syncBench.join(r, 'B'), room)
  for (const device of [a, b])
    await device.page.waitForFunction(() => window.syncBench.peers() === 1, undefined, {
      timeout: 30_000,
    })
  await b.page.evaluate(() => window.syncBench.echo())
  await a.page.evaluate(() => window.syncBench.ping(5, 20)) // warm-up, not counted
  await b.page.evaluate(() => window.syncBench.takeOneWayMs())
  const { roundTripMs, lost } = await a.page.evaluate((n) => window.syncBench.ping(n, 20), EDITS)
  const oneWayMs = await b.page.evaluate(() => window.syncBench.takeOneWayMs())
  const halfRoundTrip = roundTripMs.map((ms) => ms / 2)
  await Promise.all([a, b].map((d) => d.page.evaluate(() => window.syncBench.stop())))
  console.log(
    `\nOne small edit A → B over an open connection: ${EDITS} edits, one at a time, 20 ms apart ` +
      `(after 5 not counted); ${lost} lost. "one-way": B's arrival minus A's send, both as ` +
      'performance.timeOrigin + performance.now() (same machine clock); "round trip / 2": A → B, ' +
      "B's observer answers, back on A, halved (A's clock only).",
  )
  console.table([
    { measure: 'one-way ms', n: oneWayMs.length, ...stats(oneWayMs) },
    { measure: 'round trip / 2 ms', n: halfRoundTrip.length, ...stats(halfRoundTrip) },
  ])
}

const stats = (values) =>
  values.length === 0
    ? {}
    : {
        median: round(median(values), 2),
        p95: round(percentile(values, 95), 2),
        max: round(Math.max(...values), 2),
      }

async function benchFile(a) {
  await a.open() // a fresh page, so the first apply below is a cold one
  const summary = await a.page.evaluate((bytes) => window.syncBench.prepare(bytes), 5 * MB)
  const applyMs = await a.page.evaluate(() => window.syncBench.yjsApplyMs(10))
  const file = await a.page.evaluate((n) => window.syncBench.fileRoundTrip(n), FILE_RUNS)
  console.log(
    `\nThe same 5 MB space (update ${Math.round(summary.updateBytes / 1024)} KB) in Chromium: ` +
      `Yjs alone, and sync by file (src/sync/space-file.ts; file ${(file.fileChars / MB).toFixed(2)} ` +
      `M characters; imported content ${file.same ? 'equal' : 'NOT equal'} to the exported):`,
  )
  console.table([
    {
      step: 'Yjs applyUpdate to a new Y.Doc',
      runs: applyMs.length,
      'first s': seconds(applyMs[0], 3),
      'median s': seconds(median(applyMs), 3),
      'max s': seconds(Math.max(...applyMs), 3),
    },
    ...[
      ['exportSpaceFile (text produced)', file.exportMs],
      ['importSpaceFile into an empty doc', file.importMs],
    ].map(([step, ms]) => ({
      step,
      runs: ms.length,
      'first s': seconds(ms[0], 3),
      'median s': seconds(median(ms), 3),
      'max s': seconds(Math.max(...ms), 3),
    })),
  ])
  console.log(
    `Yjs alone in ms: first ${round(applyMs[0])}, median ${round(median(applyMs))} (of ${applyMs.length}).`,
  )
}

if (import.meta.url === `file://${process.argv[1]}`) await benchSync()
