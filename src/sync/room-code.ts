/**
 * TEMPORARY stand-in for the compact offer/answer codec (the real one lands from the roomcode
 * branch with the same API and replaces this file whole). It parses and rebuilds SDP the way
 * the real codec must, but encodes the code as hex of JSON: far too long for a small QR code,
 * fine for building the pairing engine and the screen against the agreed API.
 */

export interface CompactCandidate {
  readonly ip: string
  readonly port: number
  readonly protocol: 'udp' | 'tcp'
  readonly type: 'host' | 'srflx' | 'relay'
}

export interface CompactDescription {
  /** sha-256, 32 bytes */
  readonly fingerprint: Uint8Array
  readonly ufrag: string
  readonly pwd: string
  readonly setup: 'actpass' | 'active' | 'passive'
  readonly candidates: readonly CompactCandidate[]
}

export interface RoomCode {
  readonly kind: 'offer' | 'answer'
  readonly spaceTag: Uint8Array
  readonly pairingId: Uint8Array
  readonly createdAt: number
  readonly description: CompactDescription
}

export type RoomCodeError = 'not-a-room-code' | 'newer-version' | 'damaged'

const PREFIX = 'WR0:'

const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase()

function unhex(text: string): Uint8Array | undefined {
  if (!/^(?:[0-9A-F]{2})*$/.test(text)) return undefined
  const bytes = new Uint8Array(text.length / 2)
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(text.slice(i * 2, i * 2 + 2), 16)
  return bytes
}

export function compactDescription(
  sdp: string,
): { ok: true; value: CompactDescription } | { ok: false; error: string } {
  const line = (name: string) =>
    sdp
      .split(/\r?\n/)
      .find((l) => l.startsWith(`a=${name}:`))
      ?.slice(name.length + 3)
      .trim()
  const fingerprintLine = line('fingerprint')
  const ufrag = line('ice-ufrag')
  const pwd = line('ice-pwd')
  const setup = line('setup')
  if (!fingerprintLine?.startsWith('sha-256 '))
    return { ok: false, error: 'no sha-256 fingerprint' }
  const fingerprint = unhex(fingerprintLine.slice(8).replaceAll(':', '').toUpperCase())
  if (!fingerprint || fingerprint.length !== 32) return { ok: false, error: 'bad fingerprint' }
  if (!ufrag || !pwd) return { ok: false, error: 'no ICE credentials' }
  if (setup !== 'actpass' && setup !== 'active' && setup !== 'passive')
    return { ok: false, error: 'no DTLS setup role' }
  const candidates: CompactCandidate[] = []
  for (const l of sdp.split(/\r?\n/)) {
    const m = /^a=candidate:\S+ 1 (udp|tcp) \d+ (\S+) (\d+) typ (host|srflx|relay)/i.exec(l)
    if (!m) continue
    const [, proto = '', ip = '', port = '', type = ''] = m
    const protocol = proto.toLowerCase() as 'udp' | 'tcp'
    if (protocol === 'tcp' && port === '9') continue // active TCP: nothing to connect to
    candidates.push({ protocol, ip, port: Number(port), type: type as 'host' })
  }
  return { ok: true, value: { fingerprint, ufrag, pwd, setup, candidates } }
}

const TYPE_PREFERENCE = { host: 126, srflx: 100, relay: 0 } as const

export function expandDescription(
  description: CompactDescription,
  type: 'offer' | 'answer',
): RTCSessionDescriptionInit {
  const fingerprint = (hex(description.fingerprint).match(/../g) ?? []).join(':')
  const candidates = description.candidates.map((c, i) => {
    const priority = (TYPE_PREFERENCE[c.type] << 24) + ((65535 - i) << 8) + 255
    const tcp = c.protocol === 'tcp' ? ' tcptype passive' : ''
    return `a=candidate:${i + 1} 1 ${c.protocol} ${priority} ${c.ip} ${c.port} typ ${c.type}${tcp}`
  })
  const lines = [
    'v=0',
    'o=- 1 2 IN IP4 127.0.0.1',
    's=-',
    't=0 0',
    'a=group:BUNDLE 0',
    'm=application 9 UDP/DTLS/SCTP webrtc-datachannel',
    'c=IN IP4 0.0.0.0',
    ...candidates,
    'a=end-of-candidates',
    `a=ice-ufrag:${description.ufrag}`,
    `a=ice-pwd:${description.pwd}`,
    `a=fingerprint:sha-256 ${fingerprint}`,
    `a=setup:${description.setup}`,
    'a=mid:0',
    'a=sctp-port:5000',
    'a=max-message-size:262144',
  ]
  return { type, sdp: `${lines.join('\r\n')}\r\n` }
}

export function encodeRoomCode(code: RoomCode): string {
  const json = JSON.stringify({
    k: code.kind,
    t: hex(code.spaceTag),
    p: hex(code.pairingId),
    c: code.createdAt,
    d: { ...code.description, fingerprint: hex(code.description.fingerprint) },
  })
  return PREFIX + hex(new TextEncoder().encode(json))
}

export function decodeRoomCode(
  text: string,
): { ok: true; value: RoomCode } | { ok: false; error: RoomCodeError } {
  if (!text.startsWith('WR')) return { ok: false, error: 'not-a-room-code' }
  if (!text.startsWith(PREFIX)) return { ok: false, error: 'newer-version' }
  const bytes = unhex(text.slice(PREFIX.length))
  if (!bytes) return { ok: false, error: 'damaged' }
  try {
    const raw = JSON.parse(new TextDecoder().decode(bytes)) as {
      k: 'offer' | 'answer'
      t: string
      p: string
      c: number
      d: Omit<CompactDescription, 'fingerprint'> & { fingerprint: string }
    }
    const spaceTag = unhex(raw.t)
    const pairingId = unhex(raw.p)
    const fingerprint = unhex(raw.d.fingerprint)
    if (!spaceTag || !pairingId || !fingerprint || !['offer', 'answer'].includes(raw.k))
      return { ok: false, error: 'damaged' }
    return {
      ok: true,
      value: {
        kind: raw.k,
        spaceTag,
        pairingId,
        createdAt: raw.c,
        description: { ...raw.d, fingerprint },
      },
    }
  } catch {
    return { ok: false, error: 'damaged' } // not JSON: a damaged code
  }
}
