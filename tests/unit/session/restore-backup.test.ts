// @vitest-environment happy-dom
/**
 * Restoring a backup made by someone else into a space this phone already has: nothing is
 * merged until the person has seen what it adds and said yes; a space new to the phone is
 * added at once, as before; a backup that breaks the schema changes nothing at all.
 */
import { describe, expect, it } from 'vitest'
import { ROOT } from '../../../src/doc/schema'
import { exampleGroups } from '../../../src/domain/example-network'
import { type AppServices } from '../../../src/session/app-services'
import type { SpaceRecord } from '../../../src/storage/types'
import { phoneServices } from '../../support/unit-app'

const PASS = 'river stones at dawn'

const phone = () => phoneServices('restore')

async function withSpace<T>(
  services: AppServices,
  space: SpaceRecord,
  use: (session: Awaited<ReturnType<AppServices['sessions']['acquire']>>['session']) => T,
): Promise<T> {
  const { session, release } = services.sessions.acquire(space)
  try {
    await session.ready
    const result = use(session)
    await session.persistence.flush()
    return result
  } finally {
    release()
  }
}

const groupNames = (services: AppServices, space: SpaceRecord) =>
  withSpace(services, space, (s) =>
    s.stores.groups
      .getSnapshot()
      .items.map((g) => g.name)
      .sort(),
  )

async function backupOf(services: AppServices): Promise<Blob> {
  const result = await services.backupAll(PASS)
  if (!result.ok) throw new Error(result.error)
  return new Blob([result.value.text])
}

describe('restoring a backup', () => {
  it('asks before merging into a space already here, and merges only when told', async () => {
    const [one, two, three, four] = exampleGroups('en')
    if (!one || !two || !three || !four) throw new Error('example groups')
    const ana = await phone()
    const created = await ana.createSpace('Leeds network')
    if (!created.ok) throw new Error(created.error)
    const space = created.value
    await withSpace(ana, space, (s) => s.stores.groups.addGroup(one.fields))
    const first = await backupOf(ana)
    await withSpace(ana, space, (s) => {
      for (const group of [two, three, four]) s.stores.groups.addGroup(group.fields)
    })
    const second = await backupOf(ana)
    // Ana's phone is another phone: its open space must not reach Ben's as another tab would
    await ana.sessions.close(space.id)

    const ben = await phone()
    const added = await ben.restoreBackup(first, PASS)
    expect(added).toEqual({ ok: true, value: { done: true, added: 1, merged: 0, skipped: 0 } })
    const asked = await ben.restoreBackup(second, PASS)
    if (!asked.ok || asked.value.done)
      throw new Error(`expected to be asked first: ${JSON.stringify(asked)}`)
    const question = asked.value
    expect(question.merges).toEqual([
      {
        name: 'Leeds network',
        changes: { [ROOT.groups]: { added: 3, updated: 0, removed: 0 } },
        groups: expect.arrayContaining([
          two.fields.name,
          three.fields.name,
          four.fields.name,
        ]) as string[],
        meetings: [],
      },
    ])
    expect(question.newSpaces).toEqual([])
    // not answered yet (or cancelled): Ben's copy is as it was
    expect(await groupNames(ben, space)).toEqual([one.fields.name])

    expect(await question.restore()).toEqual({
      ok: true,
      value: { done: true, added: 0, merged: 1, skipped: 0 },
    })
    expect(await groupNames(ben, space)).toEqual(
      [one, two, three, four].map((g) => g.fields.name).sort(),
    )
  }, 30_000)

  it('changes nothing when a space in the backup breaks the schema', async () => {
    const ana = await phone()
    const created = await ana.createSpace('Leeds network')
    if (!created.ok) throw new Error(created.error)
    await withSpace(ana, created.value, (s) => {
      const doc = s.doc
      // written locally, as a hostile copy of the app would: no guard on this phone's own edits
      doc.getMap('junk').set('k', 1)
    })
    const ben = await phone()
    expect(await ben.restoreBackup(await backupOf(ana), PASS)).toEqual({
      ok: false,
      error: 'unknown-content',
    })
    expect(ben.spaces.getSnapshot()).toEqual([])
  }, 30_000)
})
