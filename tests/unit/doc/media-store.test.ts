import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { createMediaStore, MEDIA_SCHEMA } from '../../../src/doc/media-store'
import { mediaOfMeeting } from '../../../src/domain/media'
import {
  BASE_SCHEMA_VERSION,
  createSpaceDoc,
  initialiseSchema,
  readSchemaVersion,
  ROOT,
} from '../../../src/doc/schema'

const HASH = 'a'.repeat(64)
const photo = { hash: HASH, kind: 'photo', mime: 'image/jpeg', size: 250_000 } as const

function phone(name = 'Amal') {
  const doc = createSpaceDoc()
  initialiseSchema(doc)
  const store = createMediaStore(
    doc,
    () => 1_000,
    () => name,
  )
  return { doc, store }
}

describe('media records', () => {
  it('adds a photo record with who added it and where it is attached', () => {
    const { doc, store } = phone()
    expect(readSchemaVersion(doc)).toBe(BASE_SCHEMA_VERSION)
    const added = store.addMedia({
      ...photo,
      width: 1600,
      height: 1200,
      caption: '  Flipchart  ',
      meetingId: 'meeting-1',
    })
    if (!added.ok) throw new Error(added.error)
    const [record] = store.getSnapshot().items
    expect(record).toMatchObject({
      id: added.value,
      hash: HASH,
      kind: 'photo',
      width: 1600,
      height: 1200,
      durationMs: 0,
      caption: 'Flipchart',
      by: 'Amal',
      meetingId: 'meeting-1',
      agendaItemId: '',
      createdAt: 1_000,
    })
    // phones whose app does not know media say "made by a newer version"
    expect(readSchemaVersion(doc)).toBe(MEDIA_SCHEMA)
    expect(mediaOfMeeting(store.getSnapshot().items, 'meeting-1')).toHaveLength(1)
    expect(mediaOfMeeting(store.getSnapshot().items, 'meeting-2')).toHaveLength(0)
  })

  it('refuses what is not a stored photo or voice note, changing nothing', () => {
    const { store } = phone()
    const refused = [
      { ...photo, hash: 'not-a-hash' },
      { ...photo, mime: 'image/svg+xml' },
      { ...photo, kind: 'voice', mime: 'image/jpeg' },
      { ...photo, size: 0 },
      { ...photo, size: 100 * 1024 * 1024 },
      { ...photo, meetingId: 'x y' },
    ] as const
    for (const fields of refused)
      expect(store.addMedia(fields)).toEqual({ ok: false, error: 'invalid' })
    expect(store.addMedia({ ...photo, caption: 'x'.repeat(501) })).toEqual({
      ok: false,
      error: 'caption-too-long',
    })
    expect(store.getSnapshot().items).toEqual([])
  })

  it('keeps a voice note’s length and type with its codec', () => {
    const { store } = phone()
    const added = store.addMedia({
      hash: HASH,
      kind: 'voice',
      mime: 'audio/webm;codecs=opus',
      size: 20_000,
      durationMs: 3_200,
    })
    expect(added.ok).toBe(true)
    expect(store.getSnapshot().items[0]).toMatchObject({ kind: 'voice', durationMs: 3_200 })
  })

  it('skips and counts a record a peer stored malformed', () => {
    const { doc, store } = phone()
    doc.transact(() => {
      const entity = new Y.Map<unknown>()
      doc.getMap(ROOT.media).set('peer-made-1', entity)
      entity.set('createdAt', 5)
      entity.set('hash', '../../etc/passwd')
      entity.set('kind', 'photo')
      entity.set('mime', 'image/jpeg')
      entity.set('size', 10)
    })
    expect(store.getSnapshot()).toMatchObject({ items: [], skipped: 1 })
  })

  it('edits a caption, deletes and restores', () => {
    const { store } = phone()
    const added = store.addMedia(photo)
    if (!added.ok) throw new Error(added.error)
    expect(store.setCaption(added.value, 'Attendance sheet')).toEqual({
      ok: true,
      value: undefined,
    })
    expect(store.getSnapshot().items[0]?.caption).toBe('Attendance sheet')
    store.deleteMedia(added.value)
    expect(store.getSnapshot().trash).toHaveLength(1)
    store.restoreMedia(added.value)
    expect(store.getSnapshot().items).toHaveLength(1)
  })
})
