#!/usr/bin/env node
// Weave's signalling server: the y-webrtc signalling protocol, hardened for the open internet.
//
// Why it exists: y-webrtc ships bin/server.js, but it calls JSON.parse on every frame with no
// guard, so ONE frame that is not JSON (`not json {`) throws and ends the process for every
// network using it. It also has no limit on frame size, topics per connection, or message rate,
// and queues without bound for clients that stop reading. A network runs this on a small
// always-on machine facing the internet; one broken or hostile client must not take it down.
//
// Protocol (same as y-webrtc's server, so y-webrtc clients work unchanged): JSON text frames
//   {type:'subscribe', topics:[...]}  {type:'unsubscribe', topics:[...]}
//   {type:'publish', topic, ...}  -> relayed to every subscriber of topic (sender included)
//                                    with `clients` (number of subscribers) added
//   {type:'ping'}                 -> {type:'pong'}
// plus WebSocket-level keepalive pings; a connection that misses a pong is dropped.
// Plain HTTP GET answers "okay" (like the original); GET /health answers JSON counters.
//
// What happens to misbehaving clients (one log line each, never a message body or topic):
//   frame over maxPayload           -> closed 1009 (by ws)
//   not JSON / not a valid message  -> closed 1007
//   over the rate limit             -> messages dropped; still flooding -> closed 1008
//   topics over the caps            -> the extra subscriptions are refused, connection kept
//   receiver too slow (buffer full) -> that receiver is dropped instead of growing memory

import http from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { WebSocket, WebSocketServer } from 'ws'

/**
 * @typedef {object} Limits
 * @property {number} maxPayload largest frame in bytes; y-webrtc's messages are a few KB
 * @property {number} maxTopicLength longest topic name (ours are hex hashes of 64 chars)
 * @property {number} maxTopicsPerConnection subscriptions one connection may hold
 * @property {number} maxTopics topics the whole server holds
 * @property {number} maxSubscribersPerTopic connections one topic may hold
 * @property {number} maxConnections open WebSocket connections; more are answered 503
 * @property {number} messagesPerSecond token-bucket refill rate per connection
 * @property {number} messageBurst token-bucket size per connection
 * @property {number} bytesPerSecond byte-bucket refill rate per connection
 * @property {number} byteBurst byte-bucket size per connection (at least maxPayload)
 * @property {number} floodCloseAfter dropped messages within one second that close with 1008
 * @property {number} maxBufferedBytes bytes queued to one receiver before it is dropped
 * @property {number} pingIntervalMs keepalive ping interval; no pong by the next one = dead
 * @property {number} closeTimeoutMs how long a closing handshake may take before the socket is cut
 */

/** @type {Readonly<Limits>} */
export const DEFAULT_LIMITS = Object.freeze({
  maxPayload: 1024 * 1024,
  maxTopicLength: 256,
  maxTopicsPerConnection: 64,
  maxTopics: 10_000,
  maxSubscribersPerTopic: 512,
  maxConnections: 2_000,
  messagesPerSecond: 100,
  messageBurst: 200,
  bytesPerSecond: 1024 * 1024,
  byteBurst: 4 * 1024 * 1024,
  floodCloseAfter: 100,
  maxBufferedBytes: 4 * 1024 * 1024,
  pingIntervalMs: 30_000,
  closeTimeoutMs: 5_000,
})

/**
 * @typedef {object} Logger
 * @property {(line: string) => void} info
 * @property {(line: string) => void} warn
 */

/** @type {Logger} */
const consoleLogger = {
  info: (line) => console.log(`${new Date().toISOString()} [signal] ${line}`),
  warn: (line) => console.warn(`${new Date().toISOString()} [signal] ${line}`),
}

/**
 * @typedef {object} Bucket
 * @property {(cost: number) => boolean} take false when there are not enough tokens
 */

/**
 * A token bucket: `burst` tokens, refilled at `ratePerSecond`.
 * @param {number} ratePerSecond
 * @param {number} burst
 * @returns {Bucket}
 */
function createBucket(ratePerSecond, burst) {
  let tokens = burst
  let last = performance.now()
  return {
    take(cost) {
      const now = performance.now()
      tokens = Math.min(burst, tokens + ((now - last) / 1000) * ratePerSecond)
      last = now
      if (tokens < cost) return false
      tokens -= cost
      return true
    },
  }
}

/**
 * @typedef {object} Conn
 * @property {number} id shown in logs instead of anything the client sent
 * @property {Set<string>} topics
 * @property {boolean} alive a pong (or message) arrived since the last keepalive ping
 * @property {boolean} closing we decided to close it: ignore whatever else it sends
 * @property {Bucket} messages
 * @property {Bucket} bytes
 * @property {number} dropped messages dropped in the current one-second window
 * @property {number} dropWindowStart
 * @property {Set<string>} warned reasons already logged for this connection
 */

/**
 * @typedef {object} State
 * @property {Limits} limits
 * @property {Logger} logger
 * @property {Map<string, Set<WebSocket>>} topics topic -> subscribers
 * @property {Map<WebSocket, Conn>} conns
 * @property {number} nextId
 * @property {number} lastServerWarning time of the last server-wide warning (throttled)
 */

/**
 * Log a reason once per connection, so a client repeating a mistake makes one line.
 * @param {State} state
 * @param {Conn} conn
 * @param {string} reason
 */
function warnOnce(state, conn, reason) {
  if (conn.warned.has(reason)) return
  conn.warned.add(reason)
  state.logger.warn(`conn#${conn.id} ${reason}`)
}

/**
 * Log a server-wide condition at most once a minute.
 * @param {State} state
 * @param {string} line
 */
function warnThrottled(state, line) {
  const now = Date.now()
  if (now - state.lastServerWarning < 60_000) return
  state.lastServerWarning = now
  state.logger.warn(line)
}

/**
 * Close a connection for a protocol or policy violation, logging why.
 * @param {State} state
 * @param {WebSocket} ws
 * @param {Conn} conn
 * @param {number} code
 * @param {string} reason short, fixed text: sent to the client and logged
 */
function refuse(state, ws, conn, code, reason) {
  if (conn.closing) return
  conn.closing = true
  state.logger.warn(`conn#${conn.id} closed (${code}): ${reason}`)
  ws.close(code, reason)
}

/**
 * Rate limit before parsing, so a flood costs us as little as possible.
 * @param {State} state
 * @param {WebSocket} ws
 * @param {Conn} conn
 * @param {number} size bytes of the frame
 * @returns {boolean} true when the message may be handled
 */
function admit(state, ws, conn, size) {
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

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
function isRecord(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * @param {State} state
 * @param {unknown} value
 * @returns {value is string}
 */
function isTopic(state, value) {
  return (
    typeof value === 'string' && value.length > 0 && value.length <= state.limits.maxTopicLength
  )
}

/**
 * y-webrtc sends `topics` as an array of strings; the original server treats a missing one as [].
 * @param {State} state
 * @param {unknown} topics
 * @returns {string[] | null} null when the shape is wrong
 */
function topicList(state, topics) {
  if (topics === undefined) return []
  if (!Array.isArray(topics)) return null
  return topics.every((t) => isTopic(state, t)) ? /** @type {string[]} */ (topics) : null
}

/**
 * Add one subscription, unless a cap says no.
 * @param {State} state
 * @param {WebSocket} ws
 * @param {Conn} conn
 * @param {string} topic
 */
function subscribeOne(state, ws, conn, topic) {
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

/**
 * @param {State} state
 * @param {WebSocket} ws
 * @param {Conn} conn
 * @param {string} topic
 */
function unsubscribeOne(state, ws, conn, topic) {
  const subscribers = state.topics.get(topic)
  subscribers?.delete(ws)
  // The original keeps empty topics and stale entries forever; drop them so the caps stay true.
  if (subscribers?.size === 0) state.topics.delete(topic)
  conn.topics.delete(topic)
}

/**
 * Queue text to a receiver, dropping receivers that stopped reading instead of buffering without
 * bound (a phone on a dead network keeps its socket "open" until keepalive notices).
 * @param {State} state
 * @param {WebSocket} ws
 * @param {string} text
 */
function sendText(state, ws, text) {
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

/**
 * @param {State} state
 * @param {WebSocket} ws
 * @param {Conn} conn
 * @param {Record<string, unknown>} message
 */
function publish(state, ws, conn, message) {
  if (!isTopic(state, message.topic)) {
    refuse(state, ws, conn, 1007, 'publish without a valid topic')
    return
  }
  const receivers = state.topics.get(message.topic)
  if (!receivers) return
  message.clients = receivers.size
  let text
  try {
    text = JSON.stringify(message) // once for all receivers, not once each
  } catch {
    refuse(state, ws, conn, 1007, 'message cannot be relayed')
    return
  }
  for (const receiver of [...receivers]) sendText(state, receiver, text)
}

/**
 * @param {State} state
 * @param {WebSocket} ws
 * @param {Conn} conn
 * @param {Record<string, unknown>} message
 */
function dispatch(state, ws, conn, message) {
  switch (message.type) {
    case 'subscribe':
    case 'unsubscribe': {
      const topics = topicList(state, message.topics)
      if (topics === null) {
        refuse(state, ws, conn, 1007, `${message.type} without a valid topics array`)
        return
      }
      const apply = message.type === 'subscribe' ? subscribeOne : unsubscribeOne
      for (const topic of topics) apply(state, ws, conn, topic)
      return
    }
    case 'publish':
      publish(state, ws, conn, message)
      return
    case 'ping':
      sendText(state, ws, JSON.stringify({ type: 'pong' }))
      return
    default:
    // Unknown types are ignored, as the original does, so newer clients keep working.
  }
}

/**
 * @param {State} state
 * @param {WebSocket} ws
 * @param {Conn} conn
 * @param {Buffer} data
 */
function onMessage(state, ws, conn, data) {
  if (conn.closing) return
  conn.alive = true
  if (!admit(state, ws, conn, data.length)) return
  /** @type {unknown} */
  let message
  try {
    message = JSON.parse(data.toString('utf8'))
  } catch {
    refuse(state, ws, conn, 1007, 'frame is not JSON')
    return
  }
  if (!isRecord(message) || typeof message.type !== 'string') {
    refuse(state, ws, conn, 1007, 'message is not an object with a type')
    return
  }
  dispatch(state, ws, conn, message)
}

/**
 * @param {State} state
 * @param {WebSocket} ws
 */
function onConnection(state, ws) {
  const { limits } = state
  /** @type {Conn} */
  const conn = {
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
  ws.on('error', (/** @type {Error & { code?: string }} */ err) => {
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

/**
 * @param {import('ws').RawData} data
 * @returns {Buffer}
 */
function toBuffer(data) {
  if (Buffer.isBuffer(data)) return data
  if (Array.isArray(data)) return Buffer.concat(data)
  return Buffer.from(data)
}

/**
 * One timer for all connections: ping, and cut those that did not answer the previous ping.
 * @param {State} state
 * @returns {NodeJS.Timeout}
 */
function startKeepalive(state) {
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

/**
 * @param {State} state
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 */
function onHttpRequest(state, req, res) {
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

/**
 * @param {State} state
 * @param {WebSocketServer} wss
 * @param {http.IncomingMessage} req
 * @param {import('node:stream').Duplex} socket
 * @param {Buffer} head
 */
function onUpgrade(state, wss, req, socket, head) {
  if (state.conns.size >= state.limits.maxConnections) {
    warnThrottled(
      state,
      `connection limit (${state.limits.maxConnections}) reached: refusing new ones`,
    )
    socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
    return
  }
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
}

/**
 * @param {http.Server} server
 * @param {number} port
 * @param {string} host
 * @returns {Promise<number>} the port actually bound (useful with port 0)
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
 * Start the signalling server.
 * @param {object} [options]
 * @param {number} [options.port] default 4444; 0 picks a free port
 * @param {string} [options.host] default '0.0.0.0'
 * @param {Logger} [options.logger] default: timestamped lines on stdout/stderr
 * @param {Partial<Limits>} [options.limits] overrides of DEFAULT_LIMITS
 * @returns {Promise<{ port: number, close: () => Promise<void>, handleUpgrade: UpgradeHandler }>}
 *   handleUpgrade lets another HTTP server (the app's) hand its WebSocket upgrades over, with
 *   the same limits, so one port and one TLS certificate serve both.
 */
export async function startSignallingServer(options = {}) {
  const { port = 4444, host = '0.0.0.0', logger = consoleLogger } = options
  /** @type {State} */
  const state = {
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    logger,
    topics: new Map(),
    conns: new Map(),
    nextId: 0,
    lastServerWarning: -Infinity,
  }
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: state.limits.maxPayload,
    perMessageDeflate: false, // compression invites zip bombs and costs CPU for tiny messages
    closeTimeout: state.limits.closeTimeoutMs,
  })
  wss.on('connection', (ws) => onConnection(state, ws))
  const server = http.createServer((req, res) => onHttpRequest(state, req, res))
  /** @type {UpgradeHandler} */
  const handleUpgrade = (req, socket, head) => onUpgrade(state, wss, req, socket, head)
  server.on('upgrade', handleUpgrade)
  const boundPort = await listen(server, port, host)
  const keepalive = startKeepalive(state)

  /** @type {Promise<void> | undefined} */
  let closing
  const close = () => {
    closing ??= (async () => {
      clearInterval(keepalive)
      for (const ws of wss.clients) ws.terminate()
      await new Promise((resolve) => wss.close(() => resolve(undefined)))
      server.closeAllConnections()
      await new Promise((resolve) => server.close(() => resolve(undefined)))
    })()
    return closing
  }
  return { port: boundPort, close, handleUpgrade }
}

/** @typedef {(req: http.IncomingMessage, socket: import('node:stream').Duplex, head: Buffer) => void} UpgradeHandler */

/**
 * @param {string | undefined} value
 * @param {number} fallback
 * @param {string} name
 * @returns {number}
 */
function intFromEnv(value, fallback, name) {
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${name} must be a whole number, got "${value}"`)
  return n
}

async function main() {
  const env = process.env
  const port = intFromEnv(env.SIGNAL_PORT ?? env.PORT, 4444, 'SIGNAL_PORT/PORT')
  const host = env.SIGNAL_HOST || '0.0.0.0'
  const maxPayload = intFromEnv(
    env.SIGNAL_MAX_PAYLOAD,
    DEFAULT_LIMITS.maxPayload,
    'SIGNAL_MAX_PAYLOAD',
  )
  const server = await startSignallingServer({ port, host, limits: { maxPayload } })
  consoleLogger.info(`signalling server listening on ws://${host}:${server.port}`)
  const stop = () => {
    void server.close().then(() => process.exit(0))
    setTimeout(() => process.exit(0), 3000).unref()
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

const isMain =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (isMain) {
  main().catch((/** @type {Error & { code?: string }} */ err) => {
    const busy = err.code === 'EADDRINUSE'
    console.error(
      busy ? `Signalling server cannot start: ${err.message} (port already in use)` : err.message,
    )
    process.exit(1)
  })
}
