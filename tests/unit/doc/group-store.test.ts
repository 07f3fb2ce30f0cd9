import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createGroupStore } from '../../../src/doc/group-store'
import {
  ROOT,
  createSpaceDoc,
  initialiseSchema,
  readSchemaVersion,
  BASE_SCHEMA_VERSION,
} from '../../../src/doc/schema'
import type { GroupId } from '../../../src/domain/ids'
import { runConvergence } from '../../support/convergence'
import { fail } from '../../../src/domain/result'

describe('group store commands', () => {
  it('adds, renames, soft-deletes and restores a group', () => {
    const store = createGroupStore(createSpaceDoc())
    const id = store.addGroup({ name: '  Leeds Food Co-op ', summary: 'Bulk buying' })
    expect(store.getSnapshot().items.map((g) => g.name)).toEqual(['Leeds Food Co-op'])

    store.updateGroup(id, { name: 'Leeds Food Cooperative' })
    const renamed = store.getSnapshot().byId.get(id)
    expect(renamed?.name).toBe('Leeds Food Cooperative')
    expect(renamed?.summary).toBe('Bulk buying') // untouched field kept

    store.deleteGroup(id)
    expect(store.getSnapshot().items).toHaveLength(0)
    expect(store.getSnapshot().trash.map((g) => g.id)).toEqual([id])

    store.restoreGroup(id)
    expect(store.getSnapshot().items.map((g) => g.id)).toEqual([id])
    expect(store.getSnapshot().trash).toHaveLength(0)
  })

  it('sorts groups by name regardless of case', () => {
    const store = createGroupStore(createSpaceDoc())
    for (const name of ['zine makers', 'Allotment Society', 'bike kitchen'])
      store.addGroup({ name, summary: '' })
    expect(store.getSnapshot().items.map((g) => g.name)).toEqual([
      'Allotment Society',
      'bike kitchen',
      'zine makers',
    ])
  })

  it('returns the same snapshot object until something changes, and notifies subscribers', () => {
    const store = createGroupStore(createSpaceDoc())
    const before = store.getSnapshot()
    expect(store.getSnapshot()).toBe(before)
    let calls = 0
    const unsubscribe = store.subscribe(() => calls++)
    store.addGroup({ name: 'Tenants Union', summary: '' })
    expect(calls).toBe(1)
    expect(store.getSnapshot()).not.toBe(before)
    unsubscribe()
    store.addGroup({ name: 'Timebank', summary: '' })
    expect(calls).toBe(1)
  })

  it('empties the trash for good, leaving live groups alone', () => {
    const store = createGroupStore(createSpaceDoc())
    const keep = store.addGroup({ name: 'Keep', summary: '' })
    const drop = store.addGroup({ name: 'Drop', summary: '' })
    store.deleteGroup(drop)
    expect(store.purgeDeletedGroups()).toBe(1)
    expect(store.getSnapshot().byId.has(drop)).toBe(false)
    expect(store.getSnapshot().items.map((g) => g.id)).toEqual([keep])
  })

  it('ignores commands on ids that do not exist', () => {
    const store = createGroupStore(createSpaceDoc())
    expect(store.updateGroup('missing-id-0000' as GroupId, { name: 'x' })).toEqual(
      fail('not-found'),
    )
    expect(store.deleteGroup('missing-id-0000' as GroupId)).toEqual(fail('not-found'))
  })

  it('writes the schema version once', () => {
    const doc = createSpaceDoc()
    expect(readSchemaVersion(doc)).toBeUndefined()
    initialiseSchema(doc)
    expect(readSchemaVersion(doc)).toBe(BASE_SCHEMA_VERSION)
  })
})

describe('tolerant group reader', () => {
  it('skips and counts malformed entries from a peer without throwing', () => {
    const doc = createSpaceDoc()
    const store = createGroupStore(doc)
    const good = store.addGroup({ name: 'Good', summary: '' })
    const root = doc.getMap<unknown>(ROOT.groups)
    doc.transact(() => {
      root.set('not-a-map-0001', 'just a string')
      root.set('no-name-00001', new Y.Map<unknown>([['createdAt', 1]]))
      root.set(
        'bad-time-0001',
        new Y.Map<unknown>([
          ['name', 'X'],
          ['createdAt', 'yesterday'],
        ]),
      )
      root.set(
        'blank-name-01',
        new Y.Map<unknown>([
          ['name', '   '],
          ['createdAt', 1],
        ]),
      )
      root.set(
        'num-name-0001',
        new Y.Map<unknown>([
          ['name', 42],
          ['createdAt', 1],
        ]),
      )
      root.set(
        'weird-ok-0001',
        new Y.Map<unknown>([
          ['name', 'Odd but valid'],
          ['createdAt', 5],
          ['summary', { html: '<img onerror=alert(1)>' }],
        ]),
      )
    })
    const snapshot = store.getSnapshot()
    expect(snapshot.skipped).toBe(5)
    expect(snapshot.items.map((g) => g.name)).toEqual(['Good', 'Odd but valid'])
    expect(snapshot.byId.get('weird-ok-0001')?.summary).toBe('') // a non-string summary is dropped, not rendered
    expect(snapshot.byId.get(good)?.updatedAt).toBeGreaterThan(0)
  })

  it('truncates absurdly long names instead of failing', () => {
    const doc = createSpaceDoc()
    const store = createGroupStore(doc)
    doc.getMap<unknown>(ROOT.groups).set(
      'long-name-001',
      new Y.Map<unknown>([
        ['name', 'x'.repeat(100_000)],
        ['createdAt', 1],
      ]),
    )
    expect(store.getSnapshot().items[0]?.name.length).toBe(120)
  })
})

describe('group store convergence', () => {
  const names = ['Food Co-op', 'Land Trust', 'Timebank', 'Tenants Union', 'Bike Kitchen']

  for (const seed of [1, 2, 3, 42, 2026]) {
    it(`converges with random edits, deletes and restores (seed ${seed})`, () => {
      runConvergence({
        peers: 4,
        seed,
        steps: 300,
        setup: (doc) => createGroupStore(doc),
        operate(store, random) {
          const all = [...store.getSnapshot().byId.values()]
          const roll = random.next()
          if (all.length === 0 || roll < 0.2)
            store.addGroup({ name: random.pick(names), summary: '' })
          else if (roll < 0.55)
            store.updateGroup(random.pick(all).id, {
              name: `${random.pick(names)} ${random.int(9)}`,
            })
          else if (roll < 0.75)
            store.updateGroup(random.pick(all).id, { summary: `note ${random.int(99)}` })
          else if (roll < 0.9) store.deleteGroup(random.pick(all).id)
          else store.restoreGroup(random.pick(all).id)
        },
        project: (store) => store.getSnapshot(),
        invariants(store) {
          const { items, trash, byId, skipped } = store.getSnapshot()
          expect(skipped).toBe(0)
          expect(items.length + trash.length).toBe(byId.size)
          for (const group of items) expect(group.deletedAt).toBeUndefined()
          for (const group of trash) expect(group.deletedAt).toBeGreaterThan(0)
        },
      })
    })
  }

  it('keeps both edits when two devices change different fields of the same group at once', () => {
    const docA = new Y.Doc()
    const docB = new Y.Doc()
    const storeA = createGroupStore(docA)
    const storeB = createGroupStore(docB)
    const id = storeA.addGroup({ name: 'Housing Co-op', summary: '' })
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA))
    storeA.updateGroup(id, { name: 'Housing Co-operative' })
    storeB.updateGroup(id, { summary: 'Twelve flats, one meeting a month' })
    Y.applyUpdate(docA, Y.encodeStateAsUpdate(docB))
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA))
    for (const store of [storeA, storeB]) {
      const group = store.getSnapshot().byId.get(id)
      expect(group?.name).toBe('Housing Co-operative')
      expect(group?.summary).toBe('Twelve flats, one meeting a month')
    }
    expect(storeA.getSnapshot().items).toEqual(storeB.getSnapshot().items)
  })
})
