/**
 * Photos' and voice notes' bytes between two peers, over the same channel as the document:
 * a phone asks for the hashes it lacks (after the document is in sync, so text never waits
 * behind photos); the other answers each with chunks, or with "none" when it lacks them too.
 *
 * - Every chunk is encrypted with a key derived from the space key (HKDF, its own label), the
 *   hash, index and count bound in as associated data: a chunk moved, replayed into another
 *   photo or altered does not decrypt, and is refused.
 * - Bytes are stored only through `sink.receive`, which stores them only when they hash to
 *   what was asked (storage/media-repo.ts): a member who sends other bytes gets nothing stored.
 * - Only what this phone asked for is accepted, within MEDIA_MAX_BYTES per item.
 * - A cut connection resumes: chunks received so far are kept in `partials` (the caller keeps
 *   one per space) and the next ask starts from the first missing chunk.
 *
 * Transport-free like sync-protocol.ts: `send` hands one whole message to the framed channel
 * (chunking.ts), `receive` takes one. Messages start with MESSAGE_MEDIA so the channel's
 * reader can tell them from y-protocols' (0, 1, 3).
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { isMediaHash, MEDIA_MAX_BYTES } from '../domain/media'
import { fail, ok, type Result } from '../domain/result'

export const MESSAGE_MEDIA = 8
const WANT = 0
const CHUNK = 1
const NONE = 2

export const MEDIA_CHUNK_BYTES = 16 * 1024
/** Hashes one ask may name (a new phone asks again as transfers finish). */
export const MAX_WANTS = 256
const MAX_CHUNKS = Math.ceil(MEDIA_MAX_BYTES / 1024)

const utf8 = (text: string) => new TextEncoder().encode(text)

/** The key chunks are encrypted with: HKDF of the space key under the media label. */
export async function deriveMediaKey(spaceKey: string): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', utf8(spaceKey), 'HKDF', false, [
    'deriveKey',
  ])
  return crypto.subtle.deriveKey(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: utf8('weave/media/salt'),
      info: utf8('weave/media/v1 chunks aes-gcm-256'),
    },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  )
}

export interface MediaItem {
  readonly bytes: Uint8Array
  readonly mime: string
}

/** Chunks received so far of one item, kept across connections. */
export interface PartialItem {
  readonly total: number
  readonly parts: (Uint8Array | undefined)[]
  mime: string
  size: number
}

export type ExchangeRefusal =
  'malformed' | 'not-asked' | 'bad-chunk' | 'too-large' | 'hash-mismatch' | 'not-stored'

export interface MediaExchangeOptions {
  readonly key: CryptoKey
  readonly send: (message: Uint8Array) => void
  /** This phone's bytes, for a peer that asks. */
  readonly source: (hash: string) => Promise<MediaItem | undefined>
  /** Stores a whole item; refuses bytes that do not hash to `hash`. */
  readonly sink: (hash: string, item: MediaItem) => Promise<Result>
  /** Kept by the caller across connections, so a cut transfer resumes. */
  readonly partials?: Map<string, PartialItem>
  readonly chunkBytes?: number
  readonly onStored?: (hash: string) => void
}

export interface MediaExchange {
  /** Asks the peer for these items (up to MAX_WANTS not already asked). */
  ask(hashes: readonly string[]): void
  /** Reads one MESSAGE_MEDIA message; a refusal names what was wrong, nothing is stored. */
  receive(message: Uint8Array): Promise<Result<void, ExchangeRefusal>>
  /** Items asked for and not finished. */
  pending(): string[]
}

const aad = (hash: string, index: number, total: number) => utf8(`${hash}:${index}:${total}`)

function header(kind: number): encoding.Encoder {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_MEDIA)
  encoding.writeVarUint(encoder, kind)
  return encoder
}

export function createMediaExchange(options: MediaExchangeOptions): MediaExchange {
  const { key, send } = options
  const partials = options.partials ?? new Map<string, PartialItem>()
  const chunkBytes = options.chunkBytes ?? MEDIA_CHUNK_BYTES
  const asked = new Set<string>()

  async function sendItem(hash: string, from: number) {
    const item = await options.source(hash)
    if (!item) {
      const encoder = header(NONE)
      encoding.writeVarString(encoder, hash)
      return send(encoding.toUint8Array(encoder))
    }
    const total = Math.max(1, Math.ceil(item.bytes.byteLength / chunkBytes))
    for (let index = from; index < total; index++) {
      const plain = encoding.createEncoder()
      encoding.writeVarString(plain, item.mime)
      encoding.writeVarUint8Array(
        plain,
        item.bytes.subarray(index * chunkBytes, (index + 1) * chunkBytes),
      )
      const iv = crypto.getRandomValues(new Uint8Array(12))
      const sealed = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: aad(hash, index, total) },
        key,
        encoding.toUint8Array(plain),
      )
      const encoder = header(CHUNK)
      encoding.writeVarString(encoder, hash)
      encoding.writeVarUint(encoder, index)
      encoding.writeVarUint(encoder, total)
      encoding.writeVarUint8Array(encoder, iv)
      encoding.writeVarUint8Array(encoder, new Uint8Array(sealed))
      send(encoding.toUint8Array(encoder))
    }
  }

  async function open(
    hash: string,
    index: number,
    total: number,
    iv: Uint8Array,
    sealed: Uint8Array,
  ) {
    try {
      const plain = await crypto.subtle.decrypt(
        {
          name: 'AES-GCM',
          iv: iv as Uint8Array<ArrayBuffer>,
          additionalData: aad(hash, index, total),
        },
        key,
        sealed as Uint8Array<ArrayBuffer>,
      )
      const decoder = decoding.createDecoder(new Uint8Array(plain))
      return { mime: decoding.readVarString(decoder), bytes: decoding.readVarUint8Array(decoder) }
    } catch {
      return undefined // another key, or altered on the way
    }
  }

  async function receiveChunk(decoder: decoding.Decoder): Promise<Result<void, ExchangeRefusal>> {
    const hash = decoding.readVarString(decoder)
    const index = decoding.readVarUint(decoder)
    const total = decoding.readVarUint(decoder)
    const iv = decoding.readVarUint8Array(decoder)
    const sealed = decoding.readVarUint8Array(decoder)
    if (!asked.has(hash)) return fail('not-asked')
    if (total === 0 || total > MAX_CHUNKS || index >= total) return fail('malformed')
    const chunk = await open(hash, index, total, iv, sealed)
    if (!chunk) {
      partials.delete(hash)
      asked.delete(hash)
      return fail('bad-chunk')
    }
    let partial = partials.get(hash)
    if (partial?.total !== total) {
      partial = {
        total,
        parts: Array.from({ length: total }, (): Uint8Array | undefined => undefined),
        mime: chunk.mime,
        size: 0,
      }
      partials.set(hash, partial)
    }
    if (!partial.parts[index]) {
      partial.size += chunk.bytes.byteLength
      partial.parts[index] = chunk.bytes
    }
    if (partial.size > MEDIA_MAX_BYTES) {
      partials.delete(hash)
      asked.delete(hash)
      return fail('too-large')
    }
    if (partial.parts.some((part) => !part)) return ok()
    partials.delete(hash)
    asked.delete(hash)
    const bytes = new Uint8Array(partial.size)
    let at = 0
    for (const part of partial.parts as Uint8Array[]) {
      bytes.set(part, at)
      at += part.byteLength
    }
    const stored = await options.sink(hash, { bytes, mime: partial.mime })
    if (!stored.ok) return fail(stored.error === 'hash-mismatch' ? 'hash-mismatch' : 'not-stored')
    options.onStored?.(hash)
    return ok()
  }

  return {
    ask(hashes) {
      const wanted = hashes.filter((h) => isMediaHash(h) && !asked.has(h)).slice(0, MAX_WANTS)
      if (wanted.length === 0) return
      const encoder = header(WANT)
      encoding.writeVarUint(encoder, wanted.length)
      for (const hash of wanted) {
        asked.add(hash)
        encoding.writeVarString(encoder, hash)
        // resume from the first chunk this phone does not hold yet
        const parts = partials.get(hash)?.parts ?? []
        const from = parts.findIndex((part) => !part)
        encoding.writeVarUint(encoder, from === -1 ? parts.length : from)
      }
      send(encoding.toUint8Array(encoder))
    },
    async receive(message) {
      try {
        const decoder = decoding.createDecoder(message)
        if (decoding.readVarUint(decoder) !== MESSAGE_MEDIA) return fail('malformed')
        const kind = decoding.readVarUint(decoder)
        if (kind === CHUNK) return await receiveChunk(decoder)
        if (kind === NONE) {
          asked.delete(decoding.readVarString(decoder))
          return ok()
        }
        if (kind !== WANT) return fail('malformed')
        const count = decoding.readVarUint(decoder)
        if (count > MAX_WANTS) return fail('malformed')
        const wants: [string, number][] = []
        for (let i = 0; i < count; i++)
          wants.push([decoding.readVarString(decoder), decoding.readVarUint(decoder)])
        if (wants.some(([hash, from]) => !isMediaHash(hash) || from > MAX_CHUNKS))
          return fail('malformed')
        for (const [hash, from] of wants) await sendItem(hash, from)
        return ok()
      } catch {
        return fail('malformed') // cut short or not ours: lib0 throws past the end
      }
    },
    pending: () => [...asked],
  }
}
