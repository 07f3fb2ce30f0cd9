// What `npm start` runs: serves the built app (dist/), runs the signalling server and, given a
// store, the post box at /box, in one process, for a laptop or a small always-on machine. Dependencies: node: built-ins and `ws`,
// so a network can run it anywhere Node 20 runs.
import http from 'node:http'
import { BOX_PATH } from '../src/sync/wire/postbox'
import { SIGNAL_PATH } from '../src/sync/wire/signalling'
import type { Logger } from './log'
import { closeHttp, listen, refuseUpgrade } from './net'
import { createPostBox, type BoxLimitsOnWire, type PostBox } from './postbox/box'
import type { BoxStore } from './postbox/store'
import { startSignallingServer, type SignallingServer } from './signalling'
import { checkRoot, requestPath, sendError, serveStatic } from './static'

export interface AppServerOptions {
  /** the folder to serve (a built app: dist/) */
  readonly root: string
  /** default 8080; 0 picks a free port */
  readonly port?: number
  /** default '0.0.0.0' (reachable from the LAN) */
  readonly host?: string
  /**
   * default 4444; 0 picks a free port; null runs no signalling server (the app alone: phones
   * then sync by file, or through another server)
   */
  readonly signalPort?: number | null
  /** for the signalling server's and request errors' lines */
  readonly logger?: Logger
  /** the post box's store (open-store.ts): with one, the box answers at /box; closed with us */
  readonly boxStore?: BoxStore
  readonly boxLimits?: Partial<BoxLimitsOnWire>
}

export interface AppServer {
  readonly port: number
  readonly signalPort: number | null
  close(): Promise<void>
}

/** Serve a built app and run the signalling server next to it. */
export async function startServer(options: AppServerOptions): Promise<AppServer> {
  const { root, port = 8080, host = '0.0.0.0', signalPort = 4444 } = options
  const logger = options.logger ?? { info: console.log, warn: console.warn }
  const realRoot = await checkRoot(root)
  const server = http.createServer((req, res) => {
    serveStatic(realRoot, req, res).catch((err: unknown) => {
      logger.warn(`[serve] ${req.method ?? '?'} failed: ${String(err)}`)
      if (res.headersSent) res.destroy()
      else sendError(res, 500)
    })
  })
  const box: PostBox | undefined = options.boxStore
    ? createPostBox(options.boxStore, {
        logger,
        ...(options.boxLimits ? { limits: options.boxLimits } : {}),
      })
    : undefined
  const boundPort = await listen(server, port, host)
  let signal: SignallingServer | undefined
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
  server.on('upgrade', (req: http.IncomingMessage, socket, head: Buffer) => {
    if (signal && requestPath(req.url ?? '/') === SIGNAL_PATH)
      signal.handleUpgrade(req, socket, head)
    else if (box && requestPath(req.url ?? '/') === BOX_PATH) box.handleUpgrade(req, socket, head)
    else refuseUpgrade(socket, '404 Not Found')
  })
  let closing: Promise<void> | undefined
  const close = () => {
    closing ??= Promise.all([closeHttp(server), signal?.close(), box?.close()])
      .then(() => options.boxStore?.close())
      .then(() => undefined)
    return closing
  }
  return { port: boundPort, signalPort: signal?.port ?? null, close }
}
