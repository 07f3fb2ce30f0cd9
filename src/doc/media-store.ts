/**
 * The records of a space's photos and voice notes (domain/media.ts): small entities in the
 * document, never the bytes, which each phone keeps in its own table (storage/media-repo.ts).
 * Readers skip a record a peer stored malformed (a hash that is not one, a type that is not
 * ours) and count it, as every collection does.
 *
 * The first record in a space raises its schema version (schema.ts): phones with an app that
 * does not know media then say "made by a newer version" instead of dropping them.
 */
import {
  BY_MAX,
  CAPTION_MAX,
  isMediaHash,
  isMediaKind,
  isStoredMime,
  MEDIA_MAX_BYTES,
  VOICE_MAX_MS,
  type MediaId,
  type MediaKind,
  type MediaRecord,
} from '../domain/media'
import { fail, ok, type Result } from '../domain/result'
import { createCollection } from './collection'
import { readId, readString, type Fields } from './read'
import { LOCAL, ROOT, type SpaceDoc } from './schema'

/** The schema version that brought media (schema.ts SCHEMA_VERSION). */
export const MEDIA_SCHEMA = 3

/** What a new record says; the phone fills in who and when. */
export interface NewMedia {
  readonly hash: string
  readonly kind: MediaKind
  readonly mime: string
  readonly size: number
  readonly width?: number
  readonly height?: number
  readonly durationMs?: number
  readonly caption?: string
  readonly meetingId?: string
  readonly agendaItemId?: string
  readonly groupId?: string
}

export type AddMediaResult = Result<MediaId, 'invalid' | 'caption-too-long'>
export type CaptionResult = Result<void, 'not-found' | 'caption-too-long'>

const isCount = (value: unknown, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max

/** Why a record would be refused (the same rules for one made here and one from a peer). */
function invalid(fields: NewMedia): boolean {
  const { kind, width = 0, height = 0, durationMs = 0 } = fields
  if (!isMediaHash(fields.hash) || !isMediaKind(kind) || !isStoredMime(kind, fields.mime))
    return true
  if (!isCount(fields.size, MEDIA_MAX_BYTES) || fields.size === 0) return true
  if (!isCount(width, 100_000) || !isCount(height, 100_000)) return true
  if (!isCount(durationMs, VOICE_MAX_MS + 60_000)) return true
  for (const id of [fields.meetingId, fields.agendaItemId, fields.groupId])
    if (id && !readId(id)) return true
  return false
}

const number = (fields: Fields, key: string): number => {
  const value = fields.get(key)
  return typeof value === 'number' ? value : 0
}

function read(id: string, fields: Fields, meta: MediaRecord): MediaRecord | undefined {
  const record: NewMedia = {
    hash: readString(fields, 'hash', 64) ?? '',
    kind: fields.get('kind') as MediaKind,
    mime: readString(fields, 'mime', 100) ?? '',
    size: number(fields, 'size'),
    width: number(fields, 'width'),
    height: number(fields, 'height'),
    durationMs: number(fields, 'durationMs'),
    meetingId: readId(fields.get('meetingId')) ?? '',
    agendaItemId: readId(fields.get('agendaItemId')) ?? '',
    groupId: readId(fields.get('groupId')) ?? '',
  }
  if (invalid(record)) return undefined
  return {
    ...meta,
    id: id as MediaId,
    hash: record.hash,
    kind: record.kind,
    mime: record.mime,
    size: record.size,
    width: record.width ?? 0,
    height: record.height ?? 0,
    durationMs: record.durationMs ?? 0,
    caption: readString(fields, 'caption', CAPTION_MAX) ?? '',
    by: readString(fields, 'by', BY_MAX) ?? '',
    meetingId: record.meetingId ?? '',
    agendaItemId: record.agendaItemId ?? '',
    groupId: record.groupId ?? '',
  }
}

/** `author`: this phone's person, recorded as who added a photo or voice note. */
export function createMediaStore(
  doc: SpaceDoc,
  now: () => number = Date.now,
  author: () => string = () => '',
) {
  const media = createCollection<MediaRecord>(doc, {
    root: ROOT.media,
    read: (id, fields, meta) => read(id, fields, meta as MediaRecord),
    // Oldest first: the order they were taken in, as in a chat.
    compare: (a, b) => a.createdAt - b.createdAt,
    now,
  })
  const check = (fields: NewMedia): 'invalid' | 'caption-too-long' | undefined => {
    if (invalid(fields)) return 'invalid'
    return (fields.caption ?? '').trim().length > CAPTION_MAX ? 'caption-too-long' : undefined
  }
  const raiseSchema = () => {
    const meta = doc.getMap<unknown>(ROOT.meta)
    const version = meta.get('schemaVersion')
    if (typeof version !== 'number' || version < MEDIA_SCHEMA)
      meta.set('schemaVersion', MEDIA_SCHEMA)
  }

  return {
    subscribe: media.subscribe,
    getSnapshot: media.getSnapshot,
    /** Why `addMedia` would refuse these fields, or undefined. */
    check,
    /** A new record for bytes this phone holds (or tried to: see session/media.ts). */
    addMedia(fields: NewMedia): AddMediaResult {
      const refused = check(fields)
      if (refused) return fail(refused)
      const caption = (fields.caption ?? '').trim()
      let id: MediaId | undefined
      doc.transact(() => {
        raiseSchema()
        id = media.add({
          hash: fields.hash,
          kind: fields.kind,
          mime: fields.mime,
          size: fields.size,
          width: fields.width ?? 0,
          height: fields.height ?? 0,
          durationMs: fields.durationMs ?? 0,
          caption,
          by: author().slice(0, BY_MAX),
          meetingId: fields.meetingId ?? '',
          agendaItemId: fields.agendaItemId ?? '',
          groupId: fields.groupId ?? '',
        })
      }, LOCAL)
      return ok(id as MediaId)
    },
    setCaption(id: MediaId, caption: string): CaptionResult {
      if (caption.trim().length > CAPTION_MAX) return fail('caption-too-long')
      return media.update(id, { caption: caption.trim() })
    },
    deleteMedia: (id: MediaId) => media.softDelete(id),
    restoreMedia: (id: MediaId) => media.restore(id),
    purgeDeleted: () => media.purgeDeleted(),
  }
}

export type MediaStore = ReturnType<typeof createMediaStore>
