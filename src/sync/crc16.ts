/**
 * CRC-16/CCITT-FALSE (polynomial 0x1021, start 0xFFFF): the room code's check that a scanned,
 * typed or pasted code arrived whole. It catches every error burst up to 16 bits, so any one
 * wrong character of a base45 text (which changes at most 16 bits) is always caught; the QR
 * code's own error correction handles what the camera misreads.
 */
const TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n << 8
  for (let k = 0; k < 8; k++) c = c & 0x8000 ? ((c << 1) ^ 0x1021) & 0xffff : (c << 1) & 0xffff
  return c
})

/** The checksum as an unsigned 16-bit number (crc16 of ASCII "123456789" is 0x29b1). */
export function crc16(bytes: ArrayLike<number>): number {
  let crc = 0xffff
  for (let i = 0; i < bytes.length; i++)
    crc = ((crc << 8) & 0xffff) ^ (TABLE[((crc >> 8) ^ (bytes[i] ?? 0)) & 0xff] ?? 0)
  return crc
}
