// Serving the built app (dist/), and why each rule is there:
// - SPA fallback: an extensionless navigation (/spaces/abc) gets index.html, so deep links and
//   reloads work; a missing file with an extension (/assets/missing.js) is a real 404, never
//   HTML that a browser would try to run as a script.
// - index.html, sw.js, the workbox files and the manifest are `no-cache` (revalidated every time)
//   so an update is seen; /assets/* carry content hashes in their names, so they are immutable.
// - Security headers on every response, the CSP from server/csp.ts (no third-party requests).
// - Requests whose path leaves dist/ (../, encoded or not, or via a symlink) are refused.

import fs from 'node:fs'
import fsp from 'node:fs/promises'
import http from 'node:http'
import path from 'node:path'
import { compressed, compressible, pickEncoding } from './compression'
import { CSP_HEADER } from './csp'

/** Sent with every response, errors included. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CSP_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
})

const MIME_TYPES: Readonly<Record<string, string>> = Object.freeze({
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

interface FoundFile {
  /** absolute path */
  readonly file: string
  readonly stat: fs.Stats
}

/**
 * The decoded request path, or null when it is malformed or tries to climb out of the root.
 * Checked on the raw URL: `new URL()` would silently collapse `/../x` into `/x`.
 */
export function requestPath(rawUrl: string | undefined): string | null {
  const raw = (rawUrl ?? '/').split(/[?#]/)[0] ?? '/'
  let decoded: string
  try {
    decoded = decodeURIComponent(raw)
  } catch {
    return null
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null
  if (decoded.split('/').some((segment) => segment === '..' || segment === '.')) return null
  return decoded
}

/** root: the real path of the served folder */
function isInside(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root + path.sep)
}

/** Find the file for a request path, following a folder to its index.html. */
async function findFile(root: string, pathname: string): Promise<FoundFile | null> {
  const full = path.resolve(root, '.' + pathname)
  if (!isInside(root, full)) return null
  try {
    const real = await fsp.realpath(full)
    if (!isInside(root, real)) return null // a symlink pointing out of dist/
    const stat = await fsp.stat(real)
    if (stat.isFile()) return { file: real, stat }
    if (stat.isDirectory()) return await findFile(root, path.posix.join(pathname, 'index.html'))
    return null
  } catch {
    return null // ENOENT, ENOTDIR, EACCES: all "not here"
  }
}

/** A browser navigation to an app route (no file extension, HTML acceptable), not a lost asset. */
function isNavigation(req: http.IncomingMessage, pathname: string): boolean {
  if (pathname.startsWith('/assets/')) return false
  if (path.posix.extname(pathname) !== '') return false
  const accept = req.headers.accept
  return !accept || accept.includes('text/html') || accept.includes('*/*')
}

export function sendError(
  res: http.ServerResponse,
  status: number,
  extra: Record<string, string> = {},
): void {
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

/** pathname: the path the caching rule is chosen for */
function sendFile(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  { file, stat }: FoundFile,
  pathname: string,
): void {
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

/** Answer one HTTP request from the served folder (root: its real path). */
export async function serveStatic(
  root: string,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
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

/** The served folder's real path; fails clearly when the app has not been built. */
export async function checkRoot(root: string): Promise<string> {
  const real = await fsp.realpath(root).catch(() => null)
  const index =
    real === null ? null : await fsp.stat(path.join(real, 'index.html')).catch(() => null)
  if (real === null || !index?.isFile()) {
    throw new Error(`No index.html in ${root}: build the app first (npm run build).`)
  }
  return real
}
