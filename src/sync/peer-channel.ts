/**
 * One open channel to one peer, wired the way live sync uses it: messages framed and chunked
 * (chunking.ts), every message read by the sync protocol (sync-protocol.ts), every update from
 * the peer passed through the space's update guard. The provider calls this for each WebRTC
 * data channel; tests call it on in-memory channels, so they exercise the same path.
 */
import type * as Y from 'yjs'
import type { Awareness } from 'y-protocols/awareness'
import { attachFramedChannel, type BinaryChannel } from './chunking'
import { createPeerSync, type PeerSync, type UpdateReceiver } from './sync-protocol'

export interface PeerChannelOptions {
  readonly doc: Y.Doc
  readonly awareness: Awareness
  readonly guard: UpdateReceiver
  readonly maxMessageBytes: number
  /** frame size; the default is the data channel's (chunking.ts CHUNK_SIZE) */
  readonly chunkSize?: number
  /** the peer broke the framing or the protocol: drop it */
  readonly onViolation: (error: string) => void
  /** the channel refused a frame (closing) */
  readonly onRefused: () => void
  readonly onExchange?: (direction: 'received' | 'sent') => void
  /** the peer's first sync step 2 arrived: we hold everything it had */
  readonly onSynced?: () => void
}

/** Attaches sync to an open channel and starts it (presence, then sync step 1). */
export function attachPeerChannel(channel: BinaryChannel, options: PeerChannelOptions): PeerSync {
  const framed = attachFramedChannel(channel, {
    maxMessageBytes: options.maxMessageBytes,
    ...(options.chunkSize ? { chunkSize: options.chunkSize } : {}),
    onMessage: (message) => {
      const result = sync.receive(message)
      if (!result.ok) options.onViolation(result.error)
    },
    onViolation: options.onViolation,
    onRefused: options.onRefused,
  })
  const sync = createPeerSync({
    doc: options.doc,
    awareness: options.awareness,
    guard: options.guard,
    send: framed.send,
    ...(options.onExchange ? { onExchange: options.onExchange } : {}),
    ...(options.onSynced ? { onSynced: options.onSynced } : {}),
  })
  sync.start()
  return sync
}
