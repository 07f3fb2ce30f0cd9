/**
 * Real Debian Chromium for end-to-end tests, driven by playwright-core (which never downloads
 * a browser of its own). Each launch is a separate browser process with an on-disk profile,
 * so IndexedDB and the service worker behave as on a phone and survive a relaunch.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  launchChromium,
  newProfileDir,
} from '../../scripts/bench-support.mjs'

// The flags and the browser's path live in the one JS helper the benchmarks share too.
export { CHROMIUM_ARGS, CHROMIUM_PATH, newProfileDir }

/** A cheap phone held upright, as DESIGN.md checks screens: 360 × 760, touch. */
export const PHONE = { width: 360, height: 760 }
export const DESKTOP = { width: 1280, height: 800 }

const browserPids = new WeakMap<BrowserContext, number>()

/**
 * The browser process (not a renderer or helper: no `--type=`) running on a profile folder.
 * playwright-core exposes no PID for a persistent context, but the profile folder is unique.
 */
function findBrowserPid(profileDir: string): number | undefined {
  const flag = `--user-data-dir=${profileDir}`
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    let args: string[]
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0')
    } catch {
      continue // the process ended while we looked: not ours
    }
    if (args.includes(flag) && !args.some((arg) => arg.startsWith('--type='))) return Number(entry)
  }
  return undefined
}

export interface LaunchOptions {
  profileDir?: string
  viewport?: { width: number; height: number }
  /** Added to CHROMIUM_ARGS, e.g. a fake camera fed from a file. */
  args?: readonly string[]
  /** The device's language (navigator.languages); en-GB unless a test says otherwise. */
  locale?: string
  /** The device's light or dark preference (prefers-color-scheme). */
  colorScheme?: 'light' | 'dark'
  /** Keep the browser's back/forward cache on (playwright-core turns it off by default). */
  backForwardCache?: boolean
}

export type Launched = Awaited<ReturnType<typeof launch>>

export async function launch(options: LaunchOptions = {}) {
  const profileDir = resolve(options.profileDir ?? newProfileDir())
  const context = await launchChromium(profileDir, {
    args: [...(options.args ?? [])],
    viewport: options.viewport ?? PHONE,
    // phone-sized screens take touch, as phones do (taps, no hover)
    hasTouch: (options.viewport ?? PHONE).width < 600,
    locale: options.locale ?? 'en-GB',
    colorScheme: options.colorScheme ?? 'light',
    ignoreDefaultArgs: options.backForwardCache === true ? ['--disable-back-forward-cache'] : [],
  })
  // Loopback-only machines need these for WebRTC ICE; grant them always.
  await context.grantPermissions(['camera', 'microphone'])
  const pid = findBrowserPid(profileDir)
  if (pid !== undefined) browserPids.set(context, pid)
  const page = context.pages()[0] ?? (await context.newPage())
  return { context, page, profileDir }
}

/**
 * A crash, not a close: SIGKILL to the browser's whole process group (playwright-core starts
 * it as a group leader), so nothing gets a chance to flush. Resolves once the context closed.
 */
export async function killBrowser(context: BrowserContext): Promise<void> {
  const pid = browserPids.get(context)
  if (pid === undefined) throw new Error('killBrowser: no browser process known for this context')
  const closed = new Promise<void>((done) => context.once('close', () => done()))
  process.kill(-pid, 'SIGKILL')
  await closed
}

export interface ConsoleProblem {
  readonly kind: 'pageerror' | 'console'
  readonly text: string
}

/** A console error the app is allowed to log, with the reason it is expected. */
export interface AllowedError {
  readonly name: string
  readonly pattern: RegExp
  /** Console errors by default; a wrong-key peer's failed decryption is an uncaught page error. */
  readonly kind?: ConsoleProblem['kind']
}

/** Collects uncaught errors and console errors from every page of a context. */
export function watchConsole(context: BrowserContext): { problems: ConsoleProblem[] } {
  const problems: ConsoleProblem[] = []
  const watch = (page: Page) => {
    page.on('pageerror', (error) => problems.push({ kind: 'pageerror', text: error.message }))
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push({ kind: 'console', text: message.text() })
    })
  }
  context.pages().forEach(watch)
  context.on('page', watch)
  return { problems }
}

/** Problems not on the allow-list; prints how many of each allowed kind were seen. */
export function unexpectedProblems(
  problems: readonly ConsoleProblem[],
  allowed: readonly AllowedError[],
): ConsoleProblem[] {
  const counts = new Map<string, number>()
  const rest = problems.filter((problem) => {
    const match = allowed.find(
      (a) => (a.kind ?? 'console') === problem.kind && a.pattern.test(problem.text),
    )
    if (match) counts.set(match.name, (counts.get(match.name) ?? 0) + 1)
    return !match
  })
  console.log(`console errors: ${problems.length} in all, ${rest.length} unexpected`)
  for (const [name, count] of counts) console.log(`  allowed "${name}": ${count}`)
  return rest
}

/** Installability problems Chromium reports for the page's manifest, minus automation's own. */
export async function installabilityErrors(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page)
  try {
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[]
    }
    return installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')
  } finally {
    // setOffline does not reach the page while a CDP session is attached.
    await cdp.detach()
  }
}
