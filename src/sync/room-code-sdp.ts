/**
 * From a browser's SDP to the few facts a room code carries, and back to an SDP a browser
 * accepts. Pairing by QR code negotiates exactly one data channel (negotiated, id 0) with no
 * trickle, so everything else in an offer (session ids, extmap, msid, foundations, priorities,
 * network ids) is either fixed by that choice or rebuilt here; only the DTLS fingerprint, the
 * ICE credentials, the DTLS role and a few candidates must travel.
 */
import { ADDRESS_LENGTH, packAddress, reachesOnlyThisLink } from './room-code-address'
import type { CompactCandidate, CompactDescription } from './room-code'

/** The most candidates one code holds: more would not fit a QR code a phone reads well. */
export const MAX_CANDIDATES_IN_CODE = 15
/** Candidates a code carries unless the caller asks otherwise. */
export const DEFAULT_MAX_CANDIDATES = 3
/**
 * Bytes of candidates a code carries unless the caller asks otherwise: an IPv4 candidate costs
 * 7, an IPv6 or mDNS one 19. 40 keeps three IPv4, two IPv4 and one IPv6, or two of 16 bytes,
 * so a code of Chromium's stays within a version 7 QR code at medium error correction.
 */
export const DEFAULT_MAX_CANDIDATE_BYTES = 40
/** What Chromium declares; the sync path cuts messages far below it anyway. */
const MAX_MESSAGE_SIZE = 262144
/** The port TCP candidates of `tcptype active` carry: they connect out, never listen. */
const DISCARD_PORT = 9
const ICE_CHARS = /^[A-Za-z0-9+/]+$/
/** SDP's token characters (RFC 4566), 1 to 255 of them. */
export const MID = /^[A-Za-z0-9!#$%&'*+\-.^_`{|}~]{1,255}$/

export interface CompactOptions {
  /** At most this many candidates, best first (default 3, never more than 15). */
  readonly maxCandidates?: number
  /** At most this many bytes of candidates in the code (default 40). */
  readonly maxCandidateBytes?: number
}

/**
 * The essentials of an offer or answer with one data channel, or why they cannot be carried.
 * Host candidates come first (IPv4, then mDNS names, then IPv6), then server-reflexive and
 * relayed ones, TCP only when there is no UDP; candidates whose address cannot be packed are
 * left out, and
 * the list stops at the options' count and bytes.
 */
export function compactDescription(
  sdp: string,
  options: CompactOptions = {},
): { ok: true; value: CompactDescription } | { ok: false; error: string } {
  const lines = sdp.split(/\r?\n/).filter((line) => line !== '')
  const mediaStarts = lines.flatMap((line, i) => (line.startsWith('m=') ? [i] : []))
  const start = mediaStarts.find((i) => lines[i]?.includes('webrtc-datachannel'))
  if (start === undefined) return { ok: false, error: 'no data channel section (m=application)' }
  const end = mediaStarts.find((i) => i > start) ?? lines.length
  // a value may sit at session level (Firefox's fingerprint) and be overridden by the section
  const scope = [...lines.slice(0, mediaStarts[0] ?? lines.length), ...lines.slice(start, end)]
  const last = (name: string) =>
    scope
      .findLast((line) => line.startsWith(`a=${name}:`))
      ?.slice(name.length + 3)
      .trim()

  const fingerprint = parseFingerprint(scope)
  if (!fingerprint) return { ok: false, error: 'no sha-256 fingerprint' }
  const ufrag = last('ice-ufrag')
  const pwd = last('ice-pwd')
  if (!ufrag || !ICE_CHARS.test(ufrag) || ufrag.length > 255)
    return { ok: false, error: 'no usable ice-ufrag' }
  if (!pwd || !ICE_CHARS.test(pwd) || pwd.length > 255)
    return { ok: false, error: 'no usable ice-pwd' }
  const mid = last('mid') ?? '0'
  if (!MID.test(mid)) return { ok: false, error: 'unusable media id (a=mid)' }
  const setup = last('setup')
  if (setup !== 'actpass' && setup !== 'active' && setup !== 'passive')
    return { ok: false, error: `unusable DTLS role (a=setup:${setup ?? ''})` }

  const candidates = scope
    .filter((line) => line.startsWith('a=candidate:'))
    .map(parseCandidate)
    .filter((candidate) => candidate !== undefined)
  const unique = candidates.filter(
    (candidate, i) =>
      candidates.findIndex(
        (other) =>
          other.ip === candidate.ip &&
          other.port === candidate.port &&
          other.protocol === candidate.protocol,
      ) === i,
  )
  // TCP only where there is no UDP at all: a room's phones share a network, and Chromium's
  // TCP candidates are active ones that reach only a listening (passive) candidate
  const usable = unique.some((c) => c.protocol === 'udp')
    ? unique.filter((c) => c.protocol === 'udp')
    : unique
  const ranked = usable
    .map((candidate, order) => ({ candidate, order, rank: rankOf(candidate) }))
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .map(({ candidate }) => candidate)
  const maxCount = Math.min(
    MAX_CANDIDATES_IN_CODE,
    Math.max(0, Math.floor(options.maxCandidates ?? DEFAULT_MAX_CANDIDATES)),
  )
  const maxBytes = options.maxCandidateBytes ?? DEFAULT_MAX_CANDIDATE_BYTES
  const picked: CompactCandidate[] = []
  let bytes = 0
  for (const candidate of ranked) {
    const size = candidateBytes(candidate)
    if (picked.length >= maxCount) break
    if (bytes + size > maxBytes) continue // a smaller one further down may still fit
    picked.push(candidate)
    bytes += size
  }
  const value: CompactDescription = { fingerprint, ufrag, pwd, setup, candidates: picked }
  return { ok: true, value: mid === '0' ? value : { ...value, mid } }
}

/** What one candidate costs in a code: a head byte, its address and its port. */
export function candidateBytes(candidate: CompactCandidate): number {
  const address = packAddress(candidate.ip)
  return 1 + (address ? ADDRESS_LENGTH[address.kind] : 16) + 2
}

/**
 * A complete SDP for the described side, as `setRemoteDescription` takes it: one
 * `webrtc-datachannel` section (mid 0 unless the code says, SCTP port 5000) with every candidate and
 * `a=end-of-candidates`, since nothing will trickle after a code.
 */
export function expandDescription(
  description: CompactDescription,
  type: 'offer' | 'answer',
): RTCSessionDescriptionInit {
  const sessionId = description.fingerprint.subarray(0, 6).reduce((id, byte) => id * 256 + byte, 1)
  const mid = description.mid ?? '0'
  const candidateLines = description.candidates.map((candidate, i) => candidateLine(candidate, i))
  const lines = [
    'v=0',
    `o=- ${sessionId} 2 IN IP4 127.0.0.1`,
    's=-',
    't=0 0',
    `a=group:BUNDLE ${mid}`,
    'm=application 9 UDP/DTLS/SCTP webrtc-datachannel',
    'c=IN IP4 0.0.0.0',
    ...candidateLines,
    'a=end-of-candidates',
    `a=ice-ufrag:${description.ufrag}`,
    `a=ice-pwd:${description.pwd}`,
    `a=fingerprint:sha-256 ${formatFingerprint(description.fingerprint)}`,
    `a=setup:${description.setup}`,
    `a=mid:${mid}`,
    'a=sctp-port:5000',
    `a=max-message-size:${MAX_MESSAGE_SIZE}`,
  ]
  return { type, sdp: `${lines.join('\r\n')}\r\n` }
}

function parseFingerprint(scope: readonly string[]): Uint8Array | undefined {
  for (const line of scope) {
    const match = /^a=fingerprint:sha-256 ((?:[0-9a-f]{2}:){31}[0-9a-f]{2})\s*$/i.exec(line)
    if (match?.[1]) return Uint8Array.from(match[1].split(':'), (hex) => parseInt(hex, 16))
  }
  return undefined
}

export function formatFingerprint(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).toUpperCase().padStart(2, '0')).join(':')
}

/** `a=candidate:<foundation> <component> <transport> <priority> <address> <port> typ <type> …` */
function parseCandidate(line: string): CompactCandidate | undefined {
  const [, component, transport, , ip, port, typ, type, ...rest] = line
    .slice('a=candidate:'.length)
    .trim()
    .split(/\s+/)
  const protocol = transport?.toLowerCase()
  if (component !== '1' || typ !== 'typ' || ip === undefined) return undefined
  if (protocol !== 'udp' && protocol !== 'tcp') return undefined
  if (type !== 'host' && type !== 'srflx' && type !== 'relay') return undefined
  const portNumber = Number(port)
  if (!/^\d{1,5}$/.test(port ?? '') || portNumber > 0xffff) return undefined
  if (!packAddress(ip)) return undefined
  // a listening TCP candidate needs its tcptype; only active ones (port 9) are rebuilt as such
  const tcpType = rest.includes('tcptype') ? rest[rest.indexOf('tcptype') + 1] : undefined
  if (protocol === 'tcp' && (tcpType === 'passive') === (portNumber === DISCARD_PORT))
    return undefined
  return { ip, port: portNumber, protocol, type }
}

/**
 * Lower is better: UDP before TCP, addresses other phones can reach before loopback and
 * link-local ones, host before srflx before relay, then IPv4, mDNS names, IPv6.
 */
function rankOf(candidate: CompactCandidate): number {
  const address = packAddress(candidate.ip)
  const type = { host: 0, srflx: 1, relay: 2 }[candidate.type]
  const family = { ipv4: 0, mdns: 1, ipv6: 2 }[address?.kind ?? 'ipv6']
  const local = !address || reachesOnlyThisLink(address)
  return (candidate.protocol === 'udp' ? 0 : 1000) + (local ? 100 : 0) + type * 3 + family
}

/** RFC 8445's priority from type and order, so the rebuilt list keeps the code's preference. */
function candidateLine(candidate: CompactCandidate, index: number): string {
  const typePreference = { host: 126, srflx: 100, relay: 0 }[candidate.type]
  const localPreference = (candidate.protocol === 'udp' ? 65535 : 32767) - index
  const priority = typePreference * 2 ** 24 + localPreference * 2 ** 8 + 255
  const fields = [
    `a=candidate:${index + 1} 1 ${candidate.protocol} ${priority}`,
    `${candidate.ip} ${candidate.port} typ ${candidate.type}`,
  ]
  if (candidate.type !== 'host') fields.push('raddr 0.0.0.0 rport 0')
  if (candidate.protocol === 'tcp')
    fields.push(`tcptype ${candidate.port === DISCARD_PORT ? 'active' : 'passive'}`)
  return fields.join(' ')
}
