import { describe, expect, it } from 'vitest'
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

describe('space repo', () => {
  it('adds a space once even when asked twice (an invite opened again)', async () => {
    const repo = createSpaceRepo(openWeaveDb(`spaces-${crypto.randomUUID()}`))
    const space = record('Network', 1)
    await repo.addSpace(space)
    const again = await repo.addSpace({ ...space, name: 'Other name' })
    expect(again.name).toBe('Network')
    expect(await repo.listSpaces()).toHaveLength(1)
  })

  it('lists the most recently opened first, and renames', async () => {
    const repo = createSpaceRepo(openWeaveDb(`spaces-${crypto.randomUUID()}`))
    const old = record('Old', 1)
    const recent = record('Recent', 5)
    await repo.addSpace(old)
    await repo.addSpace(recent)
    expect((await repo.listSpaces()).map((s) => s.name)).toEqual(['Recent', 'Old'])
    await repo.touchSpace(old.id, 10)
    await repo.renameSpace(old.id, 'Renamed')
    expect((await repo.listSpaces()).map((s) => s.name)).toEqual(['Renamed', 'Recent'])
  })

  it('removes a space with its log and snapshot, leaving other spaces alone', async () => {
    const db = openWeaveDb(`spaces-${crypto.randomUUID()}`)
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
    }
    await repo.removeSpace(gone.id)
    expect(await db.updates.where('spaceId').equals(gone.id).count()).toBe(0)
    expect(await db.snapshots.get(gone.id)).toBeUndefined()
    expect(await db.snapshots.get(kept.id)).toBeDefined()
    expect((await repo.listSpaces()).map((s) => s.name)).toEqual(['Kept'])
  })
})

describe('device repo', () => {
  it('has no profile until one is saved, then keeps it and preferences', async () => {
    const repo = createDeviceRepo(openWeaveDb(`device-${crypto.randomUUID()}`))
    expect(await repo.getProfile()).toBeUndefined()
    await repo.saveProfile({ displayName: 'Amina', colour: '#1f6f50' })
    await repo.setPref('locale', 'es')
    expect(await repo.getProfile()).toEqual({ displayName: 'Amina', colour: '#1f6f50' })
    expect(await repo.getPref<string>('locale')).toBe('es')
  })
})
