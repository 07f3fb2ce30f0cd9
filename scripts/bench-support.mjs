// The one plain-JS helper for starting Chromium and serving files, shared by the benchmarks
// (which cannot import TypeScript) and by the test support in tests/support/ (which imports
// it, so the browser flags, the free-port helper and the static server exist once).
// Also builds one bench page under tests/bench/ and serves it. Nothing here measures anything.
import { createServer as createHttpServer } from 'node:http'
import { createServer as createNetServer } from 'node:net'
import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve } from 'node:path'
import { chromium } from 'playwright-core'
import { build } from 'vite'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** The flags that work on this machine; the last two let WebRTC connect over loopback. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=WebRtcHideLocalIpsWithMdns',
  '--allow-loopback-in-peer-connection',
]

/** A new, empty on-disk profile folder: IndexedDB and the service worker live there. */
export function newProfileDir() {
  return mkdtempSync(join(tmpdir(), 'weave-profile-'))
}

/**
 * Chromium as its own process on an on-disk profile (a new one unless given), with the flags
 * above plus `options.args`; other options go to playwright-core's launchPersistentContext.
 * Resolves to the browser context; its first page is `context.pages()[0]`.
 * @param {string} [profileDir]
 * @param {import('playwright-core').LaunchOptions & import('playwright-core').BrowserContextOptions} [options]
 */
export function launchChromium(profileDir = newProfileDir(), options = {}) {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    ...options,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  })
}

/** A TCP port of 127.0.0.1 that nothing listens on (asked of the system, then let go). */
export function freePort() {
  return /** @type {Promise<number>} */ (
    new Promise((done, fail) => {
      const server = createNetServer()
      server.once('error', fail)
      server.listen(0, '127.0.0.1', () => {
        const address = server.address()
        server.close(() => {
          if (address && typeof address === 'object') done(address.port)
          else fail(new Error('no port'))
        })
      })
    })
  )
}

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
}

/**
 * Serves the files of a folder at http://127.0.0.1:<port>/ (a free port unless given); `/` is
 * index.html and nothing outside the folder is served. Resolves to its address and close().
 * @param {string} folder
 * @param {{ port?: number }} [options]
 */
export async function serveStatic(folder, options = {}) {
  const root = resolve(folder)
  const server = createHttpServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname
    const file = normalize(join(root, path === '/' ? 'index.html' : path))
    if (!file.startsWith(root) || !statSync(file, { throwIfNoEntry: false })?.isFile())
      return void response.writeHead(404).end()
    const type = TYPES[/** @type {keyof typeof TYPES} */ (extname(file))]
    response.writeHead(200, { 'content-type': type ?? 'application/octet-stream' })
    response.end(readFileSync(file))
  })
  await new Promise((listening) => server.listen(options.port ?? 0, '127.0.0.1', listening))
  const address = server.address()
  const port = address && typeof address === 'object' ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    /** @returns {Promise<void>} */
    close: () => new Promise((closed) => server.close(() => closed(undefined))),
  }
}

/**
 * Builds tests/bench/<name> into a temporary folder and serves it at http://127.0.0.1:<port>/.
 * Resolves to its address, the folder, and close().
 */
export async function serveBenchPage(name, { plugins = [] } = {}) {
  const root = join(import.meta.dirname, '..')
  const outDir = mkdtempSync(join(tmpdir(), `weave-bench-${name}-`))
  await build({
    root: join(root, 'tests/bench', name),
    configFile: false,
    logLevel: 'warn',
    base: '/',
    plugins,
    build: { outDir, emptyOutDir: true, target: 'es2022' },
    define: { 'import.meta.env.DEV': 'false' },
  })
  const served = await serveStatic(outDir)
  return { url: served.url, outDir, close: served.close }
}
