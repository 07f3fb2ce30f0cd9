#!/usr/bin/env node
// Benchmark: meetings in the built app, in headless Chromium on an on-disk profile, at phone
// size: (1) keystroke to screen in a 50 KB note in the real notes editor; (2) opening a space
// of 2,000 meetings and about 10 MB of notes, stored through the real storage layer, to its
// meetings list; (3) the list's search over it. Prints tables; asserts nothing.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'vite'
import { launchChromium, newProfileDir } from './bench-support.mjs'
import { startServer } from '../dist-server/index.js'

const root = join(import.meta.dirname, '..')
const PHONE = { width: 360, height: 740 }
const MEETINGS = Number(process.env.BENCH_MEETINGS ?? 2000)
const NOTES_CHARS = Number(process.env.BENCH_NOTES_CHARS ?? 10 * 1024 * 1024)
const NOTE_CHARS = 50 * 1024
const KEYS = 200
const WARM_UP_KEYS = 20
const OPENS = 5
const QUERIES = ['agua', 'reunion', 'tractor', 'kombucha garden', 'dialogue 1999', 'zzzz']
const SEARCH_REPEATS = 3

const sorted = (values) => [...values].sort((x, y) => x - y)
const median = (values) => {
  const s = sorted(values)
  const mid = Math.floor(s.length / 2)
  return s.length === 0 ? NaN : s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}
/** nearest-rank percentile */
const percentile = (values, p) =>
  sorted(values)[Math.max(0, Math.ceil((p / 100) * values.length) - 1)]
const ms = (value) => Number(value.toFixed(1))

/** Runs in the page before the app: notes when the meetings list is in the DOM, and the frame after. */
function watchList() {
  if (!location.pathname.endsWith('/meetings')) return
  const frame = (done) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => done(performance.now())
      channel.port2.postMessage(0)
    })
  const observer = new MutationObserver(() => {
    if (!document.querySelector('[role="search"]')) return
    observer.disconnect()
    const domMs = performance.now()
    const links = document.querySelectorAll('a.card-title').length
    frame((frameMs) => (window.__listShown = { domMs, frameMs, links }))
  })
  observer.observe(document, { childList: true, subtree: true })
}

export async function benchMeetings() {
  const dist = join(root, 'dist')
  if (!existsSync(join(dist, 'index.html'))) throw new Error('Build the app first: npx vite build')
  // The seeding page is served from the app's origin (same IndexedDB), from a copy of dist/.
  const served = mkdtempSync(join(tmpdir(), 'weave-bench-meetings-'))
  cpSync(dist, served, { recursive: true })
  await build({
    root: join(root, 'tests/bench/meetings'),
    configFile: false,
    logLevel: 'warn',
    base: '/__bench/',
    build: { outDir: join(served, '__bench'), emptyOutDir: true, target: 'es2022' },
    define: { 'import.meta.env.DEV': 'false' },
  })
  const quiet = { info: () => undefined, warn: (line) => console.warn(line) }
  const server = await startServer({
    root: served,
    port: 0,
    host: '127.0.0.1',
    signalPort: 0,
    logger: quiet,
  })
  const url = `http://localhost:${server.port}`
  const profile = newProfileDir()
  const launch = async () => {
    const context = await launchChromium(profile, {
      viewport: PHONE,
      locale: 'en-GB',
    })
    await context.addInitScript(watchList)
    return { context, page: context.pages()[0] ?? (await context.newPage()) }
  }
  let browser = await launch()
  try {
    console.log(
      `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.version}, ` +
        `Chromium ${browser.context.browser()?.version() ?? '(persistent context)'} headless, ${PHONE.width}×${PHONE.height}.`,
    )
    // Seed before the app ever loads: once its service worker controls the origin, every
    // navigation (the seeding page's too) is answered with the app shell.
    await browser.page.goto(`${url}/__bench/`)
    await browser.page.waitForFunction(() => typeof window.meetingsBench === 'object')
    const big = await browser.page.evaluate(
      ([m, c, n]) => window.meetingsBench.seedSpace('Big network', m, c, 1, n),
      [MEETINGS, NOTES_CHARS, NOTE_CHARS],
    )
    const small = await browser.page.evaluate(
      (c) => window.meetingsBench.seedSpace('Long note', 1, c, 2),
      NOTE_CHARS,
    )
    console.log('\nSpaces built through the storage layer (Dexie log + snapshot):')
    console.table(
      [big, small].map((s) => ({
        meetings: s.meetings,
        'notes chars': s.notesChars,
        'stored KB': Math.round(s.storedBytes / 1024),
        'build s': ms(s.buildMs / 1000),
      })),
    )
    const noUi = await browser.page.evaluate(
      ([id, q, r]) => window.meetingsBench.timeWithoutUi(id, q, r),
      [big.spaceId, QUERIES, 5],
    )

    // (2) a fresh browser process each time, opening the list straight from the stored copy
    const opens = []
    for (let run = 0; run <= OPENS; run++) {
      await browser.context.close()
      browser = await launch()
      await browser.page.goto(`${url}/spaces/${big.spaceId}/meetings`)
      await browser.page.waitForFunction(() => window.__listShown !== undefined, undefined, {
        timeout: 120_000,
      })
      const shown = await browser.page.evaluate(() => ({
        ...window.__listShown,
        controlled: navigator.serviceWorker.controller !== null,
        paintMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      }))
      opens.push({ run, ...shown })
      // the service worker installs on the first load; later loads take the shell from it
      if (run === 0) await browser.page.evaluate(() => navigator.serviceWorker.ready)
    }
    console.log(
      `\nOpening the space of ${MEETINGS} meetings to its list (fresh browser process each time;` +
        ' ms from navigation start):',
    )
    console.table(
      opens.map((o) => ({
        load: o.run === 0 ? 'first (no service worker yet)' : `#${o.run + 1}`,
        'shell from service worker': o.controlled,
        'first paint ms': ms(o.paintMs),
        'list in DOM ms': ms(o.domMs),
        'frame showing it ms': ms(o.frameMs),
        'cards on screen': o.links,
      })),
    )
    const later = opens.filter((o) => o.run > 0).map((o) => o.frameMs)
    console.log(`later loads, frame showing the list: median ${ms(median(later))} ms`)
    console.log(
      `Without UI: stored copy into a new doc ${ms(noUi.loadedMs)} ms, ${noUi.meetings} meetings read ${ms(noUi.readMs)} ms; ` +
        `after one character typed in one meeting's notes, the list's snapshot is rebuilt in ${ms(noUi.rebuildMs)} ms (median of 10, warm)`,
    )

    // (3) search in the list: from the input event to the frame showing the result
    const first = await browser.page.evaluate(typeInSearch, 'semillas')
    await browser.page.evaluate(typeInSearch, '')
    const search = []
    for (const query of QUERIES) {
      const times = []
      let status = ''
      for (let r = 0; r < SEARCH_REPEATS; r++) {
        const result = await browser.page.evaluate(typeInSearch, query)
        times.push(result.ms)
        status = result.status
        await browser.page.evaluate(typeInSearch, '')
      }
      const pure = noUi.search.find((s) => s.query === query)
      search.push({
        query,
        shown: status,
        'input → frame median ms': ms(median(times)),
        'filter alone, first query ms': ms(pure?.coldMs ?? NaN),
        'filter alone, cache warm ms': ms(pure?.warmMs ?? NaN),
      })
    }
    console.log(
      `\nSearch over ${MEETINGS} meetings (titles, notes, agenda, decisions, actions); ` +
        `medians; in the app ×${SEARCH_REPEATS} (after an opening query), the filter alone ×5:`,
    )
    console.table(search)
    console.log(
      `the first search after opening the list ('semillas', ${first.status}): ${ms(first.ms)} ms input → frame`,
    )

    // (1) keystrokes in a 50 KB note, alone in its space and in the space of 2,000 meetings
    const rows = []
    for (const [where, space] of [
      ['its only meeting', small],
      [`one of ${MEETINGS} meetings`, big],
    ]) {
      const keys = await typeInNotes(
        browser.page,
        `${url}/spaces/${space.spaceId}/meetings/${space.meetingId}`,
      )
      rows.push(
        row(
          `${where}: keydown → input handled`,
          keys.map((k) => k.inputMs),
        ),
      )
      rows.push(
        row(
          `${where}: keydown → frame showing it`,
          keys.map((k) => k.frameMs),
        ),
      )
    }
    console.log(
      `\nKeystroke to screen in a ${Math.round(NOTE_CHARS / 1024)} KB note (CodeMirror 6 + Yjs + storage), ` +
        `${KEYS} keys after ${WARM_UP_KEYS} not counted, typed at the end of the note:`,
    )
    console.table(rows)
  } finally {
    await browser.context.close()
    await server.close()
    for (const dir of [served, profile]) rmSync(dir, { recursive: true, force: true })
  }
}

const row = (measure, values) => ({
  measure,
  'median ms': ms(median(values)),
  'p95 ms': ms(percentile(values, 95)),
  'max ms': ms(Math.max(...values)),
})

/** Types into the notes of the meeting at `meetingUrl` one key at a time; checks it arrived. */
async function typeInNotes(page, meetingUrl) {
  await page.goto(meetingUrl)
  const editor = page.getByRole('textbox', { name: 'Meeting notes' })
  await editor.click()
  await page.keyboard.press('Control+End')
  await page.evaluate(watchKeys)
  const typed = 'the seed library needs volunteers on saturday '
    .repeat(6)
    .slice(0, KEYS + WARM_UP_KEYS)
  for (const [i, key] of [...typed].entries()) {
    await page.keyboard.type(key)
    await page.waitForFunction((n) => window.__keys.length > n, i)
  }
  const text = await editor.innerText()
  if (!text.includes(typed.trim().slice(-30))) throw new Error('The typed text is not on screen')
  const keys = await page.evaluate(() => window.__keys.slice())
  return keys.slice(WARM_UP_KEYS)
}

/** In the page: puts `query` in the search box as typing would, times it to the next frame. */
async function typeInSearch(query) {
  const input = document.querySelector('input[type="search"]')
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set
  setValue.call(input, query)
  const t0 = performance.now()
  input.dispatchEvent(new Event('input', { bubbles: true }))
  const t1 = await new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => resolve(performance.now())
      channel.port2.postMessage(0)
    }),
  )
  const status = document.querySelector('[role="search"] [role="status"]')?.textContent ?? ''
  return { ms: t1 - t0, status }
}

/** In the page: for each key, keydown → input event, and keydown → the frame after it. */
function watchKeys() {
  window.__keys = []
  let t0 = 0
  // the event's own time stamp: when the browser made it, so a busy page's delay counts
  window.addEventListener('keydown', (event) => (t0 = event.timeStamp), true)
  window.addEventListener(
    'input',
    () => {
      const start = t0
      const inputMs = performance.now() - start
      requestAnimationFrame(() => {
        const channel = new MessageChannel()
        channel.port1.onmessage = () =>
          window.__keys.push({ inputMs, frameMs: performance.now() - start })
        channel.port2.postMessage(0)
      })
    },
    true,
  )
}

if (import.meta.url === `file://${process.argv[1]}`) await benchMeetings()
