/**
 * Room codes: a WebRTC offer or answer small enough for a QR code a cheap phone's camera reads
 * at arm's length, so phones in one room pair with no signalling server.
 *
 * Text: `WV:` then base45 (QR alphanumeric mode) of the binary below. Binary, version 1:
 *
 *   1 B: version (high 4 bits), answer (bit 0), setup (bits 1–2), a media id follows (bit 3) ·
 *   space tag 4 B · pairing id 8 B · created at 4 B (unix seconds) · sha-256 fingerprint
 *   32 B · ufrag and pwd, each a length byte and its characters at 6 bits (ICE characters are
 *   exactly base64's alphabet) · the media id if not `0`: a length byte and its ASCII ·
 *   candidates up to the checksum, each 1 B (bits 0–1 address kind, bit 2 TCP,
 *   bits 3–4 type), the address (IPv4 4 B, IPv6 16 B, mDNS name's UUID 16 B) and the port
 *   2 B · CRC-16 2 B. Chromium's answer with one IPv4 and one IPv6 candidate: 100 bytes,
 *   153 characters, a version 6 QR code at medium error correction (BENCHMARKS.md).
 *
 * Every version keeps two things where they are: the version in the first byte's high 4 bits
 * (version 15 will say that a longer version number follows) and a CRC-16 of everything
 * before it in the last two bytes. So a damaged code is told apart from a code made by a
 * newer Weave before anything else is read. The QR code corrects its own misreads; the CRC is
 * for what it cannot see: a code cut short, typed or pasted wrong, or made by someone else.
 * Bad text is a value, never an exception.
 */
import { fail, ok, type Result } from '../domain/result'
import { fromBase45, toBase45 } from './base45'
import { crc16 } from './crc16'
import { ADDRESS_LENGTH, packAddress, unpackAddress, type AddressKind } from './room-code-address'
import { MAX_CANDIDATES_IN_CODE, MID } from './room-code-sdp'

export {
  candidateBytes,
  compactDescription,
  DEFAULT_MAX_CANDIDATE_BYTES,
  DEFAULT_MAX_CANDIDATES,
  expandDescription,
  MAX_CANDIDATES_IN_CODE,
  type CompactOptions,
} from './room-code-sdp'

export interface CompactDescription {
  /** The DTLS certificate's sha-256 fingerprint, 32 bytes. */
  readonly fingerprint: Uint8Array
  readonly ufrag: string
  readonly pwd: string
  readonly setup: 'actpass' | 'active' | 'passive'
  readonly candidates: readonly CompactCandidate[]
  /**
   * The data channel section's media id when it is not `0` (Chromium, Safari and Firefox today
   * say `0`; older Firefox said `sdparta_0`): an answer must repeat the offer's.
   */
  readonly mid?: string
}

export interface CompactCandidate {
  /** IPv4, IPv6 or an mDNS `<uuid>.local` name. */
  readonly ip: string
  readonly port: number
  readonly protocol: 'udp' | 'tcp'
  readonly type: 'host' | 'srflx' | 'relay'
}

export interface RoomCode {
  readonly kind: 'offer' | 'answer'
  /** 4 bytes derived from the space key by the caller. */
  readonly spaceTag: Uint8Array
  /** 8 random bytes. */
  readonly pairingId: Uint8Array
  /** Unix seconds (whole; a fraction is dropped). */
  readonly createdAt: number
  readonly description: CompactDescription
}

export type RoomCodeError = 'not-a-room-code' | 'newer-version' | 'damaged'

export const ROOM_CODE_PREFIX = 'WV:'
export const ROOM_CODE_VERSION = 1

const SETUPS = ['actpass', 'active', 'passive'] as const
const KINDS: readonly AddressKind[] = ['ipv4', 'ipv6', 'mdns']
const TYPES = ['host', 'srflx', 'relay'] as const
const ICE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** The text for a QR code: only characters of QR alphanumeric mode. */
export function encodeRoomCode(code: RoomCode): string {
  return ROOM_CODE_PREFIX + toBase45(packRoomCode(code))
}

/**
 * The binary form (what the text carries). Throws RangeError on a code no caller should
 * build: wrong byte lengths, a time before 1970 or after 2106, a candidate it cannot pack.
 */
export function packRoomCode(code: RoomCode): Uint8Array {
  const { description } = code
  expectLength('spaceTag', code.spaceTag, 4)
  expectLength('pairingId', code.pairingId, 8)
  expectLength('fingerprint', description.fingerprint, 32)
  const createdAt = Math.floor(code.createdAt)
  if (!(createdAt >= 0 && createdAt <= 0xffffffff)) throw new RangeError('createdAt out of range')
  if (!SETUPS.includes(description.setup)) throw new RangeError('setup out of range')
  if (description.candidates.length > MAX_CANDIDATES_IN_CODE)
    throw new RangeError(`more than ${MAX_CANDIDATES_IN_CODE} candidates`)

  const out: number[] = [
    (ROOM_CODE_VERSION << 4) |
      (code.kind === 'answer' ? 1 : 0) |
      (SETUPS.indexOf(description.setup) << 1) |
      (description.mid === undefined ? 0 : 8),
  ]
  out.push(...code.spaceTag, ...code.pairingId)
  out.push(createdAt >>> 24, (createdAt >>> 16) & 0xff, (createdAt >>> 8) & 0xff, createdAt & 0xff)
  out.push(...description.fingerprint)
  out.push(...packIceText('ufrag', description.ufrag), ...packIceText('pwd', description.pwd))
  if (description.mid !== undefined) {
    if (!MID.test(description.mid)) throw new RangeError('mid holds characters SDP does not allow')
    out.push(description.mid.length, ...Array.from(description.mid, (c) => c.charCodeAt(0)))
  }
  for (const candidate of description.candidates) {
    const address = packAddress(candidate.ip)
    if (!address) throw new RangeError(`cannot pack the address ${candidate.ip}`)
    if (!Number.isInteger(candidate.port) || candidate.port < 0 || candidate.port > 0xffff)
      throw new RangeError(`port ${candidate.port} out of range`)
    if (!TYPES.includes(candidate.type)) throw new RangeError('candidate type out of range')
    out.push(
      KINDS.indexOf(address.kind) |
        (candidate.protocol === 'tcp' ? 4 : 0) |
        (TYPES.indexOf(candidate.type) << 3),
    )
    out.push(...address.bytes, candidate.port >> 8, candidate.port & 0xff)
  }
  const crc = crc16(out)
  out.push(crc >> 8, crc & 0xff)
  return Uint8Array.from(out)
}

/** What a scanned text holds, or why it is not a usable room code. Never throws. */
export function decodeRoomCode(text: string): Result<RoomCode, RoomCodeError> {
  const upper = text.trim().toUpperCase()
  if (!upper.startsWith(ROOM_CODE_PREFIX)) return fail('not-a-room-code')
  const body = upper.slice(ROOM_CODE_PREFIX.length)
  // trimming is safe: base45 never ends in a space (a last 2 bytes' third digit is at most 32)
  const bytes = fromBase45(body)
  if (!bytes || !checksumHolds(bytes)) return fail('damaged')
  const version = (bytes[0] ?? 0) >> 4
  if (version > ROOM_CODE_VERSION) return fail('newer-version')
  if (version < 1) return fail('damaged')
  const value = readVersion1(bytes.subarray(0, bytes.length - 2))
  return value ? ok(value) : fail('damaged')
}

function readVersion1(bytes: Uint8Array): RoomCode | undefined {
  let at = 0
  const take = (length: number): Uint8Array | undefined => {
    if (at + length > bytes.length) return undefined
    at += length
    return bytes.slice(at - length, at)
  }
  const flags = (take(1)?.[0] ?? 0xff) & 15
  const setup = SETUPS[(flags >> 1) & 3]
  if (!setup) return undefined
  const spaceTag = take(4)
  const pairingId = take(8)
  const time = take(4)
  const fingerprint = take(32)
  const readIce = () => {
    const length = take(1)?.[0]
    const packed = length ? take(Math.ceil((length * 6) / 8)) : undefined
    return packed && length ? unpackIceText(packed, length) : undefined
  }
  const ufrag = readIce()
  const pwd = readIce()
  const midLength = flags & 8 ? (take(1)?.[0] ?? 0) : 0
  const mid = midLength > 0 ? String.fromCharCode(...(take(midLength) ?? [])) : undefined
  if (!spaceTag || !pairingId || !time || !fingerprint || !ufrag || !pwd) return undefined
  if (flags & 8 && (mid === undefined || !MID.test(mid))) return undefined
  const candidates: CompactCandidate[] = []
  while (at < bytes.length) {
    if (candidates.length === MAX_CANDIDATES_IN_CODE) return undefined
    const head = take(1)?.[0] ?? 0xff
    const kind = KINDS[head & 3]
    const type = TYPES[(head >> 3) & 3]
    if (!kind || !type || head >> 5 !== 0) return undefined
    const address = take(ADDRESS_LENGTH[kind])
    const port = take(2)
    if (!address || !port) return undefined
    candidates.push({
      ip: unpackAddress({ kind, bytes: address }),
      port: ((port[0] ?? 0) << 8) | (port[1] ?? 0),
      protocol: head & 4 ? 'tcp' : 'udp',
      type,
    })
  }
  return {
    kind: flags & 1 ? 'answer' : 'offer',
    spaceTag,
    pairingId,
    createdAt: new DataView(time.buffer, time.byteOffset).getUint32(0),
    description: {
      fingerprint,
      ufrag,
      pwd,
      setup,
      candidates,
      ...(mid === undefined ? {} : { mid }),
    },
  }
}

function expectLength(name: string, bytes: Uint8Array, length: number) {
  if (!(bytes instanceof Uint8Array) || bytes.length !== length)
    throw new RangeError(`${name} must be ${length} bytes`)
}

/** A length byte, then 6 bits a character. */
function packIceText(name: string, text: string): number[] {
  if (text.length < 1 || text.length > 255) throw new RangeError(`${name} length out of range`)
  const out = [text.length]
  let bits = 0
  let held = 0
  for (const char of text) {
    const value = ICE_ALPHABET.indexOf(char)
    if (value < 0) throw new RangeError(`${name} holds a character ICE does not allow`)
    held = (held << 6) | value
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out.push((held >> bits) & 0xff)
    }
  }
  if (bits > 0) out.push((held << (8 - bits)) & 0xff)
  return out
}

function unpackIceText(packed: Uint8Array, length: number): string | undefined {
  let text = ''
  let bits = 0
  let held = 0
  for (const byte of packed) {
    held = ((held << 8) | byte) & 0xffff
    bits += 8
    while (bits >= 6 && text.length < length) {
      bits -= 6
      text += ICE_ALPHABET[(held >> bits) & 63] ?? ''
    }
  }
  // the padding bits of the last byte are zero in every code we write
  return (held & ((1 << bits) - 1)) === 0 ? text : undefined
}

function checksumHolds(bytes: Uint8Array): boolean {
  if (bytes.length < 3) return false
  const end = bytes.length - 2
  return crc16(bytes.subarray(0, end)) === (((bytes[end] ?? 0) << 8) | (bytes[end + 1] ?? 0))
}
