import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMediaStore } from '../../../src/doc/media-store'
import { createSpaceDoc, initialiseSchema } from '../../../src/doc/schema'
import { newSpaceId } from '../../../src/domain/ids'
import { sha256Hex } from '../../../src/domain/media'
import { openWeaveDb } from '../../../src/storage/db'
import { createMediaRepo } from '../../../src/storage/media-repo'
import { createSessionMedia } from '../../../src/session/media'
import { greyJpeg } from '../../support/jpeg'

function phone() {
  const doc = createSpaceDoc()
  initialiseSchema(doc)
  const store = createMediaStore(doc, Date.now, () => 'Ben')
  const db = openWeaveDb(`session-media-${crypto.randomUUID()}`)
  const media = createSessionMedia(store, createMediaRepo(db, newSpaceId()))
  return { store, db, media }
}

const photo = (bytes = greyJpeg({ gps: false })) => ({
  kind: 'photo' as const,
  mime: 'image/jpeg',
  bytes,
  width: 64,
  height: 48,
  meetingId: 'meeting-1',
})

afterEach(() => {
  vi.restoreAllMocks()
})

describe('saving photos and voice notes', () => {
  it('stores the bytes under their hash, then the record, and tells listeners', async () => {
    const { store, media } = phone()
    const seen = vi.fn()
    media.subscribe(seen)
    const saved = await media.save(photo())
    if (!saved.ok) throw new Error(saved.error)
    const [record] = store.getSnapshot().items
    if (!record) throw new Error('no record')
    expect(record.hash).toBe(await sha256Hex(greyJpeg({ gps: false })))
    expect(record).toMatchObject({ by: 'Ben', size: greyJpeg({ gps: false }).byteLength })
    const blob = await media.blobOf(record)
    expect(blob?.type).toBe('image/jpeg')
    expect(new Uint8Array(await (blob ?? new Blob()).arrayBuffer())).toEqual(
      greyJpeg({ gps: false }),
    )
    expect(seen).toHaveBeenCalledTimes(1)
    expect(await media.missing([record])).toEqual([])
  })

  it('keeps the record when the phone is full, and says the bytes were not kept', async () => {
    const { store, db, media } = phone()
    vi.spyOn(db.media, 'put').mockRejectedValue(
      new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    )
    const saved = await media.save(photo())
    expect(saved).toMatchObject({ ok: false, error: 'not-kept' })
    const [record] = store.getSnapshot().items
    expect(record && 'id' in saved && saved.id).toBe(record?.id)
    if (!record) throw new Error('record not kept')
    expect(await media.blobOf(record)).toBeUndefined()
    expect(await media.missing([record])).toEqual([record])
  })

  it('refuses a record it cannot keep before storing any bytes', async () => {
    const { store, db, media } = phone()
    const saved = await media.save({ ...photo(), mime: 'image/svg+xml' })
    expect(saved).toEqual({ ok: false, error: 'invalid' })
    expect(store.getSnapshot().items).toEqual([])
    expect(await db.media.count()).toBe(0)
  })

  it('stores bytes from a peer only when they hash to the record', async () => {
    const { media } = phone()
    const bytes = greyJpeg({ gps: false })
    const hash = await sha256Hex(bytes)
    const tampered = bytes.slice()
    tampered[10] = (tampered[10] ?? 0) ^ 1
    expect(await media.receive(hash, { bytes: tampered, mime: 'image/jpeg' })).toMatchObject({
      error: 'hash-mismatch',
    })
    expect(await media.receive(hash, { bytes, mime: 'image/jpeg' })).toEqual({
      ok: true,
      value: undefined,
    })
    expect(media.version()).toBe(1)
  })
})
