// The signalling server alone, for a network's small always-on machine:
// `SIGNAL_PORT=4444 node dist-server/signalling.js` (PORT is read when SIGNAL_PORT is unset),
// SIGNAL_HOST (0.0.0.0), SIGNAL_MAX_PAYLOAD (bytes, 1 MiB).
import { consoleLogger } from './log'
import { intFromEnv, portFromEnv } from './net'
import { DEFAULT_LIMITS, startSignallingServer } from './signalling'

async function main(): Promise<void> {
  const env = process.env
  const portVariable = env.SIGNAL_PORT !== undefined ? 'SIGNAL_PORT' : 'PORT'
  const port = portFromEnv(portVariable, 4444)
  const host = env.SIGNAL_HOST || '0.0.0.0'
  const maxPayload = intFromEnv('SIGNAL_MAX_PAYLOAD', DEFAULT_LIMITS.maxPayload)
  const server = await startSignallingServer({ port, host, limits: { maxPayload } })
  consoleLogger('signal').info(`signalling server listening on ws://${host}:${server.port}`)
  const stop = () => {
    void server.close().then(() => process.exit(0))
    setTimeout(() => process.exit(0), 3000).unref()
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((err: unknown) => {
  const busy = (err as { code?: unknown }).code === 'EADDRINUSE'
  const message = err instanceof Error ? err.message : String(err)
  console.error(busy ? `Signalling server cannot start: ${message} (port already in use)` : message)
  process.exit(1)
})
