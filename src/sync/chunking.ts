/**
 * Framing for the WebRTC data channel: split every message into small fixed chunks and put
 * them back together on the other side, with bounds.
 *
 * Why it exists: Chromium refuses any data-channel message over `sctp.maxMessageSize`
 * (262,144 bytes), and y-webrtc sends a whole initial sync as one message and swallows the
 * error, so a space over 256 KB never reached a new device (0 of 36 runs, TOOLCHAIN.md).
 * Here no frame exceeds CHUNK_SIZE + a 9-byte header, the send queue round-robins between
 * messages (presence and small edits go between the chunks of a big transfer instead of
 * behind it), and it respects back-pressure (`bufferedAmount`). The reassembler never throws:
 * a peer that breaks the framing gets an error back, and the caller drops that peer.
 *
 * Frame layout (all integers big-endian):
 *   [0][payload]                        a whole message of at most CHUNK_SIZE bytes
 *   [1][id u32][total u32][payload]     first chunk of message `id`, `total` bytes in all
 *   [2][id u32][payload]                next chunk of message `id` (the channel is ordered)
 */
import { fail, ok, type Result } from '../domain/result'

export const CHUNK_SIZE = 16 * 1024
export const FRAME_WHOLE = 0
export const FRAME_FIRST = 1
export const FRAME_NEXT = 2
const FIRST_HEADER = 9
const NEXT_HEADER = 5

export interface ReassemblyLimits {
  /** largest message accepted, in bytes */
  readonly maxMessageBytes: number
  /** messages that may be in progress at the same time */
  readonly maxPartialMessages: number
  /** bytes held across all messages in progress */
  readonly maxPendingBytes: number
  /** the chunk size the sender must respect */
  readonly chunkSize: number
}

export const DEFAULT_LIMITS: ReassemblyLimits = {
  maxMessageBytes: 64 * 1024 * 1024,
  maxPartialMessages: 16,
  maxPendingBytes: 96 * 1024 * 1024,
  chunkSize: CHUNK_SIZE,
}

/** The frames of one message, made lazily so a 5 MB message is not copied up front. */
export function* frameMessage(
  id: number,
  message: Uint8Array,
  chunkSize: number = CHUNK_SIZE,
): Generator<Uint8Array<ArrayBuffer>> {
  if (message.length <= chunkSize) {
    const frame = new Uint8Array(1 + message.length)
    frame[0] = FRAME_WHOLE
    frame.set(message, 1)
    yield frame
    return
  }
  const first = new Uint8Array(FIRST_HEADER + chunkSize)
  const view = new DataView(first.buffer)
  view.setUint8(0, FRAME_FIRST)
  view.setUint32(1, id >>> 0)
  view.setUint32(5, message.length)
  first.set(message.subarray(0, chunkSize), FIRST_HEADER)
  yield first
  for (let offset = chunkSize; offset < message.length; offset += chunkSize) {
    const part = message.subarray(offset, offset + chunkSize)
    const frame = new Uint8Array(NEXT_HEADER + part.length)
    new DataView(frame.buffer).setUint8(0, FRAME_NEXT)
    new DataView(frame.buffer).setUint32(1, id >>> 0)
    frame.set(part, NEXT_HEADER)
    yield frame
  }
}

/**
 * A whole message (undefined while one is still arriving), or why the frame was refused: a
 * short description for the violation log.
 */
export type ReassemblyResult = Result<Uint8Array | undefined>

interface InProgress {
  readonly total: number
  readonly parts: Uint8Array[]
  received: number
}

export interface Reassembler {
  /** Feed one frame; returns a message when one is complete, or an error (never throws). */
  push(frame: Uint8Array): ReassemblyResult
  /** Messages in progress (for tests and diagnostics). */
  readonly partialCount: number
  readonly pendingBytes: number
}

export function createReassembler(limits: Partial<ReassemblyLimits> = {}): Reassembler {
  const l: ReassemblyLimits = { ...DEFAULT_LIMITS, ...limits }
  const partials = new Map<number, InProgress>()
  let pendingBytes = 0

  function complete(id: number, p: InProgress): ReassemblyResult {
    partials.delete(id)
    pendingBytes -= p.received
    const out = new Uint8Array(p.total)
    let offset = 0
    for (const part of p.parts) {
      out.set(part, offset)
      offset += part.length
    }
    return ok(out)
  }

  function push(frame: Uint8Array): ReassemblyResult {
    if (frame.length === 0) return fail('empty frame')
    const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength)
    const kind = view.getUint8(0)
    if (kind === FRAME_WHOLE) {
      if (frame.length - 1 > l.chunkSize) return fail('whole frame over the chunk size')
      return ok(frame.slice(1))
    }
    if (kind === FRAME_FIRST) {
      if (frame.length < FIRST_HEADER) return fail('first frame too short')
      const id = view.getUint32(1)
      const total = view.getUint32(5)
      const payload = frame.subarray(FIRST_HEADER)
      if (payload.length > l.chunkSize) return fail('first frame over the chunk size')
      if (total > l.maxMessageBytes) return fail(`message of ${total} bytes is over the limit`)
      if (payload.length > total) return fail('first frame longer than its message')
      if (partials.has(id)) return fail('message id reused while in progress')
      if (partials.size >= l.maxPartialMessages) return fail('too many messages in progress')
      if (pendingBytes + payload.length > l.maxPendingBytes)
        return fail('too many bytes in progress')
      const p: InProgress = { total, parts: [payload.slice()], received: payload.length }
      partials.set(id, p)
      pendingBytes += payload.length
      return p.received === total ? complete(id, p) : ok(undefined)
    }
    if (kind === FRAME_NEXT) {
      if (frame.length <= NEXT_HEADER) return fail('next frame too short')
      const id = view.getUint32(1)
      const payload = frame.subarray(NEXT_HEADER)
      const p = partials.get(id)
      if (!p) return fail('chunk for an unknown message')
      if (payload.length > l.chunkSize) return fail('next frame over the chunk size')
      if (p.received + payload.length > p.total) return fail('chunks longer than their message')
      if (pendingBytes + payload.length > l.maxPendingBytes)
        return fail('too many bytes in progress')
      p.parts.push(payload.slice())
      p.received += payload.length
      pendingBytes += payload.length
      return p.received === p.total ? complete(id, p) : ok(undefined)
    }
    return fail(`unknown frame kind ${kind}`)
  }

  return {
    push,
    get partialCount() {
      return partials.size
    },
    get pendingBytes() {
      return pendingBytes
    },
  }
}

/** The part of RTCDataChannel the send queue needs (a fake in unit tests). */
export interface FrameChannel {
  send(frame: Uint8Array<ArrayBuffer>): void
  readonly bufferedAmount: number
}

export interface SendQueueOptions {
  readonly channel: FrameChannel
  readonly chunkSize?: number
  /** stop sending while the channel holds this many bytes; resume on 'bufferedamountlow' */
  readonly highWaterMark?: number
  /** called once if the channel refuses a frame (it is closing); the queue is then cleared */
  readonly onError?: (error: unknown) => void
}

export interface SendQueue {
  enqueue(message: Uint8Array): void
  /** Send what the channel can take now; call on 'bufferedamountlow' and after enqueue. */
  pump(): void
  /** messages not yet fully handed to the channel */
  readonly pendingMessages: number
  clear(): void
}

export const HIGH_WATER_MARK = 256 * 1024
export const LOW_WATER_MARK = 64 * 1024

/**
 * A send queue that takes one frame from each waiting message in turn, so a presence update
 * queued behind a 5 MB sync leaves after at most one chunk of it.
 */
export function createSendQueue(options: SendQueueOptions): SendQueue {
  const { channel, chunkSize = CHUNK_SIZE, highWaterMark = HIGH_WATER_MARK } = options
  interface Outgoing {
    readonly frames: Generator<Uint8Array<ArrayBuffer>>
    next: IteratorResult<Uint8Array<ArrayBuffer>>
  }
  let active: Outgoing[] = []
  let nextId = 0
  let failed = false

  function pump() {
    while (channel.bufferedAmount < highWaterMark) {
      const head = active.shift()
      if (!head) return
      if (head.next.done === true) continue
      try {
        channel.send(head.next.value)
      } catch (error) {
        active = []
        if (!failed) {
          failed = true
          options.onError?.(error)
        }
        return
      }
      head.next = head.frames.next()
      if (head.next.done !== true) active.push(head)
    }
  }

  return {
    enqueue(message) {
      if (failed) return
      const frames = frameMessage(nextId, message, chunkSize)
      active.push({ frames, next: frames.next() })
      nextId = (nextId + 1) >>> 0
      pump()
    },
    pump,
    get pendingMessages() {
      return active.length
    },
    clear() {
      active = []
    },
  }
}

/** The part of RTCDataChannel that attachFramedChannel uses. */
export interface BinaryChannel extends FrameChannel {
  bufferedAmountLowThreshold: number
  onbufferedamountlow: ((this: never, event: Event) => unknown) | null
  onmessage: ((this: never, event: MessageEvent) => unknown) | null
}

export interface FramedChannelOptions {
  readonly maxMessageBytes: number
  /** frame size (tests use a small one); default CHUNK_SIZE */
  readonly chunkSize?: number
  readonly onMessage: (message: Uint8Array) => void
  /** the peer broke the framing: drop it */
  readonly onViolation: (error: string) => void
  /** the channel refused a frame (closing) */
  readonly onRefused: () => void
}

/** Wire a send queue and a reassembler to an open data channel (binaryType 'arraybuffer'). */
export function attachFramedChannel(
  channel: BinaryChannel,
  options: FramedChannelOptions,
): { readonly send: (message: Uint8Array) => void } {
  const chunkSize = options.chunkSize ?? CHUNK_SIZE
  const queue = createSendQueue({ channel, chunkSize, onError: options.onRefused })
  const reassembler = createReassembler({ maxMessageBytes: options.maxMessageBytes, chunkSize })
  channel.bufferedAmountLowThreshold = LOW_WATER_MARK
  channel.onbufferedamountlow = () => queue.pump()
  channel.onmessage = (event: MessageEvent) => {
    if (!(event.data instanceof ArrayBuffer)) {
      options.onViolation('text frame on a binary channel')
      return
    }
    const result = reassembler.push(new Uint8Array(event.data))
    if (!result.ok) options.onViolation(result.error)
    else if (result.value) options.onMessage(result.value)
  }
  return { send: (message) => queue.enqueue(message) }
}
