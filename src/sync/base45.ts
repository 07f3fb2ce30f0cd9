/**
 * Base45 (RFC 9285): bytes as text made only of the 45 characters a QR code's alphanumeric
 * mode holds (5.5 bits a character), so a room code's QR stays small: 2 bytes become 3
 * characters (8.25 bits a byte), where base64 would force the QR into byte mode (8 bits a
 * byte, but binary-unsafe readers) and lowercase letters QR cannot hold in alphanumeric mode.
 */
export const BASE45_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:'

const VALUES = new Map(
  Array.from({ length: 45 }, (_, value) => [BASE45_ALPHABET.charAt(value), value] as const),
)

export function toBase45(bytes: Uint8Array): string {
  let text = ''
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const n = (bytes[i] ?? 0) * 256 + (bytes[i + 1] ?? 0)
    text += char(n % 45) + char(Math.floor(n / 45) % 45) + char(Math.floor(n / 2025))
  }
  if (bytes.length % 2 === 1) {
    const n = bytes[bytes.length - 1] ?? 0
    text += char(n % 45) + char(Math.floor(n / 45))
  }
  return text
}

/** The bytes, or undefined for text that is not base45 (a wrong character, length or value). */
export function fromBase45(text: string): Uint8Array | undefined {
  if (text.length % 3 === 1) return undefined
  const bytes = new Uint8Array(Math.floor(text.length / 3) * 2 + (text.length % 3 === 2 ? 1 : 0))
  let at = 0
  for (let i = 0; i < text.length; i += 3) {
    const c = VALUES.get(text[i] ?? '')
    const d = VALUES.get(text[i + 1] ?? '')
    if (c === undefined || d === undefined) return undefined
    if (i + 2 < text.length) {
      const e = VALUES.get(text[i + 2] ?? '')
      if (e === undefined) return undefined
      const n = c + d * 45 + e * 2025
      if (n > 0xffff) return undefined
      bytes[at++] = n >> 8
      bytes[at++] = n & 0xff
    } else {
      const n = c + d * 45
      if (n > 0xff) return undefined
      bytes[at++] = n
    }
  }
  return bytes
}

function char(value: number): string {
  return BASE45_ALPHABET[value] ?? ''
}
