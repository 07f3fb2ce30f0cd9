/**
 * Room codes with real offers and answers captured from this machine's Chromium
 * (scripts/capture-room-code-sdp.mjs): what a code keeps of an SDP, that it comes back whole,
 * that the SDP rebuilt from it says the same as the original, and that it fits a small QR code.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import encodeQR from 'qr'
import { describe, expect, it } from 'vitest'
import { fromBase45, toBase45 } from '../../../src/sync/base45'
import { crc16 } from '../../../src/sync/crc16'
import {
  candidateBytes,
  compactDescription,
  DEFAULT_MAX_CANDIDATE_BYTES,
  DEFAULT_MAX_CANDIDATES,
  decodeRoomCode,
  encodeRoomCode,
  expandDescription,
  packRoomCode,
  ROOM_CODE_PREFIX,
  type CompactDescription,
  type RoomCode,
} from '../../../src/sync/room-code'

interface Fixture {
  readonly name: string
  readonly offer: string
  readonly answer: string
}

const FIXTURES_DIR = join(import.meta.dirname, 'fixtures')
const fixtures: Fixture[] = readdirSync(FIXTURES_DIR)
  .filter((file) => file.startsWith('sdp-') && file.endsWith('.json'))
  .map((file) => JSON.parse(readFileSync(join(FIXTURES_DIR, file), 'utf8')) as Fixture)
const sides = fixtures.flatMap((fixture) =>
  (['offer', 'answer'] as const).map((kind) => ({ name: fixture.name, kind, sdp: fixture[kind] })),
)

const lines = (sdp: string) => sdp.split('\r\n').filter((line) => line !== '')
const attribute = (sdp: string, name: string) =>
  lines(sdp).filter((line) => line.startsWith(`a=${name}:`))
/** `<transport> <address> <port> typ <type>` of each candidate line. */
const candidateEssentials = (sdp: string) =>
  attribute(sdp, 'candidate').map((line) => {
    const [, , transport = '', , address, port, , type] = line.split(' ')
    return `${transport.toLowerCase()} ${address} ${port} typ ${type}`
  })

function compact(sdp: string): CompactDescription {
  const result = compactDescription(sdp)
  if (!result.ok) throw new Error(result.error)
  return result.value
}

function codeFor(kind: 'offer' | 'answer', sdp: string): RoomCode {
  return {
    kind,
    spaceTag: Uint8Array.from([1, 2, 3, 4]),
    pairingId: crypto.getRandomValues(new Uint8Array(8)),
    createdAt: 1_796_000_000,
    description: compact(sdp),
  }
}

function qrVersion(text: string): number {
  const size = encodeQR(text, 'raw', { ecc: 'medium', border: 1 }).length
  return (size - 2 - 17) / 4
}

describe('room codes from real Chromium offers and answers', () => {
  it('has the fixtures the tests promise: mDNS names, IPv6 only, several interfaces', () => {
    const all = fixtures.map((fixture) => fixture.offer).join('')
    expect(all).toMatch(/ [0-9a-f-]{36}\.local \d+ typ host/)
    const ipv6Only = fixtures.find((fixture) => fixture.name === 'ipv6-only')
    expect(candidateEssentials(ipv6Only?.offer ?? '').every((c) => c.includes('::'))).toBe(true)
    expect(Math.max(...fixtures.map((f) => candidateEssentials(f.offer).length))).toBeGreaterThan(3)
  })

  it.each(sides)('$name $kind: the code comes back as it was sent', ({ kind, sdp }) => {
    const code = codeFor(kind, sdp)
    const text = encodeRoomCode(code)
    expect(text.startsWith(ROOM_CODE_PREFIX)).toBe(true)
    expect(text).toMatch(/^[0-9A-Z $%*+\-./:]+$/) // QR alphanumeric mode only
    expect(decodeRoomCode(text)).toEqual({ ok: true, value: code })
  })

  it.each(sides)('$name $kind: keeps the essentials of the SDP', ({ kind, sdp }) => {
    const description = compact(sdp)
    expect(description.setup).toBe(kind === 'offer' ? 'actpass' : 'active')
    expect(attribute(sdp, 'ice-ufrag')).toEqual([`a=ice-ufrag:${description.ufrag}`])
    expect(attribute(sdp, 'ice-pwd')).toEqual([`a=ice-pwd:${description.pwd}`])
    const original = candidateEssentials(sdp)
    expect(description.candidates.length).toBeGreaterThanOrEqual(Math.min(2, original.length))
    expect(description.candidates.length).toBeLessThanOrEqual(DEFAULT_MAX_CANDIDATES)
    const bytes = description.candidates.reduce((sum, c) => sum + candidateBytes(c), 0)
    expect(bytes).toBeLessThanOrEqual(DEFAULT_MAX_CANDIDATE_BYTES)
    for (const c of description.candidates)
      expect(original).toContain(`${c.protocol} ${c.ip} ${c.port} typ ${c.type}`)
  })

  it.each(sides)('$name $kind: the rebuilt SDP says what the original said', ({ kind, sdp }) => {
    const expanded = expandDescription(compact(sdp), kind)
    expect(expanded.type).toBe(kind)
    const rebuilt = expanded.sdp ?? ''
    for (const name of ['fingerprint', 'ice-ufrag', 'ice-pwd', 'setup', 'mid', 'sctp-port'])
      expect(attribute(rebuilt, name), name).toEqual(attribute(sdp, name))
    expect(attribute(rebuilt, 'max-message-size')).toEqual(attribute(sdp, 'max-message-size'))
    expect(lines(rebuilt).find((l) => l.startsWith('m='))).toMatch(
      / UDP\/DTLS\/SCTP webrtc-datachannel$/,
    )
    const original = candidateEssentials(sdp)
    const carried = candidateEssentials(rebuilt)
    expect(carried.length).toBeGreaterThan(0)
    for (const candidate of carried) expect(original).toContain(candidate)
    expect(lines(rebuilt)).toContain('a=end-of-candidates')
    expect(compactDescription(rebuilt)).toEqual({ ok: true, value: compact(sdp) })
  })

  it.each(sides)('$name $kind: fits a QR code of version 7 or less', ({ kind, sdp }) => {
    const code = codeFor(kind, sdp)
    expect(qrVersion(encodeRoomCode(code))).toBeLessThanOrEqual(7)
  })

  it('picks UDP host candidates first, IPv4 before IPv6, and caps their number', () => {
    const many = fixtures.find((fixture) => fixture.name === 'many-interfaces')?.offer ?? ''
    const picked = compact(many).candidates
    expect(picked).toHaveLength(3)
    expect(picked.every((c) => c.protocol === 'udp' && c.type === 'host')).toBe(true)
    const families = picked.map((c) => (c.ip.includes(':') ? 6 : 4))
    expect(families).toEqual([...families].sort())
    const ipv4 = new Set(candidateEssentials(many).filter((c) => /^udp \d+\./.test(c)))
    expect(families.filter((f) => f === 4)).toHaveLength(Math.min(3, ipv4.size))
    expect(compactDescription(many, { maxCandidates: 1 })).toMatchObject({
      ok: true,
      value: { candidates: [picked[0]] },
    })
  })
})

describe('SDP the codec cannot carry', () => {
  const offer = fixtures[0]?.offer ?? ''
  it.each([
    ['no data channel', offer.replace('webrtc-datachannel', 'foo'), 'no data channel'],
    ['no fingerprint', offer.replace(/a=fingerprint:.*\r\n/, ''), 'fingerprint'],
    ['a sha-1 fingerprint', offer.replace('sha-256', 'sha-1'), 'fingerprint'],
    ['no ice-pwd', offer.replace(/a=ice-pwd:.*\r\n/, ''), 'ice-pwd'],
    ['a ufrag ICE forbids', offer.replace(/a=ice-ufrag:.*/, 'a=ice-ufrag:ab-cd'), 'ice-ufrag'],
    ['an odd DTLS role', offer.replace('a=setup:actpass', 'a=setup:holdconn'), 'DTLS role'],
    ['not SDP at all', 'hello', 'no data channel'],
  ])('%s: a message, not a throw', (_, sdp, message) => {
    const result = compactDescription(sdp)
    expect(result.ok).toBe(false)
    expect(result.ok ? '' : result.error).toContain(message)
  })

  it('leaves out candidates it cannot pack and keeps the rest', () => {
    const odd = offer.replace(
      /(a=candidate:)/,
      'a=candidate:9 1 udp 1 printer.example 5 typ host\r\na=candidate:8 1 udp 1 fe80::1%eth0 6 typ host\r\n$1',
    )
    expect(compact(odd)).toEqual(compact(offer))
  })
})

describe('base45 (RFC 9285)', () => {
  const bytes = (text: string) => new TextEncoder().encode(text)
  it.each([
    ['AB', 'BB8'],
    ['Hello!!', '%69 VD92EX0'],
    ['base-45', 'UJCLQE7W581'],
    ['ietf!', 'QED8WEX0'],
  ])('%s ⇄ %s', (plain, encoded) => {
    expect(toBase45(bytes(plain))).toBe(encoded)
    expect(fromBase45(encoded)).toEqual(bytes(plain))
  })
  it('refuses what is not base45', () => {
    for (const text of ['GGW', 'A', 'ab', 'A#B', ':::']) expect(fromBase45(text)).toBeUndefined()
  })
})

describe('CRC-16/CCITT-FALSE', () => {
  it('gives the standard check value', () => {
    expect(crc16(new TextEncoder().encode('123456789'))).toBe(0x29b1)
  })
})

describe('reading codes that are not usable', () => {
  const code = codeFor('offer', fixtures[0]?.offer ?? '')
  const text = encodeRoomCode(code)

  it('says when a code is not ours', () => {
    for (const other of ['', 'https://weave.example/join#space=x', 'HC1:6BFOXN', 'WV'])
      expect(decodeRoomCode(other)).toEqual({ ok: false, error: 'not-a-room-code' })
  })

  it('says when a code comes from a newer Weave', () => {
    const bytes = packRoomCode(code)
    bytes[0] = (2 << 4) | ((bytes[0] ?? 0) & 15)
    const body = bytes.subarray(0, bytes.length - 2)
    const crc = crc16(body)
    bytes.set([crc >> 8, crc & 0xff], body.length)
    expect(decodeRoomCode(ROOM_CODE_PREFIX + toBase45(bytes))).toEqual({
      ok: false,
      error: 'newer-version',
    })
  })

  it('says a code is damaged when one character changed or it was cut short', () => {
    const flipped = text.slice(0, -5) + (text.at(-5) === 'A' ? 'B' : 'A') + text.slice(-4)
    expect(decodeRoomCode(flipped)).toEqual({ ok: false, error: 'damaged' })
    expect(decodeRoomCode(text.slice(0, -3))).toEqual({ ok: false, error: 'damaged' })
  })

  it('reads a code with blanks around it, or that came back in lowercase', () => {
    expect(decodeRoomCode(` ${text.toLowerCase()}\n`)).toEqual({ ok: true, value: code })
  })

  it('refuses to write a code no caller should make', () => {
    expect(() => encodeRoomCode({ ...code, spaceTag: new Uint8Array(3) })).toThrow(RangeError)
    expect(() => encodeRoomCode({ ...code, createdAt: -1 })).toThrow(RangeError)
  })
})
