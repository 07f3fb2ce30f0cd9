/**
 * The name a space's room has on a signalling server: a SHA-256 hash of the space id, so a
 * server (or anyone watching it) learns nothing readable about the space.
 */
import type { SpaceId } from '../domain/ids'

const PREFIX = 'weave-room-v1:'

export async function roomNameFor(spaceId: SpaceId | string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(PREFIX + spaceId))
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('')
}
