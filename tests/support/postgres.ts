// A throwaway PostgreSQL server for tests: a new cluster in a temporary folder, on a free
// port of 127.0.0.1 with its unix socket in that folder, fsync off unless asked (nothing here
// must survive a power cut), stopped by its PID and deleted at the end. initdb and postgres refuse to run as
// root, so as root they run as the `postgres` user (or `nobody`) through runuser.
// scripts/ensure-postgres.mjs (run by `npm run test:unit`) installs Debian's package first.
import { execFile, execFileSync, spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { chown, mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

export interface TempPostgres {
  /** postgres://weave@127.0.0.1:<port>/postgres, the superuser needing no password */
  readonly url: string
  /** ms from nothing to accepting connections */
  readonly startMs: number
  stop(): Promise<void>
}

function binDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN
  const root = '/usr/lib/postgresql'
  const found = existsSync(root)
    ? readdirSync(root)
        .filter((name) => /^\d+$/.test(name))
        .sort((a, b) => Number(b) - Number(a))
        .map((version) => path.join(root, version, 'bin'))
        .find((dir) => existsSync(path.join(dir, 'initdb')))
    : undefined
  if (!found) {
    throw new Error('No PostgreSQL server programs: run `node scripts/ensure-postgres.mjs` first.')
  }
  return found
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

export interface StartOptions {
  /** true: flush to disk as a real server does (benchmarks); default off for tests */
  readonly durable?: boolean
}

export async function startPostgres(options: StartOptions = {}): Promise<TempPostgres> {
  const started = performance.now()
  const bin = binDir()
  const dir = await mkdtemp(path.join(tmpdir(), 'weave-pg-'))
  const data = path.join(dir, 'data')
  const asRoot = process.getuid?.() === 0
  const user = asRoot ? (hasUser('postgres') ? 'postgres' : 'nobody') : ''
  if (asRoot) {
    const id = (flag: string) => Number(execFileSync('id', [flag, user], { encoding: 'utf8' }))
    await chown(dir, id('-u'), id('-g'))
  }
  const as = (program: string, args: string[]): [string, string[]] =>
    asRoot
      ? ['runuser', ['-u', user, '--', path.join(bin, program), ...args]]
      : [path.join(bin, program), args]

  await run(...as('initdb', ['-D', data, '-U', 'weave', '-A', 'trust', '-E', 'UTF8', '--no-sync']))
  const port = await freePort()
  const [command, args] = as('postgres', [
    ...['-D', data, '-p', String(port), '-h', '127.0.0.1', '-k', dir],
    ...(options.durable
      ? []
      : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
  ])
  const child = spawn(command, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let log = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`PostgreSQL did not start:\n${log}`)), 30_000)
    child.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString()
      if (log.includes('ready to accept connections')) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`PostgreSQL stopped at start (${code}):\n${log}`))
    })
  })

  const stop = async () => {
    // The postmaster's own PID (runuser is its parent): SIGINT is a fast shutdown.
    const pid = Number(readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0])
    if (child.exitCode === null) {
      process.kill(pid, 'SIGINT')
      const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
    }
    await rm(dir, { recursive: true, force: true })
  }
  return {
    url: `postgres://weave@127.0.0.1:${port}/postgres`,
    startMs: Math.round(performance.now() - started),
    stop,
  }
}

function hasUser(name: string): boolean {
  try {
    execFileSync('id', ['-u', name], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}
