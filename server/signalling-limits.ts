/** The signalling server's limits: what one client may cost the server before it is refused. */
import { MAX_TOPIC_LENGTH } from '../src/sync/wire/signalling'

export interface Limits {
  /** largest frame in bytes; y-webrtc's messages are a few KB */
  readonly maxPayload: number
  /** longest topic name (ours are hex hashes of 64 chars) */
  readonly maxTopicLength: number
  /** subscriptions one connection may hold */
  readonly maxTopicsPerConnection: number
  /** topics the whole server holds */
  readonly maxTopics: number
  /** connections one topic may hold */
  readonly maxSubscribersPerTopic: number
  /** open WebSocket connections; more are answered 503 */
  readonly maxConnections: number
  /** token-bucket refill rate per connection */
  readonly messagesPerSecond: number
  /** token-bucket size per connection */
  readonly messageBurst: number
  /** byte-bucket refill rate per connection */
  readonly bytesPerSecond: number
  /** byte-bucket size per connection (at least maxPayload) */
  readonly byteBurst: number
  /** dropped messages within one second that close with 1008 */
  readonly floodCloseAfter: number
  /** bytes queued to one receiver before it is dropped */
  readonly maxBufferedBytes: number
  /** keepalive ping interval; no pong by the next one = dead */
  readonly pingIntervalMs: number
  /** how long a closing handshake may take before the socket is cut */
  readonly closeTimeoutMs: number
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxPayload: 1024 * 1024,
  maxTopicLength: MAX_TOPIC_LENGTH,
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
