// Weave's signalling server: the y-webrtc signalling protocol, hardened for the open internet.
//
// Why it exists: y-webrtc ships bin/server.js, but it calls JSON.parse on every frame with no
// guard, so ONE frame that is not JSON (`not json {`) throws and ends the process for every
// network using it. It also has no limit on frame size, topics per connection, or message rate,
// and queues without bound for clients that stop reading. A network runs this on a small
// always-on machine facing the internet; one broken or hostile client must not take it down.
//
// Protocol: src/sync/wire/signalling.ts (the module the app's client shares), plus
// WebSocket-level keepalive pings; a connection that misses a pong is dropped.
// Plain HTTP GET answers "okay" (like the original); GET /health answers JSON counters.
//
// What happens to misbehaving clients (one log line each, never a message body or topic):
//   frame over maxPayload           -> closed 1009 (by ws)
//   not JSON / not a valid message  -> closed 1007
//   over the rate limit             -> messages dropped; still flooding -> closed 1008
//   topics over the caps            -> the extra subscriptions are refused, connection kept
//   receiver too slow (buffer full) -> that receiver is dropped instead of growing memory

import http from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocket, WebSocketServer, type RawData, type ServerOptions } from 'ws'
import {
  decodeSignallingFrame,
  encodeSignallingMessage,
  type PublishMessage,
  type SignallingMessage,
} from '../src/sync/wire/signalling'
import { createBucket, type Bucket } from './bucket'
import { consoleLogger, type Logger } from './log'
import { closeHttp, listen, refuseUpgrade } from './net'
import { DEFAULT_LIMITS, type Limits } from './signalling-limits'

export { DEFAULT_LIMITS, type Limits }

/** Hands a WebSocket upgrade over, so another HTTP server (the app's) can share the limits. */
export type UpgradeHandler = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => void

export interface SignallingServer {
  readonly port: number
  close(): Promise<void>
  /** lets the app's server hand its /signal upgrades over: one port, one TLS certificate */
  readonly handleUpgrade: UpgradeHandler
}

export interface SignallingOptions {
  /** default 4444; 0 picks a free port */
  readonly port?: number
  /** default '0.0.0.0' */
  readonly host?: string
  /** default: timestamped lines on stdout/stderr */
  readonly logger?: Logger
  /** overrides of DEFAULT_LIMITS */
  readonly limits?: Partial<Limits>
}

interface Conn {
  /** shown in logs instead of anything the client sent */
  readonly id: number
  readonly topics: Set<string>
  /** a pong (or message) arrived since the last keepalive ping */
  alive: boolean
  /** we decided to close it: ignore whatever else it sends */
  closing: boolean
  readonly messages: Bucket
  readonly bytes: Bucket
  /** messages dropped in the current one-second window */
  dropped: number
  dropWindowStart: number
  /** reasons already logged for this connection */
  readonly warned: Set<string>
}

interface State {
  readonly limits: Limits
  readonly logger: Logger
  /** topic -> subscribers */
  readonly topics: Map<string, Set<WebSocket>>
  readonly conns: Map<WebSocket, Conn>
  nextId: number
  /** time of the last server-wide warning (throttled) */
  lastServerWarning: number
}

/** Log a reason once per connection, so a client repeating a mistake makes one line. */
function warnOnce(state: State, conn: Conn, reason: string): void {
  if (conn.warned.has(reason)) return
  conn.warned.add(reason)
  state.logger.warn(`conn#${conn.id} ${reason}`)
}

/** Log a server-wide condition at most once a minute. */
function warnThrottled(state: State, line: string): void {
  const now = Date.now()
  if (now - state.lastServerWarning < 60_000) return
  state.lastServerWarning = now
  state.logger.warn(line)
}

/** Close a connection for a protocol or policy violation; reason is short fixed text. */
function refuse(state: State, ws: WebSocket, conn: Conn, code: number, reason: string): void {
  if (conn.closing) return
  conn.closing = true
  state.logger.warn(`conn#${conn.id} closed (${code}): ${reason}`)
  ws.close(code, reason)
}

/** Rate limit before parsing, so a flood costs us as little as possible. */
function admit(state: State, ws: WebSocket, conn: Conn, size: number): boolean {
  if (conn.messages.take(1) && conn.bytes.take(size)) return true
  const now = performance.now()
  if (now - conn.dropWindowStart > 1000) {
    conn.dropWindowStart = now
    conn.dropped = 0
  }
  conn.dropped += 1
  warnOnce(state, conn, 'over the rate limit: dropping messages')
  if (conn.dropped > state.limits.floodCloseAfter) {
    refuse(state, ws, conn, 1008, 'rate limit exceeded')
  }
  return false
}

/** Add one subscription, unless a cap says no. */
function subscribeOne(state: State, ws: WebSocket, conn: Conn, topic: string): void {
  const { limits } = state
  if (conn.topics.has(topic)) return
  if (conn.topics.size >= limits.maxTopicsPerConnection) {
    warnOnce(state, conn, `refused subscriptions over ${limits.maxTopicsPerConnection} topics`)
    return
  }
  let subscribers = state.topics.get(topic)
  if (!subscribers) {
    if (state.topics.size >= limits.maxTopics) {
      warnOnce(state, conn, 'refused a subscription: server topic limit reached')
      warnThrottled(state, `server holds ${limits.maxTopics} topics (the limit): new ones refused`)
      return
    }
    subscribers = new Set()
    state.topics.set(topic, subscribers)
  }
  if (subscribers.size >= limits.maxSubscribersPerTopic) {
    warnOnce(state, conn, 'refused a subscription: topic subscriber limit reached')
    return
  }
  subscribers.add(ws)
  conn.topics.add(topic)
}

function unsubscribeOne(state: State, ws: WebSocket, conn: Conn, topic: string): void {
  const subscribers = state.topics.get(topic)
  subscribers?.delete(ws)
  // The original keeps empty topics and stale entries forever; drop them so the caps stay true.
  if (subscribers?.size === 0) state.topics.delete(topic)
  conn.topics.delete(topic)
}

/**
 * Queue text to a receiver, dropping receivers that stopped reading instead of buffering without
 * bound (a phone on a dead network keeps its socket "open" until keepalive notices).
 */
function sendText(state: State, ws: WebSocket, text: string): void {
  if (ws.readyState !== WebSocket.OPEN) return
  const conn = state.conns.get(ws)
  if (ws.bufferedAmount + text.length > state.limits.maxBufferedBytes) {
    if (conn && !conn.closing) {
      conn.closing = true
      state.logger.warn(
        `conn#${conn.id} dropped: too slow, over ${state.limits.maxBufferedBytes} bytes queued`,
      )
    }
    ws.terminate() // close() would queue behind the full buffer; terminate frees it now
    return
  }
  ws.send(text)
}

function publish(state: State, ws: WebSocket, conn: Conn, message: PublishMessage): void {
  const receivers = state.topics.get(message.topic)
  if (!receivers) return
  let text: string
  try {
    // once for all receivers, not once each
    text = encodeSignallingMessage({ ...message, clients: receivers.size })
  } catch {
    refuse(state, ws, conn, 1007, 'message cannot be relayed')
    return
  }
  for (const receiver of [...receivers]) sendText(state, receiver, text)
}

function dispatch(state: State, ws: WebSocket, conn: Conn, message: SignallingMessage): void {
  switch (message.type) {
    case 'subscribe':
    case 'unsubscribe': {
      const apply = message.type === 'subscribe' ? subscribeOne : unsubscribeOne
      for (const topic of message.topics) apply(state, ws, conn, topic)
      return
    }
    case 'publish':
      publish(state, ws, conn, message)
      return
    case 'ping':
      sendText(state, ws, encodeSignallingMessage({ type: 'pong' }))
      return
    case 'pong':
      return
  }
}

function onMessage(state: State, ws: WebSocket, conn: Conn, data: Buffer): void {
  if (conn.closing) return
  conn.alive = true
  if (!admit(state, ws, conn, data.length)) return
  const decoded = decodeSignallingFrame(data.toString('utf8'), state.limits.maxTopicLength)
  if (!decoded.ok) {
    refuse(state, ws, conn, 1007, decoded.error)
    return
  }
  // Unknown types are ignored, as the original does, so newer clients keep working.
  if (!decoded.value.known) return
  dispatch(state, ws, conn, decoded.value.message)
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data
  if (Array.isArray(data)) return Buffer.concat(data)
  return Buffer.from(data)
}

function onConnection(state: State, ws: WebSocket): void {
  const { limits } = state
  const conn: Conn = {
    id: ++state.nextId,
    topics: new Set(),
    alive: true,
    closing: false,
    messages: createBucket(limits.messagesPerSecond, limits.messageBurst),
    bytes: createBucket(limits.bytesPerSecond, Math.max(limits.byteBurst, limits.maxPayload)),
    dropped: 0,
    dropWindowStart: performance.now(),
    warned: new Set(),
  }
  state.conns.set(ws, conn)
  ws.on('message', (data) => onMessage(state, ws, conn, toBuffer(data)))
  ws.on('pong', () => {
    conn.alive = true
  })
  // WebSocket-level pings are answered by ws itself; count them so they cannot flood either.
  ws.on('ping', (data) => {
    if (!conn.closing) admit(state, ws, conn, data.length)
  })
  // Without an 'error' listener ws would throw (e.g. on an oversized frame) and end the process.
  ws.on('error', (err: Error & { code?: string }) => {
    if (String(err.code).startsWith('WS_ERR_') && !conn.closing) {
      conn.closing = true
      state.logger.warn(`conn#${conn.id} closed: ${err.message}`)
    }
  })
  ws.on('close', () => {
    for (const topic of [...conn.topics]) unsubscribeOne(state, ws, conn, topic)
    state.conns.delete(ws)
  })
}

/** One timer for all connections: ping, and cut those that did not answer the previous ping. */
function startKeepalive(state: State): NodeJS.Timeout {
  const timer = setInterval(() => {
    for (const [ws, conn] of state.conns) {
      if (!conn.alive) {
        ws.terminate()
        continue
      }
      conn.alive = false
      try {
        ws.ping()
      } catch {
        ws.terminate()
      }
    }
  }, state.limits.pingIntervalMs)
  timer.unref()
  return timer
}

function onHttpRequest(state: State, req: http.IncomingMessage, res: http.ServerResponse): void {
  const pathname = (req.url ?? '/').split('?')[0]
  if (pathname === '/health') {
    const body = JSON.stringify({
      status: 'ok',
      connections: state.conns.size,
      topics: state.topics.size,
      uptimeSeconds: Math.round(process.uptime()),
    })
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
    res.end(body)
    return
  }
  res.writeHead(200, { 'Content-Type': 'text/plain' })
  res.end('okay')
}

function onUpgrade(
  state: State,
  wss: WebSocketServer,
  ...[req, socket, head]: Parameters<UpgradeHandler>
): void {
  if (state.conns.size >= state.limits.maxConnections) {
    warnThrottled(
      state,
      `connection limit (${state.limits.maxConnections}) reached: refusing new ones`,
    )
    refuseUpgrade(socket, '503 Service Unavailable')
    return
  }
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
}

/** Start the signalling server on its own port. */
export async function startSignallingServer(
  options: SignallingOptions = {},
): Promise<SignallingServer> {
  const { port = 4444, host = '0.0.0.0', logger = consoleLogger('signal') } = options
  const state: State = {
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    logger,
    topics: new Map(),
    conns: new Map(),
    nextId: 0,
    lastServerWarning: -Infinity,
  }
  // closeTimeout exists in ws 8.23 (websocket-server.js) but not yet in @types/ws 8.18.
  const wsOptions: ServerOptions & { closeTimeout: number } = {
    noServer: true,
    maxPayload: state.limits.maxPayload,
    perMessageDeflate: false, // compression invites zip bombs and costs CPU for tiny messages
    closeTimeout: state.limits.closeTimeoutMs,
  }
  const wss = new WebSocketServer(wsOptions)
  wss.on('connection', (ws) => onConnection(state, ws))
  const server = http.createServer((req, res) => onHttpRequest(state, req, res))
  const handleUpgrade: UpgradeHandler = (req, socket, head) =>
    onUpgrade(state, wss, req, socket, head)
  server.on('upgrade', handleUpgrade)
  const boundPort = await listen(server, port, host)
  const keepalive = startKeepalive(state)

  let closing: Promise<void> | undefined
  const close = () => {
    closing ??= (async () => {
      clearInterval(keepalive)
      for (const ws of wss.clients) ws.terminate()
      await new Promise<void>((resolve) => wss.close(() => resolve()))
      await closeHttp(server)
    })()
    return closing
  }
  return { port: boundPort, close, handleUpgrade }
}
