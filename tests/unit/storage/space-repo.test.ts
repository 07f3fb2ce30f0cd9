import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { newSpaceId, newSpaceKey } from '../../../src/domain/ids'
import { openWeaveDb } from '../../../src/storage/db'
import { createDeviceRepo } from '../../../src/storage/device-repo'
import { attachPersistence } from '../../../src/storage/persistence'
import { createSpaceRepo } from '../../../src/storage/space-repo'
import type { SpaceRecord } from '../../../src/storage/types'

const record = (name: string, openedAt: number): SpaceRecord => ({
  id: newSpaceId(),
  name,
  key: newSpaceKey(),
  settings: { signallingUrls: [], iceServers: [] },
  createdAt: 1,
  openedAt,
})

const freshDb = () => openWeaveDb(`repo-${crypto.randomUUID()}`)
const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError')

afterEach(() => {
  vi.restoreAllMocks()
})

describe('space repo', () => {
  it('adds a space once even when asked twice (an invite opened again)', async () => {
    const repo = createSpaceRepo(freshDb())
    const space = record('Network', 1)
    expect(await repo.addSpace(space)).toEqual({ ok: true, value: space })
    const again = await repo.addSpace({ ...space, name: 'Other name' })
    expect(again.ok && again.value.name).toBe('Network')
    expect(await repo.listSpaces()).toEqual([space])
  })

  it('lists the most recently opened first; renames and changes settings', async () => {
    const repo = createSpaceRepo(freshDb())
    const old = record('Old', 1)
    const recent = record('Recent', 5)
    await repo.addSpace(old)
    await repo.addSpace(recent)
    expect((await repo.listSpaces()).map((s) => s.name)).toEqual(['Recent', 'Old'])
    await repo.touchSpace(old.id, 10)
    await repo.renameSpace(old.id, 'Renamed')
    const settings = { signallingUrls: ['wss://signal.example'], iceServers: [] }
    expect(await repo.updateSpaceSettings(old.id, settings)).toEqual({ ok: true, value: undefined })
    expect((await repo.listSpaces()).map((s) => s.name)).toEqual(['Renamed', 'Recent'])
    expect((await repo.getSpace(old.id))?.settings).toEqual(settings)
  })

  it('removes a space with its log and snapshot, leaving other spaces alone', async () => {
    const db = freshDb()
    const repo = createSpaceRepo(db)
    const gone = record('Gone', 1)
    const kept = record('Kept', 1)
    for (const space of [gone, kept]) {
      await repo.addSpace(space)
      const doc = new Y.Doc()
      const persistence = attachPersistence(db, space.id, doc, { batchMs: 1, compactAfterRows: 2 })
      await persistence.whenLoaded
      for (let i = 0; i < 3; i++) {
        doc.getMap('m').set(String(i), i)
        await persistence.flush()
      }
      await persistence.destroy()
      expect(await db.updates.where('spaceId').equals(space.id).count()).toBeGreaterThan(0)
      expect(await db.snapshots.get(space.id)).toBeDefined()
    }
    expect(await repo.removeSpace(gone.id)).toEqual({ ok: true, value: undefined })
    expect(await db.updates.where('spaceId').equals(gone.id).count()).toBe(0)
    expect(await db.snapshots.get(gone.id)).toBeUndefined()
    expect(await db.snapshots.get(kept.id)).toBeDefined()
    expect(await db.updates.where('spaceId').equals(kept.id).count()).toBeGreaterThan(0)
    expect((await repo.listSpaces()).map((s) => s.name)).toEqual(['Kept'])
  })

  it('reports a full disk as a value, and adds nothing', async () => {
    const db = freshDb()
    const repo = createSpaceRepo(db)
    vi.spyOn(db.spaces, 'add').mockRejectedValue(quotaError())
    const result = await repo.addSpace(record('Too much', 1))
    expect(result.ok || result.error).toBe('quota-exceeded')
    expect(await repo.listSpaces()).toEqual([])
  })

  it('still throws what is not an expected failure (a bug should be seen)', async () => {
    const db = freshDb()
    const repo = createSpaceRepo(db)
    vi.spyOn(db.spaces, 'update').mockRejectedValue(new TypeError('bug'))
    await expect(repo.renameSpace(newSpaceId(), 'x')).rejects.toThrow('bug')
  })
})

describe('device repo', () => {
  it('has no profile until one is saved, then keeps it and preferences', async () => {
    const repo = createDeviceRepo(freshDb())
    expect(await repo.getProfile()).toBeUndefined()
    expect(await repo.saveProfile({ displayName: 'Amina', colour: '#1f6f50' })).toEqual({
      ok: true,
      value: undefined,
    })
    await repo.setPref('locale', 'es')
    expect(await repo.getProfile()).toEqual({ displayName: 'Amina', colour: '#1f6f50' })
    expect(await repo.getPref<string>('locale')).toBe('es')
  })

  it('reads a preference of the wrong shape as missing when given a guard', async () => {
    const repo = createDeviceRepo(freshDb())
    await repo.setPref('locale', 42)
    const isString = (value: unknown): value is string => typeof value === 'string'
    expect(await repo.getPref('locale', isString)).toBeUndefined()
    await repo.setPref('locale', 'fr')
    expect(await repo.getPref('locale', isString)).toBe('fr')
  })

  it('reports a full disk as a value when saving the profile', async () => {
    const db = freshDb()
    const repo = createDeviceRepo(db)
    vi.spyOn(db.device, 'put').mockRejectedValue(quotaError())
    const result = await repo.saveProfile({ displayName: 'Amina', colour: '#1f6f50' })
    expect(result.ok || result.error).toBe('quota-exceeded')
    expect(await repo.getProfile()).toBeUndefined()
  })
})
