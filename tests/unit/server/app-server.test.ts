// What a browser gets from `npm start`: right types, caching and security headers, deep links
// that load the app, and nothing from outside dist/.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import http from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { startServer } from '../../../server/app-server'
import { requestPath } from '../../../server/static'

type Server = Awaited<ReturnType<typeof startServer>>

const INDEX = '<!doctype html><title>Weave</title><div id="root"></div>'
const SCRIPT = 'console.log("x")'
const quiet = { info: () => undefined, warn: () => undefined }

let workDir = ''
let root = ''
let server: Server | undefined

beforeEach(async () => {
  // A secret next to the served folder, as package.json sits next to dist/.
  workDir = await mkdtemp(path.join(tmpdir(), 'weave-serve-'))
  root = path.join(workDir, 'dist')
  await mkdir(path.join(root, 'assets'), { recursive: true })
  await writeFile(path.join(workDir, 'package.json'), '{"secret":"outside-dist"}')
  await writeFile(path.join(root, 'index.html'), INDEX)
  await writeFile(path.join(root, 'assets', 'x.js'), SCRIPT)
  await writeFile(path.join(root, 'assets', 'x.css'), 'body{}')
  await writeFile(path.join(root, 'sw.js'), 'self.addEventListener("fetch", () => {})')
  await writeFile(path.join(root, 'manifest.webmanifest'), '{"name":"Weave"}')
  await writeFile(path.join(root, 'icon.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]))
  await writeFile(path.join(root, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
})

afterEach(async () => {
  await server?.close()
  server = undefined
  await rm(workDir, { recursive: true, force: true })
})

async function start(): Promise<Server> {
  server = await startServer({ root, port: 0, host: '127.0.0.1', signalPort: 0, logger: quiet })
  return server
}

interface RawResponse {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

/** A raw request: fetch() would normalise `/../x` away before it left the client. */
function rawGet(
  port: number,
  requestPath: string,
  headers: http.OutgoingHttpHeaders = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: requestPath, headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

const get = (path: string, headers?: http.OutgoingHttpHeaders) =>
  rawGet(server!.port, path, headers)

describe('server: static files', () => {
  it('serves files with the right MIME types', async () => {
    await start()
    const cases: [string, string][] = [
      ['/', 'text/html'],
      ['/index.html', 'text/html'],
      ['/assets/x.js', 'text/javascript'],
      ['/assets/x.css', 'text/css'],
      ['/manifest.webmanifest', 'application/manifest+json'],
      ['/icon.png', 'image/png'],
      ['/icon.svg', 'image/svg+xml'],
    ]
    for (const [url, type] of cases) {
      const res = await get(url)
      expect(res.status, url).toBe(200)
      expect(res.headers['content-type'], url).toContain(type)
    }
    expect((await get('/assets/x.js')).body).toBe(SCRIPT)
  })

  it('sends the Content-Security-Policy and other security headers on every response', async () => {
    await start()
    for (const url of ['/', '/assets/x.js', '/assets/missing.js', '/../package.json']) {
      const res = await get(url)
      expect(res.headers['content-security-policy'], url).toBe(
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
          "connect-src 'self' ws: wss:; img-src 'self' data: blob:; media-src 'self' blob:; " +
          "font-src 'self'; " +
          "worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; " +
          "form-action 'self'; frame-ancestors 'none'",
      )
      expect(res.headers['x-content-type-options'], url).toBe('nosniff')
      expect(res.headers['referrer-policy'], url).toBe('no-referrer')
    }
  })

  it('revalidates the app shell and caches hashed assets for good', async () => {
    await start()
    for (const url of ['/', '/index.html', '/sw.js', '/manifest.webmanifest', '/spaces/abc']) {
      expect((await get(url, { accept: 'text/html' })).headers['cache-control'], url).toBe(
        'no-cache',
      )
    }
    expect((await get('/assets/x.js')).headers['cache-control']).toContain('immutable')
    expect((await get('/assets/missing.js')).headers['cache-control']).not.toContain('immutable')
  })

  it('answers a repeat request with 304 when the file has not changed', async () => {
    await start()
    const first = await get('/assets/x.js')
    const again = await get('/assets/x.js', { 'if-none-match': first.headers.etag })
    expect(again.status).toBe(304)
    expect(again.body).toBe('')
  })
  it('compresses text files for clients that accept it, and leaves images alone', async () => {
    await start()
    const fetched = await fetch(`http://127.0.0.1:${server!.port}/assets/x.js`, {
      headers: { 'accept-encoding': 'br, gzip' },
    })
    expect(fetched.headers.get('content-encoding')).toBe('br')
    expect(fetched.headers.get('vary')).toBe('Accept-Encoding')
    expect(await fetched.text()).toBe(SCRIPT) // fetch decodes it: the content is unchanged
    expect(
      (await get('/assets/x.js', { 'accept-encoding': 'gzip' })).headers['content-encoding'],
    ).toBe('gzip')
    expect((await get('/assets/x.js')).headers['content-encoding']).toBeUndefined()
    expect(
      (await get('/icon.png', { 'accept-encoding': 'gzip' })).headers['content-encoding'],
    ).toBeUndefined()
  })
})

describe('server: routing', () => {
  it('serves index.html for a deep link to an app route (SPA fallback)', async () => {
    await start()
    const res = await get('/spaces/abc', { accept: 'text/html,application/xhtml+xml' })
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toContain('text/html')
    expect(res.body).toBe(INDEX)
  })

  it('answers 404, not the app, for a missing file with an extension', async () => {
    await start()
    for (const url of ['/assets/missing.js', '/missing.png', '/assets/chunk']) {
      const res = await get(url, { accept: '*/*' })
      expect(res.status, url).toBe(404)
      expect(res.body, url).not.toContain('<!doctype html>')
    }
  })

  it('refuses paths that climb out of dist/', async () => {
    await start()
    const attempts = [
      '/../package.json',
      '/%2e%2e/package.json',
      '/..%2fpackage.json',
      '/assets/..%2f..%2fpackage.json',
      '/x%00.js',
    ]
    for (const url of attempts) {
      const res = await get(url)
      expect(res.status, url).toBe(400)
      expect(res.body, url).not.toContain('outside-dist')
    }
  })

  it('refuses methods other than GET and HEAD', async () => {
    await start()
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: server!.port, path: '/', method: 'POST' },
        (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        },
      )
      req.on('error', reject)
      req.end()
    })
    expect(status).toBe(405)
  })

  it('parses request paths strictly', () => {
    expect(requestPath('/spaces/abc?x=1')).toBe('/spaces/abc')
    expect(requestPath('/a%20b.txt')).toBe('/a b.txt')
    expect(requestPath('/%E0%A4%A')).toBeNull()
    expect(requestPath('/a/../b')).toBeNull()
    expect(requestPath('/a\\..\\b')).toBeNull()
  })
})

describe('server: process', () => {
  const ping = (url: string) => {
    const ws = new WebSocket(url)
    return new Promise<string>((resolve, reject) => {
      ws.on('open', () => ws.send(JSON.stringify({ type: 'ping' })))
      ws.on('message', (data: Buffer) => resolve(data.toString('utf8')))
      ws.on('error', reject)
    }).finally(() => ws.terminate())
  }

  it('runs the signalling server next to the app, on its own port and at /signal', async () => {
    const { port, signalPort } = await start()
    expect(JSON.parse(await ping(`ws://127.0.0.1:${signalPort}`))).toEqual({ type: 'pong' })
    expect(JSON.parse(await ping(`ws://127.0.0.1:${port}/signal`))).toEqual({ type: 'pong' })
    await expect(ping(`ws://127.0.0.1:${port}/elsewhere`)).rejects.toThrow(/404/)
  })

  it('runs without a signalling server when asked (SIGNAL_PORT=off)', async () => {
    server = await startServer({
      root,
      port: 0,
      host: '127.0.0.1',
      signalPort: null,
      logger: quiet,
    })
    expect(server.signalPort).toBeNull()
    await expect(ping(`ws://127.0.0.1:${server.port}/signal`)).rejects.toThrow(/404/)
  })

  it('fails clearly when the port is busy, and when there is no build', async () => {
    const first = await start()
    await expect(
      startServer({ root, port: first.port, host: '127.0.0.1', signalPort: 0, logger: quiet }),
    ).rejects.toMatchObject({ code: 'EADDRINUSE' })
    await expect(
      startServer({
        root: path.join(workDir, 'nope'),
        port: 0,
        host: '127.0.0.1',
        signalPort: 0,
        logger: quiet,
      }),
    ).rejects.toThrow(/build/)
  })
})
