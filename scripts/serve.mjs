#!/usr/bin/env node
// What `npm start` runs after `vite build`: serves dist/ and runs the signalling server, in one
// process, for a laptop or a small always-on machine. Zero dependencies beyond node: built-ins
// (and `ws` through the signalling server), so a network can run it anywhere Node 20 runs.
//
// Static serving rules, and why:
// - SPA fallback: an extensionless navigation (/spaces/abc) gets index.html, so deep links and
//   reloads work; a missing file with an extension (/assets/missing.js) is a real 404, never
//   HTML that a browser would try to run as a script.
// - index.html, sw.js, the workbox files and the manifest are `no-cache` (revalidated every time)
//   so an update is seen; /assets/* carry content hashes in their names, so they are immutable.
// - Security headers on every response; the CSP matches DESIGN.md (no third-party requests).
// - Requests whose path leaves dist/ (../, encoded or not, or via a symlink) are refused.

import fs from 'node:fs'
import fsp from 'node:fs/promises'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import { startSignallingServer } from './signalling-server.mjs'

/** Where the app's own port accepts signalling WebSockets (the app's default address). */
export const SIGNAL_PATH = '/signal'

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self' ws: wss:",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ')

/** Sent with every response, errors included. */
const SECURITY_HEADERS = Object.freeze({
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
})

/** @type {Readonly<Record<string, string>>} */
const MIME_TYPES = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
})

const IMMUTABLE = 'public, max-age=31536000, immutable'
// Everything outside /assets/ (index.html, sw.js, registerSW.js, workbox-*.js, the manifest,
// icons, robots.txt) keeps its name across releases: the browser must revalidate it.
const REVALIDATE = 'no-cache'

const DEFAULT_ROOT = fileURLToPath(new URL('../dist/', import.meta.url))

/**
 * @typedef {object} Logger
 * @property {(line: string) => void} info
 * @property {(line: string) => void} warn
 */

/**
 * @typedef {object} FoundFile
 * @property {string} file absolute path
 * @property {fs.Stats} stat
 */

/**
 * The decoded request path, or null when it is malformed or tries to climb out of the root.
 * Checked on the raw URL: `new URL()` would silently collapse `/../x` into `/x`.
 * @param {string | undefined} rawUrl
 * @returns {string | null}
 */
export function requestPath(rawUrl) {
  const raw = (rawUrl ?? '/').split(/[?#]/)[0] ?? '/'
  let decoded
  try {
    decoded = decodeURIComponent(raw)
  } catch {
    return null
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null
  if (decoded.split('/').some((segment) => segment === '..' || segment === '.')) return null
  return decoded
}

/**
 * @param {string} root real path of the served folder
 * @param {string} candidate
 * @returns {boolean}
 */
function isInside(root, candidate) {
  return candidate === root || candidate.startsWith(root + path.sep)
}

/**
 * Find the file for a request path, following a folder to its index.html.
 * @param {string} root
 * @param {string} pathname
 * @returns {Promise<FoundFile | null>}
 */
async function findFile(root, pathname) {
  const full = path.resolve(root, '.' + pathname)
  if (!isInside(root, full)) return null
  try {
    const real = await fsp.realpath(full)
    if (!isInside(root, real)) return null // a symlink pointing out of dist/
    const stat = await fsp.stat(real)
    if (stat.isFile()) return { file: real, stat }
    if (stat.isDirectory()) return findFile(root, path.posix.join(pathname, 'index.html'))
    return null
  } catch {
    return null // ENOENT, ENOTDIR, EACCES: all "not here"
  }
}

/**
 * A browser navigation to an app route (no file extension, HTML acceptable), not a lost asset.
 * @param {http.IncomingMessage} req
 * @param {string} pathname
 * @returns {boolean}
 */
function isNavigation(req, pathname) {
  if (pathname.startsWith('/assets/')) return false
  if (path.posix.extname(pathname) !== '') return false
  const accept = req.headers.accept
  return !accept || accept.includes('text/html') || accept.includes('*/*')
}

/**
 * @param {http.ServerResponse} res
 * @param {number} status
 * @param {Record<string, string>} [extra]
 */
function sendError(res, status, extra = {}) {
  const body = `${status} ${http.STATUS_CODES[status] ?? ''}\n`
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    ...extra,
  })
  res.end(res.req.method === 'HEAD' ? undefined : body)
}

/**
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 * @param {FoundFile} found
 * @param {string} pathname the path the caching rule is chosen for
 */
function sendFile(req, res, { file, stat }, pathname) {
  const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`
  const headers = {
    ...SECURITY_HEADERS,
    'Content-Type': MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Cache-Control': pathname.startsWith('/assets/') ? IMMUTABLE : REVALIDATE,
    ETag: etag,
    'Last-Modified': stat.mtime.toUTCString(),
  }
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers)
    res.end()
    return
  }
  const encoding = compressible(file) ? pickEncoding(req.headers['accept-encoding']) : null
  if (encoding) {
    void compressed(file, etag, encoding).then(
      (body) => {
        res.writeHead(200, {
          ...headers,
          'Content-Encoding': encoding,
          Vary: 'Accept-Encoding',
          'Content-Length': body.length,
        })
        res.end(req.method === 'HEAD' ? undefined : body)
      },
      () => res.destroy(),
    )
    return
  }
  res.writeHead(200, { ...headers, 'Content-Length': stat.size })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  const stream = fs.createReadStream(file)
  stream.on('error', () => res.destroy())
  stream.pipe(res)
}

/* Compression: phones on slow links download a third of the bytes. Files are compressed once
   per version (etag) and kept in memory; the built app is small. */
const COMPRESSIBLE = new Set([
  '.js',
  '.mjs',
  '.css',
  '.html',
  '.json',
  '.webmanifest',
  '.svg',
  '.txt',
  '.map',
])
/** @type {Map<string, Promise<Buffer>>} */
const compressedCache = new Map()

/** @param {string} file */
function compressible(file) {
  return COMPRESSIBLE.has(path.extname(file).toLowerCase())
}

/**
 * @param {string | undefined} header
 * @returns {'br' | 'gzip' | null}
 */
function pickEncoding(header) {
  const accepted = (header ?? '').split(',').map((part) => part.trim().split(';')[0])
  if (accepted.includes('br')) return 'br'
  if (accepted.includes('gzip')) return 'gzip'
  return null
}

/**
 * @param {string} file
 * @param {string} etag
 * @param {'br' | 'gzip'} encoding
 * @returns {Promise<Buffer>}
 */
function compressed(file, etag, encoding) {
  const key = `${encoding} ${file} ${etag}`
  let body = compressedCache.get(key)
  if (!body) {
    if (compressedCache.size > 500) compressedCache.clear() // bounded: a rebuild adds new files
    body = fsp.readFile(file).then((data) =>
      encoding === 'br'
        ? promisify(zlib.brotliCompress)(data, {
            params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 },
          })
        : promisify(zlib.gzip)(data, { level: 9 }),
    )
    body.catch(() => compressedCache.delete(key))
    compressedCache.set(key, body)
  }
  return body
}

/**
 * @param {string} root
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 */
async function handle(root, req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendError(res, 405, { Allow: 'GET, HEAD' })
    return
  }
  const pathname = requestPath(req.url)
  if (pathname === null) {
    sendError(res, 400)
    return
  }
  const found = await findFile(root, pathname)
  if (found) {
    sendFile(req, res, found, pathname)
    return
  }
  const index = isNavigation(req, pathname) ? await findFile(root, '/index.html') : null
  if (index) sendFile(req, res, index, '/index.html')
  else sendError(res, 404)
}

/**
 * The served folder's real path; fails clearly when the app has not been built.
 * @param {string} root
 * @returns {Promise<string>}
 */
async function checkRoot(root) {
  const real = await fsp.realpath(root).catch(() => null)
  const index = real && (await fsp.stat(path.join(real, 'index.html')).catch(() => null))
  if (!real || !index?.isFile()) {
    throw new Error(`No index.html in ${root}: build the app first (npm run build).`)
  }
  return real
}

/**
 * @param {http.Server} server
 * @param {number} port
 * @param {string} host
 * @returns {Promise<number>} the port actually bound
 */
function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      const address = server.address()
      resolve(typeof address === 'object' && address ? address.port : port)
    })
  })
}

/**
 * @param {http.Server} server
 * @returns {Promise<void>}
 */
function closeHttp(server) {
  server.closeAllConnections()
  return new Promise((resolve) => server.close(() => resolve()))
}

/**
 * Serve a built app and run the signalling server next to it.
 * @param {object} [options]
 * @param {string} [options.root] folder to serve; default dist/ next to scripts/
 * @param {number} [options.port] default 8080; 0 picks a free port
 * @param {string} [options.host] default '0.0.0.0' (reachable from the LAN)
 * @param {number | null} [options.signalPort] default 4444; 0 picks a free port; null runs no
 *   signalling server (the app alone: phones then sync by file, or through another server)
 * @param {Logger} [options.logger] for the signalling server's and request errors' lines
 * @returns {Promise<{ port: number, signalPort: number | null, close: () => Promise<void> }>}
 */
export async function startServer(options = {}) {
  const { root = DEFAULT_ROOT, port = 8080, host = '0.0.0.0', signalPort = 4444 } = options
  const logger = options.logger ?? { info: console.log, warn: console.warn }
  const realRoot = await checkRoot(root)
  const server = http.createServer((req, res) => {
    handle(realRoot, req, res).catch((/** @type {Error} */ err) => {
      logger.warn(`[serve] ${req.method ?? '?'} failed: ${err.message}`)
      if (res.headersSent) res.destroy()
      else sendError(res, 500)
    })
  })
  const boundPort = await listen(server, port, host)
  let signal
  try {
    signal =
      signalPort === null
        ? undefined
        : await startSignallingServer({ port: signalPort, host, logger })
  } catch (err) {
    await closeHttp(server)
    throw err
  }
  // The app's own port also speaks signalling at /signal: a phone then needs one address and,
  // behind a TLS reverse proxy, one certificate (wss:// on the same host as the page).
  server.on('upgrade', (req, socket, head) => {
    if (signal && requestPath(req.url ?? '/') === SIGNAL_PATH)
      signal.handleUpgrade(req, socket, head)
    else socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
  })
  /** @type {Promise<void> | undefined} */
  let closing
  const close = () => {
    closing ??= Promise.all([closeHttp(server), signal?.close()]).then(() => undefined)
    return closing
  }
  return { port: boundPort, signalPort: signal?.port ?? null, close }
}

/**
 * Non-internal IPv4 addresses: what another device on the LAN would type.
 * @returns {string[]}
 */
export function lanAddresses() {
  return Object.values(os.networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((i) => i.family === 'IPv4' && !i.internal)
    .map((i) => i.address)
}

/**
 * @param {string} host
 * @param {number} port
 * @param {number | null} signalPort
 * @returns {string}
 */
function banner(host, port, signalPort) {
  const everywhere = host === '0.0.0.0' || host === '::'
  const hosts = everywhere ? ['localhost', ...lanAddresses()] : [host]
  return [
    'Weave is running.',
    ...hosts.map((h) => `  App:        http://${h}:${port}`),
    ...(signalPort === null
      ? ['  Signalling: off (SIGNAL_PORT=off): phones sync by file, or through another server']
      : hosts.map(
          (h) => `  Signalling: ws://${h}:${port}${SIGNAL_PATH} (also ws://${h}:${signalPort})`,
        )),
    '',
    'Note: on this computer, http://localhost works as is. Phones on another address need',
    'https:// for offline use, installing the app and encryption (browsers allow them only on',
    'https or localhost), and wss:// for signalling: put this behind a TLS reverse proxy with a',
    'certificate the phones trust. Over plain http on a LAN address the app opens but cannot',
    'work offline, install or encrypt.',
  ].join('\n')
}

/**
 * @param {string} name
 * @param {number} fallback
 * @returns {number}
 */
function portFromEnv(name, fallback) {
  const value = process.env[name]
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new Error(`${name} must be a port number (0-65535), got "${value}".`)
  }
  return n
}

/**
 * @param {Error & { code?: string, port?: number }} err
 * @param {number} port
 * @returns {string}
 */
function startupError(err, port) {
  if (err.code !== 'EADDRINUSE') return `Cannot start: ${err.message}`
  const which = err.port === port ? 'PORT' : 'SIGNAL_PORT'
  return (
    `Cannot start: port ${err.port ?? '?'} is already in use (another server is running there?).\n` +
    `Stop that program, or choose another port, e.g. ${which}=${(err.port ?? 0) + 1} npm start`
  )
}

async function main() {
  const port = portFromEnv('PORT', 8080)
  // SIGNAL_PORT=off: the app alone, no signalling server
  const signalPort = process.env.SIGNAL_PORT === 'off' ? null : portFromEnv('SIGNAL_PORT', 4444)
  const host = process.env.HOST || '0.0.0.0'
  const root = process.argv[2] ?? DEFAULT_ROOT
  let server
  try {
    server = await startServer({ root, port, host, signalPort })
  } catch (err) {
    console.error(startupError(/** @type {Error} */ (err), port))
    process.exit(1)
  }
  console.log(banner(host, server.port, server.signalPort))
  const running = server
  const stop = () => {
    console.log('Stopping…')
    void running.close().then(() => process.exit(0))
    setTimeout(() => process.exit(0), 3000).unref() // a stuck socket must not keep us alive
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

const isMain =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (isMain) {
  main().catch((/** @type {Error} */ err) => {
    console.error(err.message)
    process.exit(1)
  })
}
