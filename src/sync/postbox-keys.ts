/**
 * What a phone shows the post box, derived from the space key so every member finds the same
 * room and nobody else can use it: the room id, the write token (the box keeps only its hash)
 * and the key that encrypts every entry and snapshot the box keeps. Three HKDF outputs with
 * their own labels: knowing one (the box knows the room id and the token's hash) tells nothing
 * of the others, and nothing of the space key. The space key is 256 random bits, so HKDF needs
 * no stretching (as for sync files, space-file-format.ts).
 */
import { toBase64 } from './base64'

const utf8 = (text: string) => new TextEncoder().encode(text)
const SALT = utf8('weave/postbox/salt')

export interface PostboxKeys {
  /** the room's id on the box: base64url of 32 bytes (43 characters) */
  readonly room: string
  /** what proves a member may write and read: base64url of 32 bytes */
  readonly token: string
  /** encrypts and decrypts entries and snapshots (AES-GCM-256; see room-crypto's encrypt) */
  readonly entryKey: CryptoKey
}

const base64url = (bytes: Uint8Array) =>
  toBase64(bytes).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')

export async function derivePostboxKeys(spaceKey: string): Promise<PostboxKeys> {
  const material = await crypto.subtle.importKey('raw', utf8(spaceKey), 'HKDF', false, [
    'deriveBits',
    'deriveKey',
  ])
  const params = (label: string) => ({
    name: 'HKDF',
    hash: 'SHA-256',
    salt: SALT,
    info: utf8(`weave/postbox/v1 ${label}`),
  })
  const bits = async (label: string) =>
    new Uint8Array(await crypto.subtle.deriveBits(params(label), material, 256))
  const [room, token, entryKey] = await Promise.all([
    bits('room id'),
    bits('write token'),
    crypto.subtle.deriveKey(
      params('entries aes-gcm-256'),
      material,
      {
        name: 'AES-GCM',
        length: 256,
      },
      false,
      ['encrypt', 'decrypt'],
    ),
  ])
  return { room: base64url(room), token: base64url(token), entryKey }
}
