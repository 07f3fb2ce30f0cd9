/**
 * Starts the built app (dist/) with `node dist-server/serve.js` — the same server `npm start`
 * runs, signalling included — on free ports of 127.0.0.1, as its own process group, and
 * stops it by PID.
 */
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { createServer } from 'node:net'
import { join } from 'node:path'

const root = join(import.meta.dirname, '../..')

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port)
        else reject(new Error('no port'))
      })
    })
  })
}

export interface RunningApp {
  /** http://localhost:PORT — localhost is a secure context, so the service worker runs. */
  readonly url: string
  readonly signalUrl: string
  /** The folder being served (a private copy of dist/ when asked for). */
  readonly root: string
  /** Ends the server's process group and resolves once it has exited. */
  stop(): Promise<void>
}

/** Serves dist/, or with `copy` a private copy of it that a test may change (a new version). */
/** `signalling: false` serves the app alone (SIGNAL_PORT=off): no live sync is possible. */
export async function startApp(
  options: { copy?: boolean; signalling?: boolean } = {},
): Promise<RunningApp> {
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
