/**
 * Pairing two phones in one room with no server: the showing phone makes a WebRTC offer, the
 * other phone scans it as a QR code and shows its answer, the first phone scans that, and the
 * data channel opens. No signalling server, no trickle: each side gathers its candidates once
 * (capped, a few seconds), and the whole description travels in the code (room-code.ts).
 *
 * Security: the code carries the DTLS fingerprint, so the connection is to exactly the phone
 * whose code was scanned (DTLS refuses any other certificate). A code names its space by a
 * 4-byte tag of the space key (a code of another space is refused), expires after two minutes
 * and is single use: an offer takes one answer, an answer must carry its offer's pairing id,
 * and a phone answers an offer once. Every sync message on the channel is still encrypted
 * with the space's room key (room-link.ts), so a phone without the key gets nothing. Both
 * phones show a short check derived from both fingerprints so people can see they paired
 * with each other.
 */
import type { Result } from '../domain/result'
import {
  compactDescription,
  decodeRoomCode,
  encodeRoomCode,
  expandDescription,
  type CompactDescription,
  type RoomCode,
  type RoomCodeError,
} from './room-code'

export type PairingProblem =
  | RoomCodeError
  /** the code belongs to another space */
  | 'other-space'
  /** older than CODE_LIFETIME_S (or from a phone whose clock is far off) */
  | 'expired'
  /** an answer scanned where an offer was expected, or the reverse */
  | 'wrong-kind'
  /** an answer to some other offer */
  | 'not-for-this-offer'
  /** this offer was already answered (here, or this phone already answered it) */
  | 'already-used'
  /** the browser found no address to be reached at (no network interface) */
  | 'no-network'
  /** the phones could not reach each other (different networks, client-isolated wifi) */
  | 'unreachable'

/** The one Result shape (domain/result.ts), with the pairing's error codes. */
export type Paired<T> = Result<T, PairingProblem>

export const CODE_LIFETIME_S = 120
/** Gathering stops here even if the browser is still looking (a STUN server far away). */
export const GATHER_CAP_MS = 3_000
/** From the last scan to an open channel; ICE on one network takes well under a second. */
export const OPEN_TIMEOUT_MS = 20_000

export interface PairingOptions {
  /** spaceTagOf(space key) */
  readonly spaceTag: Uint8Array
  /** none by default: phones in one room need no STUN server */
  readonly iceServers?: readonly RTCIceServer[]
  readonly gatherCapMs?: number
  readonly openTimeoutMs?: number
  /** milliseconds, for tests of expiry */
  readonly now?: () => number
}

/** An open data channel to the other phone, and the check both phones show. */
export interface RoomChannel {
  readonly channel: RTCDataChannel
  readonly check: string
  /** the other phone's fingerprint (what identifies it while the link lives) */
  readonly remoteFingerprint: Uint8Array
  /** the link's connection: the mesh opens its own channel on it (room-mesh.ts) */
  readonly connection: RTCPeerConnection
  close(): void
}

export interface RoomOffer {
  /** the text to show as a QR code */
  readonly code: string
  /** when the code stops being accepted (milliseconds) */
  readonly expiresAt: number
  /** Reads the other phone's answer; on success the channel opens (or fails) in `opened`. */
  acceptAnswer(
    text: string,
  ): Promise<Paired<{ readonly check: string; readonly opened: Promise<Paired<RoomChannel>> }>>
  close(): void
}

export interface RoomAnswer {
  readonly code: string
  readonly expiresAt: number
  readonly check: string
  readonly opened: Promise<Paired<RoomChannel>>
  close(): void
}

/** Offers this page already answered (single use on the answering side too). */
const answered = new Set<string>()

const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
const sameBytes = (a: Uint8Array, b: Uint8Array) =>
  a.length === b.length && a.every((x, i) => x === b[i])

async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>))
}

/** 4 bytes that name the space in a code without revealing anything usable of its key. */
export async function spaceTagOf(spaceKey: string): Promise<Uint8Array> {
  return (await sha256(new TextEncoder().encode(`weave-room-tag-v1:${spaceKey}`))).slice(0, 4)
}

/** Four digits from both fingerprints, the same on both phones whichever showed first. */
export async function shortCheck(a: Uint8Array, b: Uint8Array): Promise<string> {
  const [first, second] = hex(a) < hex(b) ? [a, b] : [b, a]
  const joined = new Uint8Array(first.length + second.length)
  joined.set(first)
  joined.set(second, first.length)
  const digest = await sha256(joined)
  const value = new DataView(digest.buffer).getUint32(0) % 10_000
  return String(value).padStart(4, '0')
}

export function newConnection(options: Pick<PairingOptions, 'iceServers'>) {
  const pc = new RTCPeerConnection({ iceServers: [...(options.iceServers ?? [])] })
  // negotiated, like live sync's links: both sides have it at once, neither waits for an event
  const channel = pc.createDataChannel('weave-room', { negotiated: true, id: 0, ordered: true })
  channel.binaryType = 'arraybuffer'
  return { pc, channel }
}

/** Sets the local description and waits for candidates (all, or what came within the cap). */
export async function gather(
  pc: RTCPeerConnection,
  capMs: number,
): Promise<Paired<CompactDescription>> {
  const complete = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, capMs)
    pc.addEventListener('icegatheringstatechange', () => {
      if (pc.iceGatheringState === 'complete') {
        clearTimeout(timer)
        resolve()
      }
    })
  })
  await pc.setLocalDescription()
  if (pc.iceGatheringState !== 'complete') await complete
  const compact = compactDescription(pc.localDescription?.sdp ?? '')
  if (!compact.ok) throw new Error(`own description unusable: ${compact.error}`)
  if (compact.value.candidates.length === 0) return { ok: false, error: 'no-network' }
  return { ok: true, value: compact.value }
}

/** Resolves when the channel opens; a failed ICE connection or the timeout ends it. */
export function whenOpen(
  pc: RTCPeerConnection,
  channel: RTCDataChannel,
  check: string,
  remoteFingerprint: Uint8Array,
  timeoutMs: number,
): Promise<Paired<RoomChannel>> {
  const close = () => {
    channel.close()
    pc.close()
  }
  return new Promise((resolve) => {
    const done = (result: Paired<RoomChannel>) => {
      clearTimeout(timer)
      pc.removeEventListener('connectionstatechange', onState)
      channel.removeEventListener('open', onOpen)
      if (!result.ok) close()
      resolve(result)
    }
    const timer = setTimeout(() => done({ ok: false, error: 'unreachable' }), timeoutMs)
    const onState = () => {
      if (pc.connectionState === 'failed' || pc.connectionState === 'closed')
        done({ ok: false, error: 'unreachable' })
    }
    const onOpen = () =>
      done({ ok: true, value: { channel, check, remoteFingerprint, connection: pc, close } })
    pc.addEventListener('connectionstatechange', onState)
    channel.addEventListener('open', onOpen)
    if (channel.readyState === 'open') onOpen()
  })
}

/** Decodes a scanned code and checks what every code must satisfy. */
export function readRoomCode(
  text: string,
  expected: RoomCode['kind'] | undefined,
  options: PairingOptions,
): Paired<RoomCode> {
  const decoded = decodeRoomCode(text.trim())
  if (!decoded.ok) return decoded
  const code = decoded.value
  if (!sameBytes(code.spaceTag, options.spaceTag)) return { ok: false, error: 'other-space' }
  const nowS = (options.now ?? Date.now)() / 1000
  // both ways: a phone whose clock runs far ahead would otherwise make codes that never expire
  if (Math.abs(nowS - code.createdAt) > CODE_LIFETIME_S) return { ok: false, error: 'expired' }
  if (expected && code.kind !== expected) return { ok: false, error: 'wrong-kind' }
  if (code.kind === 'offer' && answered.has(hex(code.pairingId)))
    return { ok: false, error: 'already-used' }
  return { ok: true, value: code }
}

/** The showing phone: a fresh connection and the offer code for the other phone to scan. */
export async function createRoomOffer(options: PairingOptions): Promise<Paired<RoomOffer>> {
  const now = options.now ?? Date.now
  const { pc, channel } = newConnection(options)
  const local = await gather(pc, options.gatherCapMs ?? GATHER_CAP_MS).catch((error: unknown) => {
    pc.close()
    throw error
  })
  if (!local.ok) {
    pc.close()
    return local
  }
  const createdAt = Math.floor(now() / 1000)
  const pairingId = crypto.getRandomValues(new Uint8Array(8))
  const code = encodeRoomCode({
    kind: 'offer',
    spaceTag: options.spaceTag,
    pairingId,
    createdAt,
    description: local.value,
  })
  let used = false
  return {
    ok: true,
    value: {
      code,
      expiresAt: (createdAt + CODE_LIFETIME_S) * 1000,
      async acceptAnswer(text) {
        const read = readRoomCode(text, 'answer', options)
        if (!read.ok) return read
        if (!sameBytes(read.value.pairingId, pairingId))
          return { ok: false, error: 'not-for-this-offer' }
        if (used || pc.signalingState === 'closed') return { ok: false, error: 'already-used' }
        if (now() / 1000 - createdAt > CODE_LIFETIME_S) return { ok: false, error: 'expired' }
        used = true
        const remote = read.value.description
        const check = await shortCheck(local.value.fingerprint, remote.fingerprint)
        await pc.setRemoteDescription(expandDescription(remote, 'answer'))
        const timeout = options.openTimeoutMs ?? OPEN_TIMEOUT_MS
        return {
          ok: true,
          value: { check, opened: whenOpen(pc, channel, check, remote.fingerprint, timeout) },
        }
      },
      close() {
        channel.close()
        pc.close()
      },
    },
  }
}

/** The scanning phone: reads the offer, makes the answer code to show back. */
export async function answerRoomOffer(
  text: string,
  options: PairingOptions,
): Promise<Paired<RoomAnswer>> {
  const read = readRoomCode(text, 'offer', options)
  if (!read.ok) return read
  const offer = read.value
  const id = hex(offer.pairingId)
  if (answered.has(id)) return { ok: false, error: 'already-used' }
  answered.add(id)
  const { pc, channel } = newConnection(options)
  try {
    await pc.setRemoteDescription(expandDescription(offer.description, 'offer'))
    const local = await gather(pc, options.gatherCapMs ?? GATHER_CAP_MS)
    if (!local.ok) {
      pc.close()
      return local
    }
    const createdAt = Math.floor((options.now ?? Date.now)() / 1000)
    const code = encodeRoomCode({
      kind: 'answer',
      spaceTag: options.spaceTag,
      pairingId: offer.pairingId,
      createdAt,
      description: local.value,
    })
    const remote = offer.description.fingerprint
    const check = await shortCheck(local.value.fingerprint, remote)
    const timeout = options.openTimeoutMs ?? OPEN_TIMEOUT_MS
    return {
      ok: true,
      value: {
        code,
        check,
        expiresAt: (offer.createdAt + CODE_LIFETIME_S) * 1000,
        // the answering side waits for the other phone to scan, so it gets the code's lifetime
        opened: whenOpen(pc, channel, check, remote, timeout + CODE_LIFETIME_S * 1000),
        close() {
          channel.close()
          pc.close()
        },
      },
    }
  } catch (error) {
    pc.close()
    throw error
  }
}
