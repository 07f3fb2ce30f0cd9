// `npm start`'s server: the built app, the signalling server and the post box, configured from
// the environment: PORT (8080), SIGNAL_PORT (4444, or `off` for the app alone), HOST (0.0.0.0),
// BOX (`off`: no post box), BOX_DB or DATABASE_URL (postbox/open-store.ts), and the folder to
// serve as the first argument (default dist/).
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { SIGNAL_PATH } from '../src/sync/wire/signalling'
import { BOX_PATH } from '../src/sync/wire/postbox'
import { startServer, type AppServer } from './app-server'
import { portFromEnv } from './net'
import { openBoxStore, type OpenedBoxStore } from './postbox/open-store'

/** dist/ beside the folder this file runs from (dist-server/ when built, server/ in tests). */
const DEFAULT_ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '../dist')

/** Non-internal IPv4 addresses: what another device on the LAN would type. */
export function lanAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((i) => i.family === 'IPv4' && !i.internal)
    .map((i) => i.address)
}

function banner(
  host: string,
  port: number,
  signalPort: number | null,
  box: OpenedBoxStore | undefined,
): string {
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
    ...(box
      ? [
          ...hosts.map((h) => `  Post box:   ws://${h}:${port}${BOX_PATH}`),
          `              kept in ${box.location} (${box.engine})`,
        ]
      : ['  Post box:   off (BOX=off)']),
    '',
    'Note: on this computer, http://localhost works as is. Phones on another address need',
    'https:// for offline use, installing the app and encryption (browsers allow them only on',
    'https or localhost), and wss:// for signalling: put this behind a TLS reverse proxy with a',
    'certificate the phones trust. Over plain http on a LAN address the app opens but cannot',
    'work offline, install or encrypt.',
  ].join('\n')
}

function startupError(err: Error & { code?: string; port?: number }, port: number): string {
  if (err.code !== 'EADDRINUSE') return `Cannot start: ${err.message}`
  const which = err.port === port ? 'PORT' : 'SIGNAL_PORT'
  return (
    `Cannot start: port ${err.port ?? '?'} is already in use (another server is running there?).\n` +
    `Stop that program, or choose another port, e.g. ${which}=${(err.port ?? 0) + 1} npm start`
  )
}

async function main(): Promise<void> {
  const port = portFromEnv('PORT', 8080)
  // SIGNAL_PORT=off: the app alone, no signalling server
  const signalPort = process.env.SIGNAL_PORT === 'off' ? null : portFromEnv('SIGNAL_PORT', 4444)
  const host = process.env.HOST || '0.0.0.0'
  const root = process.argv[2] ?? DEFAULT_ROOT
  let server: AppServer
  let box: OpenedBoxStore | undefined
  try {
    box = process.env.BOX === 'off' ? undefined : await openBoxStore(process.env)
    server = await startServer({
      root,
      port,
      host,
      signalPort,
      ...(box ? { boxStore: box.store } : {}),
    })
  } catch (err) {
    console.error(startupError(err as Error, port))
    process.exit(1)
  }
  console.log(banner(host, server.port, server.signalPort, box))
  const stop = () => {
    console.log('Stopping…')
    void server.close().then(() => process.exit(0))
    setTimeout(() => process.exit(0), 3000).unref() // a stuck socket must not keep us alive
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err))
  process.exit(1)
})
