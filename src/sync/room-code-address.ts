/**
 * Candidate addresses as the bytes a room code carries: IPv4 in 4 bytes, IPv6 in 16, and the
 * mDNS names Chromium puts in place of a host address (`<uuid>.local`) as their UUID's 16
 * bytes. Anything else (a name that is not a UUID, an IPv6 zone) is not packable.
 */

export type AddressKind = 'ipv4' | 'ipv6' | 'mdns'

export interface PackedAddress {
  readonly kind: AddressKind
  readonly bytes: Uint8Array
}

export const ADDRESS_LENGTH: Readonly<Record<AddressKind, number>> = {
  ipv4: 4,
  ipv6: 16,
  mdns: 16,
}

export function packAddress(text: string): PackedAddress | undefined {
  const ipv4 = parseIPv4(text)
  if (ipv4) return { kind: 'ipv4', bytes: ipv4 }
  const ipv6 = parseIPv6(text)
  if (ipv6) return { kind: 'ipv6', bytes: ipv6 }
  const mdns = parseMdnsName(text)
  if (mdns) return { kind: 'mdns', bytes: mdns }
  return undefined
}

export function unpackAddress({ kind, bytes }: PackedAddress): string {
  if (kind === 'ipv4') return [...bytes].join('.')
  if (kind === 'ipv6') return formatIPv6(bytes)
  return `${formatUuid(bytes)}.local`
}

/** Loopback and link-local addresses: no other phone reaches them (only a test on one machine). */
export function reachesOnlyThisLink({ kind, bytes }: PackedAddress): boolean {
  const [a = 0, b = 0] = bytes
  if (kind === 'ipv4') return a === 127 || (a === 169 && b === 254)
  if (kind === 'ipv6')
    return (a === 0xfe && (b & 0xc0) === 0x80) || bytes.every((x, i) => x === (i === 15 ? 1 : 0))
  return false
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/

function parseIPv4(text: string): Uint8Array | undefined {
  const match = IPV4.exec(text)
  if (!match) return undefined
  const octets = match.slice(1).map(Number)
  return octets.every((octet) => octet <= 255) ? Uint8Array.from(octets) : undefined
}

function parseIPv6(text: string): Uint8Array | undefined {
  if (!text.includes(':') || text.split('::').length > 2) return undefined
  const [head = '', tail] = text.split('::')
  const groups = (part: string): number[] | undefined => {
    if (part === '') return []
    const words: number[] = []
    const pieces = part.split(':')
    for (const [i, piece] of pieces.entries()) {
      const ipv4 = i === pieces.length - 1 ? parseIPv4(piece) : undefined
      if (ipv4)
        words.push(((ipv4[0] ?? 0) << 8) | (ipv4[1] ?? 0), ((ipv4[2] ?? 0) << 8) | (ipv4[3] ?? 0))
      else if (/^[0-9a-fA-F]{1,4}$/.test(piece)) words.push(parseInt(piece, 16))
      else return undefined
    }
    return words
  }
  const before = groups(head)
  const after = tail === undefined ? [] : groups(tail)
  if (!before || !after) return undefined
  const missing = 8 - before.length - after.length
  if (tail === undefined ? missing !== 0 : missing < 1) return undefined
  const words = [...before, ...new Array<number>(missing).fill(0), ...after]
  const bytes = new Uint8Array(16)
  words.forEach((word, i) => {
    bytes[i * 2] = word >> 8
    bytes[i * 2 + 1] = word & 0xff
  })
  return bytes
}

/** RFC 5952's canonical text: lowercase, the longest run of two or more zero words as `::`. */
function formatIPv6(bytes: Uint8Array): string {
  const words = Array.from(
    { length: 8 },
    (_, i) => ((bytes[i * 2] ?? 0) << 8) | (bytes[i * 2 + 1] ?? 0),
  )
  let best = { start: -1, length: 0 }
  for (let i = 0; i < 8;) {
    let end = i
    while (end < 8 && words[end] === 0) end++
    if (end - i > best.length) best = { start: i, length: end - i }
    i = end === i ? i + 1 : end
  }
  const hex = (list: number[]) => list.map((word) => word.toString(16)).join(':')
  if (best.length < 2) return hex(words)
  return `${hex(words.slice(0, best.start))}::${hex(words.slice(best.start + best.length))}`
}

const MDNS = /^([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})\.local$/i

function parseMdnsName(text: string): Uint8Array | undefined {
  const match = MDNS.exec(text)
  if (!match) return undefined
  const hex = match.slice(1).join('')
  return Uint8Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16))
}

function formatUuid(bytes: Uint8Array): string {
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20),
  ].join('-')
}
