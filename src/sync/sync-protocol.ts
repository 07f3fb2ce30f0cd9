/**
 * The messages one peer exchanges with another over a data channel: y-protocols sync
 * (step 1, step 2, update) and awareness, one PeerSync per remote peer.
 *
 * Why it exists: y-protocols' `readSyncMessage` applies a peer's update straight to the
 * document, and Yjs applies a truncated update partly before it throws. Here every update
 * from a peer goes through the update guard (decoded in full first, held aside while its
 * dependencies are missing) and nothing a peer sends can throw out of `receive`.
 * Transport-free, so two documents can sync over a fake channel in unit tests.
 */
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import {
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness'
import type { Awareness } from 'y-protocols/awareness'
import { fail, ok, type Result } from '../domain/result'

export const MESSAGE_SYNC = 0
export const MESSAGE_AWARENESS = 1
export const MESSAGE_QUERY_AWARENESS = 3
export const MAX_AWARENESS_BYTES = 64 * 1024

/** What PeerSync needs from src/sync/update-guard.ts. */
export interface UpdateReceiver {
  receive(update: Uint8Array, origin: unknown): Result<{ readonly applied: boolean }>
}

/**
 * What one message did, or why it was refused: the error is a short description for the
 * violation log (sync-status.ts reads the reason a person is shown from it).
 */
export type ReceiveResult = Result<{
  readonly kind: 'step1' | 'step2' | 'update' | 'awareness' | 'query-awareness'
  readonly changed: boolean
}>

export interface PeerSyncOptions {
  readonly doc: Y.Doc
  readonly awareness: Awareness
  readonly guard: UpdateReceiver
  /** hand one whole message to the transport (it is chunked below) */
  readonly send: (message: Uint8Array) => void
  readonly maxAwarenessBytes?: number
  /** this peer sent changes that altered the document, or we sent it ours */
  readonly onExchange?: (direction: 'received' | 'sent') => void
  /** the first sync step 2 from this peer arrived: we hold everything it had */
  readonly onSynced?: () => void
}

export interface PeerSync {
  /** The transaction origin of this peer's updates: the provider never echoes them back. */
  readonly origin: object
  /** awareness client ids this peer announced (its own device) */
  readonly clients: ReadonlySet<number>
  readonly synced: boolean
  /** Send sync step 1 and our awareness: called on every new channel. */
  start(): void
  receive(message: Uint8Array): ReceiveResult
  sendUpdate(update: Uint8Array): void
  sendAwareness(update: Uint8Array): void
  /** Forget this peer's presence. */
  destroy(): void
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  syncProtocol.writeSyncStep1(encoder, doc)
  return encoding.toUint8Array(encoder)
}

function encodeSync(kind: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, kind)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

export const encodeSyncStep2 = (update: Uint8Array) =>
  encodeSync(syncProtocol.messageYjsSyncStep2, update)
export const encodeSyncUpdate = (update: Uint8Array) =>
  encodeSync(syncProtocol.messageYjsUpdate, update)

export function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

function encodeQueryAwareness(): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_QUERY_AWARENESS)
  return encoding.toUint8Array(encoder)
}

/** An update that carries no structs and no deletions (what Yjs encodes for "nothing new"). */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length <= 2
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error))

export function createPeerSync(options: PeerSyncOptions): PeerSync {
  const { doc, awareness, guard, send } = options
  const maxAwarenessBytes = options.maxAwarenessBytes ?? MAX_AWARENESS_BYTES
  const origin = Object.freeze({ peerSync: true })
  const clients = new Set<number>()
  let synced = false

  const onAwareness = (
    change: { added: number[]; updated: number[]; removed: number[] },
    changeOrigin: unknown,
  ) => {
    if (changeOrigin !== origin) return
    for (const id of [...change.added, ...change.updated]) if (id !== doc.clientID) clients.add(id)
    for (const id of change.removed) clients.delete(id)
  }
  awareness.on('update', onAwareness)

  function receiveUpdate(kind: 'step2' | 'update', update: Uint8Array): ReceiveResult {
    const result = guard.receive(update, origin)
    if (!result.ok) return fail(result.error)
    const changed = result.value.applied
    if (changed) options.onExchange?.('received')
    if (kind === 'step2' && !synced) {
      synced = true
      options.onSynced?.()
    }
    return ok({ kind, changed })
  }

  function receiveSync(decoder: decoding.Decoder): ReceiveResult {
    const kind = decoding.readVarUint(decoder)
    const payload = decoding.readVarUint8Array(decoder)
    switch (kind) {
      case syncProtocol.messageYjsSyncStep1: {
        Y.decodeStateVector(payload) // throws on garbage before anything is encoded
        const update = Y.encodeStateAsUpdate(doc, payload)
        send(encodeSyncStep2(update))
        if (!isEmptyUpdate(update)) options.onExchange?.('sent')
        return ok({ kind: 'step1', changed: false })
      }
      case syncProtocol.messageYjsSyncStep2:
        return receiveUpdate('step2', payload)
      case syncProtocol.messageYjsUpdate:
        return receiveUpdate('update', payload)
      default:
        return fail(`unknown sync message ${kind}`)
    }
  }

  function receive(bytes: Uint8Array): ReceiveResult {
    try {
      const decoder = decoding.createDecoder(bytes)
      const type = decoding.readVarUint(decoder)
      switch (type) {
        case MESSAGE_SYNC:
          return receiveSync(decoder)
        case MESSAGE_AWARENESS: {
          const update = decoding.readVarUint8Array(decoder)
          if (update.length > maxAwarenessBytes) return fail('awareness update over the limit')
          applyAwarenessUpdate(awareness, update, origin)
          return ok({ kind: 'awareness', changed: false })
        }
        case MESSAGE_QUERY_AWARENESS:
          send(encodeAwareness(encodeAwarenessUpdate(awareness, [doc.clientID])))
          return ok({ kind: 'query-awareness', changed: false })
        default:
          return fail(`unknown message type ${type}`)
      }
    } catch (error) {
      return fail(`malformed message: ${message(error)}`)
    }
  }

  return {
    origin,
    clients,
    get synced() {
      return synced
    },
    start() {
      // presence first, so the peer knows our name before it answers step 1
      if (awareness.getLocalState() !== null) {
        send(encodeAwareness(encodeAwarenessUpdate(awareness, [doc.clientID])))
      }
      send(encodeQueryAwareness())
      send(encodeSyncStep1(doc))
    },
    receive,
    sendUpdate(update) {
      send(encodeSyncUpdate(update))
      options.onExchange?.('sent')
    },
    sendAwareness(update) {
      send(encodeAwareness(update))
    },
    destroy() {
      awareness.off('update', onAwareness)
      if (clients.size > 0) removeAwarenessStates(awareness, [...clients], 'peer-gone')
      clients.clear()
    },
  }
}
