/**
 * The signalling wire format, in one place for the app (src/sync/signalling-client.ts) and the
 * server (server/signalling.ts): y-webrtc's protocol of JSON text frames, so y-webrtc clients
 * and servers interoperate with ours.
 *
 *   {type:'subscribe', topics:[...]}  {type:'unsubscribe', topics:[...]}
 *   {type:'publish', topic, data, ...}  relayed to every subscriber of topic (sender included)
 *                                       with `clients` (number of subscribers) added
 *   {type:'ping'}  answered by  {type:'pong'}
 *
 * This module imports only the one Result shape (src/domain/result.ts, which imports nothing),
 * so the server can bundle it without pulling in the app.
 */
import { fail, ok, type Result } from '../../domain/result'

/** Where the app's own server accepts signalling WebSockets (the app's default address). */
export const SIGNAL_PATH = '/signal'

/** Longest topic name a server accepts by default (ours are 64-char hex hashes). */
export const MAX_TOPIC_LENGTH = 256

export interface SubscribeMessage {
  readonly type: 'subscribe' | 'unsubscribe'
  readonly topics: readonly string[]
}

/**
 * A publish carries whatever fields its sender put in it (y-webrtc sends `data`, ours an
 * encrypted string); the server relays them untouched and adds `clients`.
 */
export interface PublishMessage {
  readonly type: 'publish'
  readonly topic: string
  readonly data?: unknown
  readonly clients?: number
  readonly [field: string]: unknown
}

export interface PingMessage {
  readonly type: 'ping' | 'pong'
}

/** A message of a type this version does not know: ignored, so newer peers keep working. */
export interface OtherMessage {
  readonly type: string
  readonly [field: string]: unknown
}

export type SignallingMessage = SubscribeMessage | PublishMessage | PingMessage

/** A message this version knows, one of a type it does not (`known: false`), or a refusal. */
export type DecodedFrame = Result<
  | { readonly known: true; readonly message: SignallingMessage }
  | { readonly known: false; readonly message: OtherMessage }
>

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A topic name a server will hold: a non-empty string of bounded length. */
export function isTopic(value: unknown, maxLength = MAX_TOPIC_LENGTH): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= maxLength
}

/** y-webrtc sends `topics` as an array of strings; its server treats a missing one as []. */
function topicList(topics: unknown, maxLength: number): string[] | null {
  if (topics === undefined) return []
  if (!Array.isArray(topics)) return null
  const list: unknown[] = topics
  return list.every((t) => isTopic(t, maxLength)) ? list : null
}

/**
 * Parse and check one text frame. A refusal's reason is short fixed text (the server sends it
 * as the close reason and logs it), never anything the frame contained.
 */
export function decodeSignallingFrame(
  text: string,
  maxTopicLength: number = MAX_TOPIC_LENGTH,
): DecodedFrame {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return fail('frame is not JSON')
  }
  if (!isRecord(value) || typeof value.type !== 'string') {
    return fail('message is not an object with a type')
  }
  const type = value.type
  switch (type) {
    case 'subscribe':
    case 'unsubscribe': {
      const topics = topicList(value.topics, maxTopicLength)
      if (topics === null) return fail(`${type} without a valid topics array`)
      return ok({ known: true, message: { type, topics } })
    }
    case 'publish':
      if (!isTopic(value.topic, maxTopicLength)) {
        return fail('publish without a valid topic')
      }
      return ok({ known: true, message: { ...value, type, topic: value.topic } })
    case 'ping':
    case 'pong':
      return ok({ known: true, message: { type } })
    default:
      return ok({ known: false, message: { ...value, type } })
  }
}

/** The text frame of a message. */
export function encodeSignallingMessage(message: SignallingMessage): string {
  return JSON.stringify(message)
}
