import { afterEach, describe, expect, it, vi } from 'vitest'
import { newSpaceId } from '../../../src/domain/ids'
import { sha256Hex } from '../../../src/domain/media'
import { openWeaveDb } from '../../../src/storage/db'
import { createMediaRepo } from '../../../src/storage/media-repo'
import { greyJpeg } from '../../support/jpeg'

const freshDb = () => openWeaveDb(`media-${crypto.randomUUID()}`)

afterEach(() => {
  vi.restoreAllMocks()
})

describe('media bytes on this phone', () => {
  it('stores bytes under their hash and gives them back', async () => {
    const repo = createMediaRepo(freshDb(), newSpaceId())
    const bytes = greyJpeg({ gps: false })
    const hash = await sha256Hex(bytes)
    expect(await repo.put(hash, 'image/jpeg', bytes)).toEqual({ ok: true, value: undefined })
    const stored = await repo.get(hash)
    expect(stored?.mime).toBe('image/jpeg')
    expect(new Uint8Array(stored?.bytes ?? [])).toEqual(bytes)
    expect(await repo.has([hash, 'b'.repeat(64)])).toEqual(new Set([hash]))
    expect(await repo.usage()).toBe(bytes.byteLength)
  })

  it('refuses tampered bytes (a hash mismatch) and stores nothing', async () => {
    const repo = createMediaRepo(freshDb(), newSpaceId())
    const bytes = greyJpeg({ gps: false })
    const hash = await sha256Hex(bytes)
    const tampered = bytes.slice()
    tampered[20] = (tampered[20] ?? 0) ^ 0xff
    expect(await repo.put(hash, 'image/jpeg', tampered)).toEqual({
      ok: false,
      error: 'hash-mismatch',
    })
    expect(await repo.put('not-a-hash', 'image/jpeg', bytes)).toMatchObject({ error: 'bad-hash' })
    expect(await repo.get(hash)).toBeUndefined()
  })

  it('keeps spaces apart: one space’s bytes are not another’s', async () => {
    const db = freshDb()
    const bytes = greyJpeg({ gps: false })
    const hash = await sha256Hex(bytes)
    await createMediaRepo(db, newSpaceId()).put(hash, 'image/jpeg', bytes)
    expect(await createMediaRepo(db, newSpaceId()).get(hash)).toBeUndefined()
  })

  it('says when the phone is full instead of throwing', async () => {
    const db = freshDb()
    const repo = createMediaRepo(db, newSpaceId())
    vi.spyOn(db.media, 'put').mockRejectedValue(
      new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    )
    const bytes = greyJpeg({ gps: false })
    expect(await repo.put(await sha256Hex(bytes), 'image/jpeg', bytes)).toMatchObject({
      ok: false,
      error: 'quota-exceeded',
    })
  })
})
