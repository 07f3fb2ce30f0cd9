// The post box: WebSocket connections at /box (src/sync/wire/postbox.ts), one room each, in
// front of a BoxStore (embedded or PostgreSQL, open-store.ts). The box keeps what phones send,
// encrypted, until the others come by; it checks write tokens, sizes and rates, never content.
//
// What happens to misbehaving clients (one log line each, never a body, room id or token):
//   frame over maxPayload              -> closed 1009 (by ws)
//   not a request of this version      -> refused 'bad-request'; repeated -> closed 1007
//   wrong write token                  -> refused 'wrong-token', nothing stored
//   over the rate limit                -> closed 1008
//   a store refusal (sizes, quotas)    -> refused with the store's reason, nothing stored
import { createHash, timingSafeEqual } from 'node:crypto'
import type http from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocket, WebSocketServer, type RawData } from 'ws'
import {
  decodeBoxRequest,
  encodeBoxFrame,
  type BoxReply,
  type BoxRefusal,
  type BoxRequest,
} from '../../src/sync/wire/postbox'
import { createBucket, type Bucket } from '../bucket'
import type { Logger } from '../log'
import { refuseUpgrade } from '../net'
import type { BoxStore } from './store'

export interface BoxLimitsOnWire {
  /** largest frame, bytes (a batch of entries or a snapshot, as base64 in JSON) */
  readonly maxPayload: number
  readonly maxConnections: number
  readonly messagesPerSecond: number
  readonly messageBurst: number
  readonly bytesPerSecond: number
  readonly byteBurst: number
  /** bad requests a connection may send before it is closed */
  readonly badRequestsBeforeClose: number
  /** one read's page */
  readonly readMaxEntries: number
  readonly readMaxBytes: number
}

export const DEFAULT_WIRE_LIMITS: Readonly<BoxLimitsOnWire> = Object.freeze({
  maxPayload: 48 * 1024 * 1024,
  maxConnections: 2_000,
  messagesPerSecond: 50,
  messageBurst: 200,
  bytesPerSecond: 2 * 1024 * 1024,
  byteBurst: 48 * 1024 * 1024,
  badRequestsBeforeClose: 5,
  readMaxEntries: 500,
  readMaxBytes: 2 * 1024 * 1024,
})

export interface PostBox {
  /** takes over an HTTP upgrade request for the box's path */
  readonly handleUpgrade: (req: http.IncomingMessage, socket: Duplex, head: Buffer) => void
  readonly connections: () => number
  close(): Promise<void>
}

interface Conn {
  readonly id: number
  room?: string
  /** the room's head as this connection last heard it: no 'head' for what it knows */
  knownHead: number
  /** an append of this connection is under way: heads heard meanwhile wait for its reply */
  appending: boolean
  heardWhileAppending: number
  stopListening?: () => void
  readonly messages: Bucket
  readonly bytes: Bucket
  badRequests: number
  closing: boolean
  /** requests are answered one after another, in the order they came */
  queue: Promise<void>
}

const hash = (token: string) => createHash('sha256').update(token, 'utf8').digest()

export function createPostBox(
  store: BoxStore,
  options: { readonly logger: Logger; readonly limits?: Partial<BoxLimitsOnWire> },
): PostBox {
  const limits = { ...DEFAULT_WIRE_LIMITS, ...options.limits }
  const { logger } = options
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.maxPayload,
    perMessageDeflate: false, // compression invites zip bombs; encrypted bytes do not compress
  })
  const conns = new Map<WebSocket, Conn>()
  let nextId = 1

  const send = (ws: WebSocket, reply: BoxReply) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(encodeBoxFrame(reply))
  }
  const close = (ws: WebSocket, conn: Conn, code: number, reason: string) => {
    if (conn.closing) return
    conn.closing = true
    logger.warn(`box conn#${conn.id} closed (${code}): ${reason}`)
    ws.close(code, reason)
  }
  const refuse = (ws: WebSocket, reason: BoxRefusal, id?: number) =>
    send(ws, { t: 'refused', ...(id === undefined ? {} : { id }), reason })

  /** A 'head' for entries this connection has not heard of yet. */
  const tellHead = (ws: WebSocket, conn: Conn, head: number) => {
    if (head <= conn.knownHead) return
    conn.knownHead = head
    send(ws, { t: 'head', head })
  }

  async function open(ws: WebSocket, conn: Conn, request: Extract<BoxRequest, { t: 'open' }>) {
    if (conn.room !== undefined) return refuse(ws, 'already-open')
    const writeHash = hash(request.token)
    const created = await store.createRoom(request.room, writeHash, Date.now())
    if (!created.ok && created.refusal !== 'room-exists') return refuse(ws, created.refusal)
    const info = created.ok ? created.value : await store.room(request.room)
    if (!info) return refuse(ws, 'no-room')
    const stored = Buffer.from(info.writeHash)
    if (stored.length !== writeHash.length || !timingSafeEqual(stored, writeHash))
      return refuse(ws, 'wrong-token')
    conn.room = request.room
    conn.knownHead = info.head
    conn.stopListening = store.onAppend(request.room, (head) => {
      if (conn.appending) conn.heardWhileAppending = Math.max(conn.heardWhileAppending, head)
      else tellHead(ws, conn, head)
    })
    send(ws, { t: 'opened', head: info.head, snapshotUpTo: info.snapshotUpTo })
  }

  async function serve(ws: WebSocket, conn: Conn, request: BoxRequest): Promise<void> {
    if (request.t === 'open') return open(ws, conn, request)
    const room = conn.room
    if (room === undefined) return refuse(ws, 'not-open', request.id)
    const { id } = request
    switch (request.t) {
      case 'append': {
        conn.appending = true
        conn.heardWhileAppending = 0
        const appended = await store.append(room, request.entries, Date.now()).finally(() => {
          conn.appending = false
        })
        if (appended.ok) {
          conn.knownHead = Math.max(conn.knownHead, appended.value)
          send(ws, { t: 'appended', id, head: appended.value })
        } else refuse(ws, appended.refusal, id)
        return tellHead(ws, conn, conn.heardWhileAppending) // another phone's, meanwhile
      }
      case 'read': {
        const page = await store.read(room, request.after, {
          maxEntries: limits.readMaxEntries,
          maxBytes: limits.readMaxBytes,
        })
        if (!page.ok) return refuse(ws, page.refusal, id)
        conn.knownHead = Math.max(conn.knownHead, page.value.head)
        const entries = page.value.entries.map(({ seq, body }) => ({ seq, body }))
        return send(ws, { t: 'entries', id, entries, head: page.value.head })
      }
      case 'put-snapshot': {
        const stored = await store.putSnapshot(room, request.upTo, request.body, Date.now())
        if (!stored.ok) return refuse(ws, stored.refusal, id)
        return send(ws, { t: 'snapshot-stored', id })
      }
      case 'get-snapshot': {
        const latest = await store.latestSnapshot(room)
        return send(ws, {
          t: 'snapshot',
          id,
          upTo: latest?.upTo ?? 0,
          body: latest?.body ?? new Uint8Array(0),
        })
      }
    }
  }

  function onMessage(ws: WebSocket, conn: Conn, data: RawData, isBinary: boolean) {
    if (conn.closing) return
    const size = Array.isArray(data)
      ? data.reduce((sum, part) => sum + part.length, 0)
      : data instanceof ArrayBuffer
        ? data.byteLength
        : data.length
    if (!conn.messages.take(1) || !conn.bytes.take(size))
      return close(ws, conn, 1008, 'rate limit exceeded')
    const text = isBinary ? undefined : Buffer.isBuffer(data) ? data.toString('utf8') : undefined
    const decoded =
      text === undefined ? undefined : decodeBoxRequest(text, store.limits.maxBatchEntries)
    if (!decoded?.ok) {
      conn.badRequests += 1
      if (conn.badRequests >= limits.badRequestsBeforeClose)
        return close(ws, conn, 1007, 'repeated bad requests')
      logger.warn(`box conn#${conn.id} bad request`)
      return refuse(ws, 'bad-request')
    }
    conn.queue = conn.queue.then(() =>
      serve(ws, conn, decoded.value).catch((error: unknown) => {
        logger.warn(`box conn#${conn.id} storage failed: ${String(error)}`)
        refuse(ws, 'unavailable', 'id' in decoded.value ? decoded.value.id : undefined)
      }),
    )
  }

  wss.on('connection', (ws: WebSocket) => {
    const conn: Conn = {
      id: nextId++,
      messages: createBucket(limits.messagesPerSecond, limits.messageBurst),
      bytes: createBucket(limits.bytesPerSecond, Math.max(limits.byteBurst, limits.maxPayload)),
      badRequests: 0,
      knownHead: 0,
      appending: false,
      heardWhileAppending: 0,
      closing: false,
      queue: Promise.resolve(),
    }
    conns.set(ws, conn)
    ws.on('message', (data, isBinary) => onMessage(ws, conn, data, isBinary))
    ws.on('close', () => {
      conn.stopListening?.()
      conns.delete(ws)
    })
    ws.on('error', () => ws.terminate())
  })

  return {
    handleUpgrade(req, socket, head) {
      if (conns.size >= limits.maxConnections) {
        logger.warn(`box full: ${limits.maxConnections} connections`)
        return refuseUpgrade(socket, '503 Service Unavailable')
      }
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
    },
    connections: () => conns.size,
    close: () =>
      new Promise<void>((done) => {
        for (const ws of conns.keys()) ws.terminate()
        wss.close(() => done())
      }),
  }
}
