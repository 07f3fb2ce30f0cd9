/**
 * Room encryption compatible with y-webrtc's (its crypto.js is not exported, so it is
 * reimplemented here byte for byte): PBKDF2-SHA256 with 100,000 iterations and the room name
 * as salt derives an AES-GCM-256 key from the space key; each message gets a random 12-byte
 * IV and is framed as lib0 varString('AES-GCM') + varUint8Array(iv) + varUint8Array(cipher).
 * Signalling payloads are lib0 `writeAny` values, encrypted, then base64 (as y-webrtc sends).
 * Decryption failures (wrong key, tampering, garbage) come back as `undefined`, never thrown.
 */
import { fromBase64, toBase64 } from 'lib0/buffer'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

const ALGORITHM = 'AES-GCM'

/** The space key is random (256 bits), so PBKDF2 here only matches y-webrtc's derivation. */
export async function deriveRoomKey(secret: string, roomName: string): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    'PBKDF2',
    false,
    ['deriveKey'],
  )
  return crypto.subtle.deriveKey(
    {
      name: 'PBKDF2',
      salt: new TextEncoder().encode(roomName),
      iterations: 100_000,
      hash: 'SHA-256',
    },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  )
}

export async function encrypt(data: Uint8Array, key: CryptoKey): Promise<Uint8Array> {
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const cipher = await crypto.subtle.encrypt(
    { name: ALGORITHM, iv },
    key,
    data as Uint8Array<ArrayBuffer>,
  )
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, ALGORITHM)
  encoding.writeVarUint8Array(encoder, iv)
  encoding.writeVarUint8Array(encoder, new Uint8Array(cipher))
  return encoding.toUint8Array(encoder)
}

export async function decrypt(data: Uint8Array, key: CryptoKey): Promise<Uint8Array | undefined> {
  try {
    const decoder = decoding.createDecoder(data)
    if (decoding.readVarString(decoder) !== ALGORITHM) return undefined
    const iv = decoding.readVarUint8Array(decoder)
    const cipher = decoding.readVarUint8Array(decoder)
    const plain = await crypto.subtle.decrypt(
      { name: ALGORITHM, iv: iv as Uint8Array<ArrayBuffer> },
      key,
      cipher as Uint8Array<ArrayBuffer>,
    )
    return new Uint8Array(plain)
  } catch {
    return undefined // truncated frame, wrong key or tampered bytes: all "not for us"
  }
}

export async function encryptJson(data: unknown, key: CryptoKey): Promise<string> {
  const encoder = encoding.createEncoder()
  encoding.writeAny(encoder, data as Parameters<typeof encoding.writeAny>[1])
  return toBase64(await encrypt(encoding.toUint8Array(encoder), key))
}

export async function decryptJson(text: string, key: CryptoKey): Promise<unknown> {
  let bytes: Uint8Array
  try {
    bytes = fromBase64(text)
  } catch {
    return undefined // not base64: garbage from the network
  }
  const plain = await decrypt(bytes, key)
  if (!plain) return undefined
  try {
    return decoding.readAny(decoding.createDecoder(plain))
  } catch {
    return undefined // decrypted but not a lib0 value: treat as garbage
  }
}
