/**
 * The text format of a space file, and its encryption. Text because Chromium's Web Share API
 * shares only allow-listed file types (.txt yes, binary or .json no). Two lines:
 *
 *   WEAVE-SPACE-FILE/1 key <space id>
 *   WEAVE-SPACE-FILE/1 passphrase <space id> <PBKDF2 iterations> <salt, base64url>
 *
 * then the body: base64 of a 12-byte random IV and the AES-GCM-256 ciphertext. The header is
 * readable (the app can say "this file is for another space" before any key is involved) and is
 * the AES-GCM additional data, so a changed header fails decryption like a changed body.
 *
 * Keys: the space key is 256 random bits, so HKDF (no stretching) derives the file key, with a
 * salt and info of its own: a file key is never the room key that y-webrtc-style signalling
 * uses (room-crypto.ts: PBKDF2 over the room name). A passphrase is chosen by a person and can be
 * guessed offline from a stolen file, so it goes through PBKDF2-SHA-256, 600,000 iterations
 * (OWASP's 2023 figure), with a random salt; the count is in the header so it can rise later.
 */
import { fromBase64, toBase64 } from './base64'
import { fail, ok, type Result } from '../domain/result'

export const MAGIC = 'WEAVE-SPACE-FILE'
export const FORMAT_VERSION = 1
export const PASSPHRASE_ITERATIONS = 600_000
/** Bounds on what a file may ask for: below is too weak to accept, above is a stall. */
const MIN_ITERATIONS = PASSPHRASE_ITERATIONS
const MAX_ITERATIONS = 10_000_000
const IV_BYTES = 12
const TAG_BYTES = 16
const SALT_BYTES = 16

export type KeyKind = 'key' | 'passphrase'

export type SpaceFileHeader =
  | { readonly version: 1; readonly spaceId: string; readonly keyKind: 'key' }
  | {
      readonly version: 1
      readonly spaceId: string
      readonly keyKind: 'passphrase'
      readonly iterations: number
      readonly salt: Uint8Array
    }

export type HeaderError = 'not-a-weave-file' | 'unsupported-version'

const ID = '([A-Za-z0-9_-]{8,64})'
const KEY_HEADER = new RegExp(`^${MAGIC}/1 key ${ID}$`)
const PASSPHRASE_HEADER = new RegExp(
  `^${MAGIC}/1 passphrase ${ID} ([1-9][0-9]{0,8}) ([A-Za-z0-9_-]{22})$`,
)
const VERSION = new RegExp(`^${MAGIC}/([0-9]{1,9})(?: |$)`)
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

const utf8 = (text: string) => new TextEncoder().encode(text)
const base64Url = (bytes: Uint8Array) =>
  toBase64(bytes).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')

export function writeHeader(header: SpaceFileHeader): string {
  const start = `${MAGIC}/${header.version} ${header.keyKind} ${header.spaceId}`
  return header.keyKind === 'key'
    ? start
    : `${start} ${header.iterations} ${base64Url(header.salt)}`
}

/** The header line and the rest of the text, split at the first line break. */
export function splitFile(text: string): { readonly line: string; readonly body: string } {
  const end = text.indexOf('\n')
  const line = end === -1 ? text : text.slice(0, end)
  return { line: line.replace(/\r$/, ''), body: end === -1 ? '' : text.slice(end + 1) }
}

export function parseHeader(line: string): Result<SpaceFileHeader, HeaderError> {
  const version = VERSION.exec(line)?.[1]
  if (version === undefined) return fail('not-a-weave-file')
  if (Number(version) !== FORMAT_VERSION) return fail('unsupported-version')
  const byKey = KEY_HEADER.exec(line)
  if (byKey?.[1] !== undefined) {
    return ok({ version: 1, spaceId: byKey[1], keyKind: 'key' })
  }
  const [, spaceId, count, salt] = PASSPHRASE_HEADER.exec(line) ?? []
  const iterations = Number(count)
  if (spaceId === undefined || salt === undefined) return fail('not-a-weave-file')
  if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
    return fail('not-a-weave-file')
  }
  const saltBytes = fromBase64(salt.replaceAll('-', '+').replaceAll('_', '/') + '==')
  if (saltBytes.length !== SALT_BYTES) return fail('not-a-weave-file')
  return ok({ version: 1, spaceId, keyKind: 'passphrase', iterations, salt: saltBytes })
}

export const newSalt = (): Uint8Array => crypto.getRandomValues(new Uint8Array(SALT_BYTES))

export async function deriveFileKey(spaceKey: string): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', utf8(spaceKey), 'HKDF', false, [
    'deriveKey',
  ])
  return crypto.subtle.deriveKey(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: utf8('weave/space-file/salt'),
      info: utf8('weave/space-file/v1 aes-gcm-256'),
    },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  )
}

/** NFC first, so the same passphrase typed on two keyboards gives the same key. */
export async function derivePassphraseKey(
  passphrase: string,
  salt: Uint8Array,
  iterations: number,
): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey(
    'raw',
    utf8(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  )
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  )
}

/** The whole file: header line, line break, base64 of IV + ciphertext, line break. */
export async function seal(line: string, plain: Uint8Array, key: CryptoKey): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES))
  const cipher = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: utf8(line) },
    key,
    plain as Uint8Array<ArrayBuffer>,
  )
  const body = new Uint8Array(IV_BYTES + cipher.byteLength)
  body.set(iv)
  body.set(new Uint8Array(cipher), IV_BYTES)
  return `${line}\n${toBase64(body)}\n`
}

/** The plaintext, or undefined for a wrong key, a changed header or body, or a cut file. */
export async function open(
  line: string,
  body: string,
  key: CryptoKey,
): Promise<Uint8Array | undefined> {
  // Mail and chat apps may wrap long lines or turn \n into \r\n: whitespace carries nothing.
  const compact = body.replace(/\s+/g, '')
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) return undefined
  const bytes = fromBase64(compact)
  if (bytes.length < IV_BYTES + TAG_BYTES) return undefined
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.slice(0, IV_BYTES), additionalData: utf8(line) },
      key,
      bytes.slice(IV_BYTES),
    )
    return new Uint8Array(plain)
  } catch {
    return undefined // OperationError: wrong key, or header or body changed since sealing
  }
}
