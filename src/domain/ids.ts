/**
 * Branded ids and random secrets. Ids are random (not sequential) so that two devices
 * creating entities offline never collide; the space key is random bytes, never a word
 * a person chose, because anyone who overhears encrypted traffic can test guesses offline.
 */
declare const brand: unique symbol
export type Brand<T, B extends string> = T & { readonly [brand]: B }

export type SpaceId = Brand<string, 'SpaceId'>
export type SpaceKey = Brand<string, 'SpaceKey'>
export type GroupId = Brand<string, 'GroupId'>

const ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/

/** base64url without padding: safe in URLs, file names and IndexedDB keys. */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
}

export function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined
  const padded =
    text.replaceAll('-', '+').replaceAll('_', '/') + '='.repeat((4 - (text.length % 4)) % 4)
  try {
    return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0))
  } catch {
    return undefined // not valid base64 after all: the caller treats it as a bad id
  }
}

function randomToken(byteCount: number): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(byteCount)))
}

/** 96 random bits: unique enough for entities made offline on many devices. */
export function newId<T extends string>(): Brand<string, T> {
  return randomToken(12) as Brand<string, T>
}

export const newSpaceId = (): SpaceId => randomToken(16) as SpaceId
/** 256 random bits; the only credential of a space. */
export const newSpaceKey = (): SpaceKey => randomToken(32) as SpaceKey

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value)
}

export function isSpaceKey(value: unknown): value is SpaceKey {
  return typeof value === 'string' && fromBase64Url(value)?.length === 32
}
