/**
 * Metadata a photo may carry that says where it was taken or who took it: EXIF (with its GPS
 * part), XMP, Photoshop/IPTC blocks and comments in a JPEG; EXIF and XMP chunks in a WebP.
 *
 * Re-encoding a photo through a canvas (features/media) writes none of these. This module is
 * the check after it, and a second line of defence: `stripJpegMetadata` removes every such
 * segment and `findMetadata` says what a file still carries, so a photo is stored only when it
 * carries nothing.
 */

export type MetadataKind = 'exif' | 'gps' | 'xmp' | 'iptc' | 'comment' | 'other'

const EXIF_ID = [0x45, 0x78, 0x69, 0x66, 0, 0] // "Exif\0\0"
const XMP_ID = 'http://ns.adobe.com/'
const ICC_ID = 'ICC_PROFILE\0'

const ascii = (bytes: Uint8Array, from: number, length: number): string =>
  String.fromCharCode(...bytes.subarray(from, Math.min(bytes.length, from + length)))

interface Segment {
  readonly marker: number
  /** offset of the 0xFF of the marker */
  readonly start: number
  /** offset just past the segment (past its length bytes and data) */
  readonly end: number
}

/** The marker segments before the image data (SOS); undefined when the bytes are not a JPEG. */
function jpegHeaderSegments(bytes: Uint8Array): { segments: Segment[]; sos: number } | undefined {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined
  const segments: Segment[] = []
  let at = 2
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined
    const marker = bytes[at + 1] ?? 0
    if (marker === 0xff) {
      at++ // fill byte
      continue
    }
    if (marker === 0xda) return { segments, sos: at }
    if (marker === 0xd9) return { segments, sos: at } // image ends with no data
    const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0)
    if (length < 2 || at + 2 + length > bytes.length) return undefined
    segments.push({ marker, start: at, end: at + 2 + length })
    at += 2 + length
  }
  return undefined
}

/** What one APPn or COM segment is, or undefined for a segment that is image data. */
function segmentKind(bytes: Uint8Array, segment: Segment): MetadataKind[] | undefined {
  const { marker, start, end } = segment
  const data = start + 4
  if (marker === 0xfe) return ['comment']
  if (marker < 0xe0 || marker > 0xef) return undefined
  if (marker === 0xe0) return undefined // JFIF / JFXX: pixel density, no one's data
  if (marker === 0xe2 && ascii(bytes, data, ICC_ID.length) === ICC_ID) return undefined // colours
  if (marker === 0xe1 && EXIF_ID.every((b, i) => bytes[data + i] === b)) {
    const tiff = bytes.subarray(data + EXIF_ID.length, end)
    return exifHasGps(tiff) ? ['exif', 'gps'] : ['exif']
  }
  if (marker === 0xe1 && ascii(bytes, data, XMP_ID.length) === XMP_ID) return ['xmp']
  if (marker === 0xed) return ['iptc']
  return ['other']
}

/** True when an EXIF block's first directory points to GPS data (tag 0x8825). */
export function exifHasGps(tiff: Uint8Array): boolean {
  if (tiff.length < 8) return false
  const little = tiff[0] === 0x49 && tiff[1] === 0x49
  if (!little && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return false
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength)
  const ifd = view.getUint32(4, little)
  if (ifd + 2 > tiff.length) return false
  const count = view.getUint16(ifd, little)
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12
    if (entry + 12 > tiff.length) return false
    if (view.getUint16(entry, little) === 0x8825) return true
  }
  return false
}

/** The RIFF chunks of a WebP that carry metadata. */
function webpMetadata(bytes: Uint8Array): MetadataKind[] {
  const found: MetadataKind[] = []
  let at = 12
  while (at + 8 <= bytes.length) {
    const id = ascii(bytes, at, 4)
    const size =
      (bytes[at + 4] ?? 0) |
      ((bytes[at + 5] ?? 0) << 8) |
      ((bytes[at + 6] ?? 0) << 16) |
      ((bytes[at + 7] ?? 0) << 24)
    if (id === 'EXIF') {
      const start = at + 8
      const hasHeader = EXIF_ID.every((b, i) => bytes[start + i] === b)
      const tiff = bytes.subarray(start + (hasHeader ? 6 : 0), start + size)
      found.push(...(exifHasGps(tiff) ? (['exif', 'gps'] as const) : (['exif'] as const)))
    }
    if (id === 'XMP ') found.push('xmp')
    at += 8 + size + (size % 2)
  }
  return found
}

/** What metadata a JPEG or WebP carries (an empty list: none); a broken JPEG says 'other'. */
export function findMetadata(bytes: Uint8Array): MetadataKind[] {
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return webpMetadata(bytes)
  const header = jpegHeaderSegments(bytes)
  if (!header) return bytes[0] === 0xff && bytes[1] === 0xd8 ? ['other'] : []
  return header.segments.flatMap((segment) => segmentKind(bytes, segment) ?? [])
}

/**
 * The same JPEG without its EXIF, XMP, IPTC, comment and unknown application segments (the
 * image data, its tables, JFIF and the colour profile kept as they were); undefined when the
 * bytes are not a JPEG this can read.
 */
export function stripJpegMetadata(bytes: Uint8Array): Uint8Array | undefined {
  const header = jpegHeaderSegments(bytes)
  if (!header) return undefined
  const kept = header.segments.filter((segment) => segmentKind(bytes, segment) === undefined)
  const parts = [bytes.subarray(0, 2), ...kept.map((s) => bytes.subarray(s.start, s.end))]
  parts.push(bytes.subarray(header.sos))
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}
