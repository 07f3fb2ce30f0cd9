/**
 * Room codes against what a camera, a paste or a stranger's QR code may hand the scanner:
 * every made-up code comes back whole, and anything else is a clear error value, never a throw.
 * fast-check picks a new seed each run and prints it on failure (replay with `seed` in
 * fc.assert's options).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BASE45_ALPHABET, toBase45 } from '../../../src/sync/base45'
import { crc16 } from '../../../src/sync/crc16'
import {
  compactDescription,
  decodeRoomCode,
  encodeRoomCode,
  expandDescription,
  packRoomCode,
  ROOM_CODE_PREFIX,
  type CompactCandidate,
  type RoomCode,
  type RoomCodeError,
} from '../../../src/sync/room-code'

const ERRORS: readonly RoomCodeError[] = ['not-a-room-code', 'newer-version', 'damaged']
const ICE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const SDP_TOKEN = "ABCXYZabcxyz0189!#$%&'*+-.^_`{|}~"
/** One character of the given ASCII alphabet. */
const charOf = (alphabet: string) => fc.constantFrom(...alphabet.split(''))

const bytes = (length: number) => fc.uint8Array({ minLength: length, maxLength: length })
const iceText = (minLength: number, maxLength: number) =>
  fc.string({ unit: charOf(ICE), minLength, maxLength })
const hex = (length: number) =>
  fc.string({ unit: charOf('0123456789abcdef'), minLength: length, maxLength: length })

/** Addresses as the codec writes them back: dotted IPv4, RFC 5952 IPv6, lowercase UUID names. */
const address = fc.oneof(
  bytes(4).map((b) => [...b].join('.')),
  fc
    .array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 })
    .map((words) => canonicalIPv6(words)),
  fc.tuple(hex(8), hex(4), hex(4), hex(4), hex(12)).map((parts) => `${parts.join('-')}.local`),
)

const candidate: fc.Arbitrary<CompactCandidate> = fc.record({
  ip: address,
  port: fc.integer({ min: 0, max: 0xffff }),
  protocol: fc.constantFrom('udp', 'tcp'),
  type: fc.constantFrom('host', 'srflx', 'relay'),
})

const roomCode: fc.Arbitrary<RoomCode> = fc.record({
  kind: fc.constantFrom('offer', 'answer'),
  spaceTag: bytes(4),
  pairingId: bytes(8),
  createdAt: fc.integer({ min: 0, max: 0xffffffff }),
  description: fc.record(
    {
      fingerprint: bytes(32),
      ufrag: iceText(1, 255),
      pwd: iceText(1, 255),
      setup: fc.constantFrom('actpass', 'active', 'passive'),
      candidates: fc.array(candidate, { maxLength: 15 }),
      mid: fc.oneof(
        fc.constantFrom('sdparta_0', 'data'),
        fc.string({ unit: charOf(SDP_TOKEN), minLength: 2, maxLength: 20 }),
      ),
    },
    { requiredKeys: ['fingerprint', 'ufrag', 'pwd', 'setup', 'candidates'] },
  ),
})

/** Never throws; an error is one of the three the screen has words for. */
function decodesSafely(text: string) {
  const result = decodeRoomCode(text)
  if (!result.ok) expect(ERRORS).toContain(result.error)
  return result
}

describe('room codes, fuzzed', () => {
  it('every code comes back as it was written, in QR alphanumeric characters only', () => {
    fc.assert(
      fc.property(roomCode, (code) => {
        const text = encodeRoomCode(code)
        expect(text).toMatch(/^[0-9A-Z $%*+\-./:]+$/)
        expect(decodeRoomCode(text)).toEqual({ ok: true, value: code })
      }),
    )
  })

  it('the SDP rebuilt from any code reads back to the same description', () => {
    fc.assert(
      fc.property(roomCode, (code) => {
        const { description } = code
        const sdp = expandDescription(description, code.kind).sdp ?? ''
        const tcpOnly = description.candidates.every((c) => c.protocol === 'tcp')
        const result = compactDescription(sdp, { maxCandidates: 15, maxCandidateBytes: 1000 })
        expect(result.ok).toBe(true)
        if (!result.ok) return
        const { candidates, ...rest } = result.value
        const { candidates: sent, ...sentRest } = description
        expect(rest).toEqual(sentRest)
        // the same candidates (the reader may reorder, drop duplicates, and TCP beside UDP)
        const key = (c: CompactCandidate) => `${c.protocol} ${c.ip} ${c.port}`
        const expected = sent
          .filter((c) => tcpOnly || c.protocol === 'udp')
          .filter((c, i, all) => all.findIndex((other) => key(other) === key(c)) === i)
          .map((c) => `${key(c)} ${c.type}`)
        expect(new Set(candidates.map((c) => `${key(c)} ${c.type}`))).toEqual(new Set(expected))
      }),
    )
  })

  it('random text: an error value, never a throw', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        decodesSafely(text)
        decodesSafely(ROOM_CODE_PREFIX + text)
      }),
    )
  })

  it('random base45 after the prefix: damaged, never a throw', () => {
    fc.assert(
      fc.property(fc.string({ unit: charOf(BASE45_ALPHABET), maxLength: 300 }), (body) => {
        const result = decodesSafely(ROOM_CODE_PREFIX + body)
        // a random body passes CRC-16 and every structural check far less than once in 65,536
        expect(result.ok).toBe(false)
      }),
    )
  })

  it('random bytes, well encoded: damaged (the checksum), never a throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (random) => {
        expect(decodesSafely(ROOM_CODE_PREFIX + toBase45(random))).toMatchObject({ ok: false })
      }),
    )
  })

  it('a code cut short anywhere: damaged (or not ours, cut inside the prefix)', () => {
    fc.assert(
      fc.property(roomCode, fc.nat(), (code, cut) => {
        const text = encodeRoomCode(code)
        const short = text.slice(0, cut % text.length)
        const result = decodesSafely(short)
        expect(result.ok).toBe(false)
        if (!result.ok && short.length >= ROOM_CODE_PREFIX.length)
          expect(result.error).toBe('damaged')
      }),
    )
  })

  it('one character changed: damaged, always', () => {
    fc.assert(
      fc.property(roomCode, fc.nat(), charOf(BASE45_ALPHABET), (code, where, replacement) => {
        const text = encodeRoomCode(code)
        const at = ROOM_CODE_PREFIX.length + (where % (text.length - ROOM_CODE_PREFIX.length))
        fc.pre(text[at] !== replacement)
        const changed = text.slice(0, at) + replacement + text.slice(at + 1)
        expect(decodesSafely(changed)).toEqual({ ok: false, error: 'damaged' })
      }),
    )
  })

  it('a byte changed under a valid checksum: an error or a code, never a throw', () => {
    fc.assert(
      fc.property(roomCode, fc.nat(), fc.integer({ min: 0, max: 255 }), (code, where, value) => {
        const packed = packRoomCode(code)
        packed[where % (packed.length - 2)] = value
        decodesSafely(ROOM_CODE_PREFIX + toBase45(withChecksum(packed)))
      }),
    )
  })

  it('another prefix: not a room code', () => {
    fc.assert(
      fc.property(roomCode, fc.string({ minLength: 1, maxLength: 6 }), (code, prefix) => {
        fc.pre(!prefix.trim().toUpperCase().startsWith('WV:') && prefix.trim() !== '')
        const text = prefix + encodeRoomCode(code).slice(ROOM_CODE_PREFIX.length)
        fc.pre(!text.trim().toUpperCase().startsWith(ROOM_CODE_PREFIX))
        expect(decodesSafely(text)).toEqual({ ok: false, error: 'not-a-room-code' })
      }),
    )
  })

  it('any SDP-like text: a description or a message, never a throw', () => {
    const line = fc.oneof(
      fc.string(),
      fc.constantFrom(
        'm=application 9 UDP/DTLS/SCTP webrtc-datachannel',
        'a=setup:actpass',
        'a=ice-ufrag:abcd',
        'a=ice-pwd:abcdefghijklmnopqrstuv',
        `a=fingerprint:sha-256 ${Array(32).fill('AB').join(':')}`,
      ),
      fc
        .tuple(fc.string(), fc.string(), fc.string(), fc.string())
        .map((parts) => `a=candidate:1 1 ${parts.join(' ')} typ host`),
    )
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const result = compactDescription(lines.join('\r\n'))
        if (!result.ok) expect(result.error).toMatch(/\w/)
      }),
    )
  })
})

function canonicalIPv6(words: number[]): string {
  let best = { start: -1, length: 0 }
  for (let i = 0; i < 8; i++) {
    let end = i
    while (end < 8 && words[end] === 0) end++
    if (end - i > best.length) best = { start: i, length: end - i }
  }
  const text = (list: number[]) => list.map((word) => word.toString(16)).join(':')
  if (best.length < 2) return text(words)
  return `${text(words.slice(0, best.start))}::${text(words.slice(best.start + best.length))}`
}

/** The bytes with a correct CRC-16 in their last two, as a code from a buggy writer would be. */
function withChecksum(packed: Uint8Array): Uint8Array {
  const crc = crc16(packed.subarray(0, packed.length - 2))
  packed.set([crc >> 8, crc & 0xff], packed.length - 2)
  return packed
}
