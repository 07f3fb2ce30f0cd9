/**
 * Room codes with real offers and answers captured from this machine's Chromium
 * (scripts/capture-room-code-sdp.mjs): what a code keeps of an SDP, that it comes back whole,
 * that the SDP rebuilt from it says the same as the original, and that it fits a small QR code.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import encodeQR from 'qr'
import decodeQR from 'qr/decode.js'
import { describe, expect, it } from 'vitest'
import { BASE45_ALPHABET, fromBase45, toBase45 } from '../../../src/sync/base45'
import { crc16 } from '../../../src/sync/crc16'
import { packAddress, unpackAddress } from '../../../src/sync/room-code-address'
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

  it.each(sides)(
    '$name $kind: survives drawing as a QR code and reading it back',
    ({ kind, sdp }) => {
      const code = codeFor(kind, sdp)
      const text = encodeRoomCode(code)
      // as the app draws it (src/ui/qr-code.tsx), 4 pixels a module, read by the scanner's decoder
      const modules = encodeQR(text, 'raw', { ecc: 'medium', border: 4 })
      const scale = 4
      const size = modules.length * scale
      const data = new Uint8ClampedArray(size * size * 4).fill(255)
      modules.forEach((row, y) =>
        row.forEach((dark, x) => {
          if (!dark) return
          for (let dy = 0; dy < scale; dy++)
            for (let dx = 0; dx < scale; dx++) {
              const at = ((y * scale + dy) * size + x * scale + dx) * 4
              data.fill(0, at, at + 3)
            }
        }),
      )
      const read = decodeQR({ width: size, height: size, data })
      expect(read).toBe(text)
      expect(decodeRoomCode(read)).toEqual({ ok: true, value: code })
    },
  )

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

/**
 * Written by hand after Firefox's layout (it cannot run here): the fingerprint at session
 * level, transports in capitals, a server-reflexive candidate, an old-style media id.
 * Addresses are from the documentation ranges.
 */
const FIREFOX_STYLE_OFFER = [
  'v=0',
  'o=mozilla...THIS_IS_SDPARTA-128.0 4617447164155326400 0 IN IP4 0.0.0.0',
  's=-',
  't=0 0',
  `a=fingerprint:sha-256 ${Array.from({ length: 32 }, (_, i) => (i * 7).toString(16).padStart(2, '0').toUpperCase()).join(':')}`,
  'a=group:BUNDLE sdparta_0',
  'a=ice-options:trickle',
  'a=msid-semantic:WMS *',
  'm=application 54321 UDP/DTLS/SCTP webrtc-datachannel',
  'c=IN IP4 192.0.2.20',
  'a=candidate:0 1 UDP 2122252543 192.0.2.20 54321 typ host',
  'a=candidate:2 1 TCP 2105524479 192.0.2.20 9 typ host tcptype active',
  'a=candidate:1 1 UDP 1686052863 203.0.113.7 54321 typ srflx raddr 192.0.2.20 rport 54321',
  'a=sendrecv',
  'a=end-of-candidates',
  'a=ice-pwd:0d1f6c3e5b2a4978a1c2d3e4f5061728',
  'a=ice-ufrag:8c9d0e1f',
  'a=mid:sdparta_0',
  'a=setup:actpass',
  'a=sctp-port:5000',
  'a=max-message-size:1073741823',
  '',
].join('\r\n')

describe('SDP in other layouts', () => {
  it("reads Firefox's layout and keeps its media id through the code", () => {
    const description = compact(FIREFOX_STYLE_OFFER)
    expect(description.ufrag).toBe('8c9d0e1f')
    expect(description.mid).toBe('sdparta_0')
    expect(description.candidates).toEqual([
      { ip: '192.0.2.20', port: 54321, protocol: 'udp', type: 'host' },
      { ip: '203.0.113.7', port: 54321, protocol: 'udp', type: 'srflx' },
    ])
    const code = { ...codeFor('offer', FIREFOX_STYLE_OFFER), description }
    expect(decodeRoomCode(encodeRoomCode(code))).toEqual({ ok: true, value: code })
    const rebuilt = expandDescription(description, 'offer').sdp ?? ''
    expect(attribute(rebuilt, 'mid')).toEqual(['a=mid:sdparta_0'])
    expect(lines(rebuilt)).toContain('a=group:BUNDLE sdparta_0')
    expect(attribute(rebuilt, 'fingerprint')).toEqual(attribute(FIREFOX_STYLE_OFFER, 'fingerprint'))
    expect(compactDescription(rebuilt)).toEqual({ ok: true, value: description })
  })

  it('puts loopback and link-local addresses after those other phones can reach', () => {
    const offer = fixtures.find((fixture) => fixture.name === 'host-addresses')?.offer ?? ''
    const withLocal = offer.replace(
      /(a=candidate:)/,
      'a=candidate:7 1 udp 2122262783 ::1 40000 typ host\r\n' +
        'a=candidate:6 1 udp 2122262783 127.0.0.1 40001 typ host\r\n' +
        'a=candidate:5 1 udp 2122262783 fe80::1 40002 typ host\r\n$1',
    )
    expect(compact(withLocal).candidates.slice(0, 2)).toEqual(compact(offer).candidates)
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

describe('candidate addresses', () => {
  const roundTrip = (text: string) => {
    const packed = packAddress(text)
    return packed && unpackAddress(packed)
  }
  it.each([
    ['192.0.2.2', '192.0.2.2'],
    ['fd00::2', 'fd00::2'],
    ['::1', '::1'],
    ['::', '::'],
    ['2001:DB8:0:0:1:0:0:1', '2001:db8::1:0:0:1'], // RFC 5952: the first of equal runs
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'], // one zero word stays
    ['::ffff:192.0.2.1', '::ffff:c000:201'],
    ['C67038E1-3DB2-418E-B7BC-EB893F4197D9.local', 'c67038e1-3db2-418e-b7bc-eb893f4197d9.local'],
  ])('%s is carried as %s', (text, carried) => {
    expect(roundTrip(text)).toBe(carried)
  })
  it.each([
    '256.0.0.1',
    '1.2.3',
    '1::2::3',
    '1:2:3:4:5:6:7:8:9',
    '1::2:3:4:5:6:7:8',
    'fe80::1%eth0',
    'host.local',
    'example.org',
  ])('%s cannot be carried', (text) => {
    expect(packAddress(text)).toBeUndefined()
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

  it('catches every single wrong character of a real code, at every place', () => {
    let tried = 0
    for (let at = ROOM_CODE_PREFIX.length; at < text.length; at++)
      for (const replacement of BASE45_ALPHABET.split('')) {
        if (replacement === text[at]) continue
        const changed = text.slice(0, at) + replacement + text.slice(at + 1)
        expect(decodeRoomCode(changed)).toEqual({ ok: false, error: 'damaged' })
        tried++
      }
    expect(tried).toBe((text.length - ROOM_CODE_PREFIX.length) * 44)
  })

  it('reads a code with blanks around it, or that came back in lowercase', () => {
    expect(decodeRoomCode(` ${text.toLowerCase()}\n`)).toEqual({ ok: true, value: code })
  })

  it('refuses to write a code no caller should make', () => {
    expect(() => encodeRoomCode({ ...code, spaceTag: new Uint8Array(3) })).toThrow(RangeError)
    expect(() => encodeRoomCode({ ...code, createdAt: -1 })).toThrow(RangeError)
    const setup = 'holdconn' as CompactDescription['setup'] // as plain JavaScript could pass
    expect(() => encodeRoomCode({ ...code, description: { ...code.description, setup } })).toThrow(
      RangeError,
    )
  })
})
