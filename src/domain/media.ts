/**
 * Photos and voice notes. The space's document holds a small record per item (this type); the
 * bytes live in their own table on each phone, keyed by their SHA-256 (`hash`), and a phone
 * stores bytes only when they hash to the record's `hash`. The record's own `id` is random like
 * every entity's, so the same photo can be attached to two meetings as two records.
 *
 * Photos are re-encoded on the phone before anything is stored (features/media): that drops
 * EXIF and XMP, so no GPS location leaves the phone (media-metadata.ts checks the result).
 */
import type { EntityMeta } from './entity'
import type { Brand } from './ids'
import { fail, ok, type Result } from './result'

export type MediaId = Brand<string, 'MediaId'>
export type MediaKind = 'photo' | 'voice'

export interface MediaRecord extends EntityMeta<MediaId> {
  /** SHA-256 of the stored bytes, 64 lowercase hex digits: how phones find and verify them. */
  readonly hash: string
  readonly kind: MediaKind
  /** Of the stored bytes: image/jpeg or image/webp; audio/webm, audio/ogg or audio/mp4. */
  readonly mime: string
  /** Bytes stored (what a phone will fetch). */
  readonly size: number
  /** Photos: pixels of the stored image; 0 for a voice note. */
  readonly width: number
  readonly height: number
  /** Voice notes: length in milliseconds; 0 for a photo. */
  readonly durationMs: number
  readonly caption: string
  /** The name of the phone's person who added it ("photo from Ben's phone"). */
  readonly by: string
  /** Where it is attached; empty when not attached there. */
  readonly meetingId: string
  readonly agendaItemId: string
  readonly groupId: string
}

export const MEDIA_KINDS: readonly MediaKind[] = ['photo', 'voice']
export const isMediaKind = (value: unknown): value is MediaKind =>
  value === 'photo' || value === 'voice'

export const CAPTION_MAX = 500
export const BY_MAX = 200
/** The long side of a stored photo, in pixels. */
export const PHOTO_LONG_SIDE = 1600
/** JPEG quality of a stored photo: about 200–300 KB at 1600 px. */
export const PHOTO_QUALITY = 0.8
/** A file picked as a photo larger than this is refused before it is read. */
export const PHOTO_INPUT_MAX_BYTES = 40 * 1024 * 1024
/** The longest voice note. */
export const VOICE_MAX_MS = 5 * 60 * 1000
/** No stored item is larger (a 1600 px JPEG is far below; 5 minutes of speech too). */
export const MEDIA_MAX_BYTES = 8 * 1024 * 1024

/** What a stored photo may be: what every phone's browser shows. */
export const PHOTO_MIMES: ReadonlySet<string> = new Set(['image/jpeg', 'image/webp'])
/** What a stored voice note may be: MediaRecorder's output on Chromium, Firefox and Safari. */
export const VOICE_MIMES: ReadonlySet<string> = new Set(['audio/webm', 'audio/ogg', 'audio/mp4'])

/** The base type of a MIME type, without its parameters (`audio/webm;codecs=opus`). */
export const baseMime = (mime: string): string => mime.split(';')[0]?.trim().toLowerCase() ?? ''

export function isStoredMime(kind: MediaKind, mime: string): boolean {
  return (kind === 'photo' ? PHOTO_MIMES : VOICE_MIMES).has(baseMime(mime))
}

export const isMediaHash = (value: unknown): value is string =>
  typeof value === 'string' && /^[0-9a-f]{64}$/.test(value)

/** What a picked file really is, from its first bytes (its name and type can say anything). */
export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'heic' | 'svg' | 'other'

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0): boolean =>
  prefix.every((byte, i) => bytes[at + i] === byte)
const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0))

/** Sniffs the format from at least the first 64 bytes of a file. */
export function sniffImage(head: Uint8Array): ImageFormat {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'webp'
  if (startsWith(head, ascii('ftyp'), 4)) {
    const brand = String.fromCharCode(...head.subarray(8, 12))
    if (['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) return 'heic'
  }
  const text = new TextDecoder('utf-8', { fatal: false })
    .decode(head)
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase()
  if (text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('<svg'))) return 'svg'
  if (text.startsWith('<?xml') || text.startsWith('<!doctype svg')) return 'svg'
  return 'other'
}

export type PhotoFileError = 'empty' | 'too-large' | 'svg' | 'not-a-photo'

/** Whether a picked file may go on to be decoded: a raster photo, and not a huge one. */
export function checkPhotoFile(
  size: number,
  head: Uint8Array,
): Result<ImageFormat, PhotoFileError> {
  if (size === 0) return fail('empty')
  if (size > PHOTO_INPUT_MAX_BYTES) return fail('too-large')
  const format = sniffImage(head)
  if (format === 'svg') return fail('svg')
  if (format === 'other') return fail('not-a-photo')
  return ok(format)
}

/** Width and height scaled so the long side is at most `longSide`, never enlarged. */
export function fitWithin(
  width: number,
  height: number,
  longSide = PHOTO_LONG_SIDE,
): { width: number; height: number } {
  const scale = Math.min(1, longSide / Math.max(width, height, 1))
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  }
}

/** A length as m:ss ("0:03", "4:59"), in the digits of the person's language. */
export function formatDuration(ms: number, locale?: string): string {
  const total = Math.max(0, Math.round(ms / 1000))
  const minutes = new Intl.NumberFormat(locale).format(Math.floor(total / 60))
  const seconds = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2 }).format(total % 60)
  return `${minutes}:${seconds}`
}

/** SHA-256 of the bytes as 64 lowercase hex digits. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>),
  )
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')
}

/** The live records attached to a meeting (and, if given, one of its agenda points). */
export function mediaOfMeeting(
  items: readonly MediaRecord[],
  meetingId: string,
  agendaItemId?: string,
): MediaRecord[] {
  return items.filter(
    (m) =>
      m.meetingId === meetingId && (agendaItemId === undefined || m.agendaItemId === agendaItemId),
  )
}
