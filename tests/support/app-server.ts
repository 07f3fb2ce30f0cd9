/**
 * Starts the built app (dist/) with `node dist-server/serve.js` — the same server `npm start`
 * runs, signalling included — on free ports of 127.0.0.1, as its own process group, and
 * stops it by PID.
 */
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { freePort, serveStatic } from '../../scripts/bench-support.mjs'
import { launch, watchConsole, type LaunchOptions } from './chromium'
import { firstRun } from './flows'

const root = join(import.meta.dirname, '../..')

/** The free-port helper and the static server are the ones the benchmarks share. */
export { freePort, serveStatic }

export interface RunningApp {
  /** http://localhost:PORT — localhost is a secure context, so the service worker runs. */
  readonly url: string
  readonly signalUrl: string
  /** The folder being served (a private copy of dist/ when asked for). */
  readonly root: string
  /** Ends the server's process group and resolves once it has exited. */
  stop(): Promise<void>
}

export interface AppOptions {
  /** Serve a private copy of dist/ that a test may change (a new version). */
  copy?: boolean
  /** `false` serves the app alone (SIGNAL_PORT=off): no live sync is possible. */
  signalling?: boolean
}

/** Serves dist/ (or a copy) until stop(); an e2e file uses useApp() instead. */
export async function startApp(options: AppOptions = {}): Promise<RunningApp> {
  const dist = join(root, 'dist')
  if (!existsSync(join(dist, 'index.html')) || !existsSync(join(root, 'dist-server/serve.js')))
    throw new Error('Build the app and its server first: npm run build')
  const served = options.copy ? mkdtempSync(join(tmpdir(), 'weave-dist-')) : dist
  if (options.copy) cpSync(dist, served, { recursive: true })
  const [port, signalPort] = [await freePort(), await freePort()]
  const child = spawn(process.execPath, ['dist-server/serve.js', served], {
    cwd: root,
    detached: true,
    env: {
      ...process.env,
      PORT: String(port),
      SIGNAL_PORT: options.signalling === false ? 'off' : String(signalPort),
      HOST: '127.0.0.1',
      BOX_DB: ':memory:', // each app its own post box, gone with it
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const url = `http://localhost:${port}`
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  const stop = async () => {
    if (child.pid === undefined || child.exitCode !== null) return
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      return // already gone: nothing to stop
    }
    const timer = setTimeout(() => {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGKILL')
    }, 3_000)
    await exited
    clearTimeout(timer)
  }
  const deadline = Date.now() + 15_000
  for (;;) {
    try {
      if ((await fetch(url)).ok) break
    } catch {
      // not listening yet: poll again
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop()
      throw new Error(`The app server did not start:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return { url, signalUrl: `ws://127.0.0.1:${signalPort}`, root: served, stop }
}

/** The app for an e2e file, and the browsers its tests open; see useApp(). */
export interface AppUnderTest {
  /** The running app; read inside a test (it starts in beforeAll). */
  readonly url: string
  readonly signalUrl: string
  readonly root: string
  /** A browser (chromium.ts launch()) that is closed after the file's tests. */
  launch(options?: LaunchOptions): ReturnType<typeof launch>
  /**
   * Someone with a phone of their own: a browser (closed after the file's tests) whose console
   * is watched, that has gone through the first run as `name` and shows "Your spaces".
   */
  person(
    name: string,
    options?: LaunchOptions & { beforeFirstRun?: (context: BrowserContext) => Promise<void> },
  ): Promise<Awaited<ReturnType<typeof launch>> & { watcher: ReturnType<typeof watchConsole> }>
}

/**
 * The one way an e2e file starts the app: before its tests, stopped after them, with every
 * browser opened through it closed first.
 */
export function useApp(options: AppOptions = {}): AppUnderTest {
  let running: RunningApp | undefined
  const contexts: BrowserContext[] = []
  const app = () => {
    if (!running) throw new Error('The app starts in beforeAll: use it inside a test')
    return running
  }
  beforeAll(async () => {
    running = await startApp(options)
  })
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close().catch(() => undefined)))
    await running?.stop()
  })
  const self: AppUnderTest = {
    get url() {
      return app().url
    },
    get signalUrl() {
      return app().signalUrl
    },
    get root() {
      return app().root
    },
    async launch(launchOptions = {}) {
      const launched = await launch(launchOptions)
      contexts.push(launched.context)
      return launched
    },
    async person(name, { beforeFirstRun, ...launchOptions } = {}) {
      const launched = await self.launch(launchOptions)
      const watcher = watchConsole(launched.context)
      await beforeFirstRun?.(launched.context)
      await firstRun(launched.page, self.url, name)
      await launched.page.getByRole('heading', { name: 'Your spaces' }).waitFor()
      return { ...launched, watcher }
    },
  }
  return self
}
