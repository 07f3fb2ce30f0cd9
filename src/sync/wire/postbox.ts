/**
 * The post box's wire format, in one place for the app and the server (server/postbox/box.ts):
 * JSON text frames over a WebSocket at BOX_PATH, one room per connection. Entries and
 * snapshots are bytes the app encrypted with the space key, carried as base64; the box stores
 * them as they are and never reads them.
 *
 *   client                                         box
 *   {t:'open', room, token}                   ->   {t:'opened', head, snapshotUpTo}
 *   {t:'append', id, entries:[b64…]}          ->   {t:'appended', id, head}
 *   {t:'read', id, after}                     ->   {t:'entries', id, entries:[{seq, body}], head}
 *   {t:'put-snapshot', id, upTo, body}        ->   {t:'snapshot-stored', id}
 *   {t:'get-snapshot', id}                    ->   {t:'snapshot', id, upTo, body} (upTo 0: none)
 *                                             <-   {t:'head', head}  (after anyone's append)
 *   any refused request                       ->   {t:'refused', id?, reason}
 *
 * `room` is the room id and `token` the write token, both derived from the space key by the
 * app (a box that only knows the room id cannot write); the box keeps a hash of the token.
 * The first `open` of a room creates it. This module imports only the one Result shape and
 * base64 (both import nothing), so the server bundles it without the app.
 */
import { fail, ok, type Result } from '../../domain/result'
import { fromBase64 as fromBase64Text, toBase64 } from '../base64'

/** The post box's path on the app's port (`npm start`), beside SIGNAL_PATH. */
export const BOX_PATH = '/box'

/** A room id or write token: base64url of 32 bytes (43 characters). */
const KEY_TEXT = /^[A-Za-z0-9_-]{43}$/
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

/** What the box's store refuses (server/postbox/store.ts), passed on to the client as is. */
export type StoreRefusal =
  /** no such room */
  | 'no-room'
  /** a room with this id exists already, with another write token */
  | 'room-exists'
  /** the box holds as many rooms as it may */
  | 'box-full'
  /** one entry is over maxEntryBytes, or a batch is empty or over maxBatchEntries */
  | 'entry-too-large'
  | 'bad-batch'
  /** the room's entries would go over maxRoomBytes */
  | 'room-full'
  /** a snapshot over maxSnapshotBytes */
  | 'snapshot-too-large'
  /** a snapshot covering entries the room does not have yet, or not newer than the latest */
  | 'snapshot-out-of-order'
  /** the entries after this cursor were dropped: read the latest snapshot first */
  | 'cursor-compacted'

/** Why the box said no: its store's refusals, and its own. */
export type BoxRefusal =
  | StoreRefusal
  /** the write token does not match the room's */
  | 'wrong-token'
  /** a request before `open`, or a second `open` on one connection */
  | 'not-open'
  | 'already-open'
  /** a frame that is not a request of this version */
  | 'bad-request'
  /** the box could not reach its storage: try again later */
  | 'unavailable'

export type BoxRequest =
  | { readonly t: 'open'; readonly room: string; readonly token: string }
  | { readonly t: 'append'; readonly id: number; readonly entries: readonly Uint8Array[] }
  | { readonly t: 'read'; readonly id: number; readonly after: number }
  | {
      readonly t: 'put-snapshot'
      readonly id: number
      readonly upTo: number
      readonly body: Uint8Array
    }
  | { readonly t: 'get-snapshot'; readonly id: number }

export type BoxReply =
  | { readonly t: 'opened'; readonly head: number; readonly snapshotUpTo: number }
  | { readonly t: 'appended'; readonly id: number; readonly head: number }
  | {
      readonly t: 'entries'
      readonly id: number
      readonly entries: readonly { readonly seq: number; readonly body: Uint8Array }[]
      readonly head: number
    }
  | { readonly t: 'snapshot-stored'; readonly id: number }
  | {
      readonly t: 'snapshot'
      readonly id: number
      readonly upTo: number
      readonly body: Uint8Array
    }
  | { readonly t: 'head'; readonly head: number }
  | { readonly t: 'refused'; readonly id?: number; readonly reason: BoxRefusal }

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0

/** Bytes of a base64 text, or undefined when it is not one. */
export function readBase64(text: unknown): Uint8Array | undefined {
  if (typeof text !== 'string' || text.length % 4 !== 0 || !BASE64.test(text)) return undefined
  try {
    return fromBase64Text(text)
  } catch {
    return undefined
  }
}

/** The text frame of a request or a reply (bytes as base64). */
export function encodeBoxFrame(message: BoxRequest | BoxReply): string {
  return JSON.stringify(message, (_key, value: unknown) =>
    value instanceof Uint8Array ? toBase64(value) : value,
  )
}

/**
 * A client's frame as a request, or 'bad-request'. `maxEntries` bounds a batch before any
 * body is decoded, so a huge batch costs the box nothing.
 */
export function decodeBoxRequest(
  text: string,
  maxEntries: number,
): Result<BoxRequest, 'bad-request'> {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return fail('bad-request')
  }
  if (!isRecord(value)) return fail('bad-request')
  const { t, id } = value
  if (t === 'open') {
    const { room, token } = value
    if (typeof room !== 'string' || !KEY_TEXT.test(room)) return fail('bad-request')
    if (typeof token !== 'string' || !KEY_TEXT.test(token)) return fail('bad-request')
    return ok({ t, room, token })
  }
  if (!isCount(id)) return fail('bad-request')
  switch (t) {
    case 'append': {
      const { entries } = value
      if (!Array.isArray(entries) || entries.length === 0 || entries.length > maxEntries)
        return fail('bad-request')
      const bodies = (entries as unknown[]).map(readBase64)
      if (!bodies.every((body) => body !== undefined && body.length > 0)) return fail('bad-request')
      return ok({ t, id, entries: bodies as Uint8Array[] })
    }
    case 'read':
      return isCount(value.after) ? ok({ t, id, after: value.after }) : fail('bad-request')
    case 'put-snapshot': {
      const body = readBase64(value.body)
      if (!isCount(value.upTo) || value.upTo === 0 || !body?.length) return fail('bad-request')
      return ok({ t, id, upTo: value.upTo, body })
    }
    case 'get-snapshot':
      return ok({ t, id })
    default:
      return fail('bad-request')
  }
}
