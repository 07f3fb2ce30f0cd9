/**
 * The WebSocket side of live sync: find the other devices of a space through one or more
 * signalling servers speaking y-webrtc's protocol (subscribe / publish / ping), with every
 * payload encrypted with the room key.
 *
 * Why it exists: the signalling server relays SDP offers, answers and ICE candidates; it must
 * see only the room hash and ciphertext (DESIGN.md, security model), and a server that goes away
 * must be retried with backoff, not given up on. URLs come from the caller (Settings), never a
 * default, so no request ever goes to a host the user did not choose. Payloads are encrypted
 * and decrypted in order (an ICE candidate must not overtake its offer), and the same payload
 * arriving through two servers is delivered once.
 */
import { decryptJson, encryptJson } from './room-crypto'
import { decodeSignallingFrame, encodeSignallingMessage } from './wire/signalling'

/** Messages larger than this from a server are ignored (ours are a few KB). */
const MAX_FRAME_CHARS = 256 * 1024
const PING_EVERY_MS = 20_000
const SILENT_FOR_MS = 50_000
const SEEN_IDS = 512

export interface SignallingClientOptions {
  readonly urls: readonly string[]
  readonly topic: string
  readonly key: CryptoKey
  /** a decrypted payload published by another member of the room (not yet validated) */
  readonly onMessage: (data: Record<string, unknown>) => void
  /** a server connection opened (announce yourself there) */
  readonly onOpen?: (url: string) => void
  /** the number of open or connecting servers changed */
  readonly onChange?: () => void
  /** a payload that could not be decrypted: another key, or noise */
  readonly onUndecryptable?: () => void
  readonly minBackoffMs?: number
  readonly maxBackoffMs?: number
  readonly createSocket?: (url: string) => WebSocket
}

export interface SignallingClient {
  start(): void
  stop(): void
  /** Encrypt and publish to every open server; dropped when none is open. */
  publish(data: Record<string, unknown>): void
  /** Retry closed servers now (the browser came back online). */
  reconnectNow(): void
  readonly openCount: number
  readonly connectingCount: number
}

interface Server {
  readonly url: string
  socket: WebSocket | null
  open: boolean
  attempts: number
  retry: ReturnType<typeof setTimeout> | undefined
  lastHeard: number
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export function createSignallingClient(options: SignallingClientOptions): SignallingClient {
  const { topic, key } = options
  const minBackoff = options.minBackoffMs ?? 500
  const maxBackoff = options.maxBackoffMs ?? 30_000
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url))
  const servers: Server[] = [...new Set(options.urls)].map((url) => ({
    url,
    socket: null,
    open: false,
    attempts: 0,
    retry: undefined,
    lastHeard: 0,
  }))
  const seen = new Set<string>()
  let running = false
  let pinger: ReturnType<typeof setInterval> | undefined
  let sending: Promise<void> = Promise.resolve()
  let receiving: Promise<void> = Promise.resolve()

  const changed = () => options.onChange?.()

  function scheduleRetry(server: Server) {
    if (!running || server.retry !== undefined) return
    const base = Math.min(maxBackoff, minBackoff * 2 ** Math.min(server.attempts, 16))
    server.attempts += 1
    server.retry = setTimeout(
      () => {
        server.retry = undefined
        connect(server)
      },
      base / 2 + Math.random() * (base / 2),
    )
  }

  function deliver(text: string) {
    receiving = receiving
      .then(async () => {
        const data = await decryptJson(text, key)
        if (!isRecord(data)) {
          options.onUndecryptable?.()
          return
        }
        const mid = data.mid
        if (typeof mid === 'string') {
          if (seen.has(mid)) return
          seen.add(mid)
          if (seen.size > SEEN_IDS) {
            const oldest = seen.values().next()
            if (oldest.done !== true) seen.delete(oldest.value)
          }
        }
        if (running) options.onMessage(data)
      })
      .catch((error: unknown) => {
        // decryptJson should not throw, but nothing from the network may break the chain
        console.warn('[sync] signalling message dropped', error)
        options.onUndecryptable?.()
      })
  }

  function onFrame(server: Server, raw: unknown) {
    server.lastHeard = Date.now()
    if (typeof raw !== 'string' || raw.length > MAX_FRAME_CHARS) return
    const decoded = decodeSignallingFrame(raw)
    // not a message we understand (not JSON, wrong shape): not from a server we trust, ignore it
    if (!decoded.ok) return
    const message = decoded.value.message
    if (message.type !== 'publish' || !('topic' in message) || message.topic !== topic) return
    if (typeof message.data === 'string') deliver(message.data)
  }

  function connect(server: Server) {
    if (!running || server.socket) return
    // Offline, an attempt can only fail (and the browser logs each failure); the provider
    // calls reconnectNow() when the browser says it is online again.
    if (typeof navigator !== 'undefined' && !navigator.onLine) return
    let socket: WebSocket
    try {
      socket = createSocket(server.url)
    } catch (error) {
      console.warn(`[sync] bad signalling address ${server.url}`, error)
      return // a malformed URL will not get better by retrying
    }
    server.socket = socket
    server.lastHeard = Date.now()
    socket.onopen = () => {
      server.open = true
      server.attempts = 0
      socket.send(encodeSignallingMessage({ type: 'subscribe', topics: [topic] }))
      changed()
      options.onOpen?.(server.url)
    }
    socket.onmessage = (event: MessageEvent) => onFrame(server, event.data)
    socket.onclose = () => {
      if (server.socket !== socket) return
      server.socket = null
      server.open = false
      changed()
      scheduleRetry(server)
    }
    socket.onerror = () => {
      // 'close' follows and schedules the retry; the browser already logged the reason
    }
    changed()
  }

  function drop(server: Server) {
    const socket = server.socket
    const wasOpen = server.open
    clearTimeout(server.retry)
    server.retry = undefined
    server.socket = null
    server.open = false
    if (socket) {
      socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null
      if (wasOpen) socket.send(encodeSignallingMessage({ type: 'unsubscribe', topics: [topic] }))
      socket.close()
    }
  }

  function keepAlive() {
    const now = Date.now()
    for (const server of servers) {
      if (!server.socket || !server.open) continue
      if (now - server.lastHeard > SILENT_FOR_MS) {
        drop(server) // a half-open connection: start over
        changed()
        connect(server)
      } else server.socket.send(encodeSignallingMessage({ type: 'ping' }))
    }
  }

  return {
    start() {
      if (running) return
      running = true
      for (const server of servers) connect(server)
      pinger = setInterval(keepAlive, PING_EVERY_MS)
    },
    stop() {
      running = false
      clearInterval(pinger)
      for (const server of servers) drop(server)
      changed()
    },
    publish(data) {
      const payload = { ...data, mid: crypto.randomUUID() }
      sending = sending
        .then(async () => {
          const text = await encryptJson(payload, key)
          const frame = encodeSignallingMessage({ type: 'publish', topic, data: text })
          for (const server of servers) if (server.open) server.socket?.send(frame)
        })
        .catch((error: unknown) => console.warn('[sync] signalling publish failed', error))
    },
    reconnectNow() {
      for (const server of servers) {
        if (server.socket) continue
        clearTimeout(server.retry)
        server.retry = undefined
        server.attempts = 0
        connect(server)
      }
    },
    get openCount() {
      return servers.filter((s) => s.open).length
    },
    get connectingCount() {
      return servers.filter((s) => s.socket && !s.open).length
    },
  }
}
