/**
 * The schema and budget rules of the update guard (sync/space-rules.ts), on every path that
 * receives updates: the guard itself, a live peer (sync-protocol) and another tab (tab-sync).
 * File imports and backups are in space-file-hostile.test.ts and device-backup.test.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { Awareness } from 'y-protocols/awareness'
import { createSpaceDoc, initialiseSchema, ROOT, SCHEMA_VERSION } from '../../../src/doc/schema'
import { createSpaceStores } from '../../../src/doc/space-stores'
import { exampleGroups } from '../../../src/domain/example-network'
import { MAX_ROOT_KEYS } from '../../../src/domain/space-budget'
import { createPeerSync, encodeSyncUpdate } from '../../../src/sync/sync-protocol'
import { createTabSync } from '../../../src/sync/tab-sync'
import { createUpdateGuard } from '../../../src/sync/update-guard'

const guardOf = (doc: Y.Doc, budgetBytes?: number) =>
  createUpdateGuard(doc, {
    maxUpdateBytes: 64 * 1024 * 1024,
    ...(budgetBytes ? { budgetBytes } : {}),
  })

/** A space with one real group, and the state another phone starts from. */
function space() {
  const stores = createSpaceStores()
  initialiseSchema(stores.doc)
  const example = exampleGroups('en')[0]
  if (example) stores.groups.addGroup(example.fields)
  return stores
}

/** An update written by `write` on a copy of `doc` (what a peer that had it all would send). */
function updateOn(doc: Y.Doc, write: (copy: Y.Doc) => void, gc = true): Uint8Array {
  const copy = new Y.Doc({ gc })
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  const before = Y.encodeStateVector(copy)
  copy.transact(() => write(copy))
  return Y.encodeStateAsUpdate(copy, before)
}

function expectRefused(doc: Y.Doc, update: Uint8Array, error: string, budgetBytes?: number) {
  const before = Y.encodeStateAsUpdate(doc)
  expect(guardOf(doc, budgetBytes).receive(update, 'peer')).toEqual({ ok: false, error })
  expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
}

describe('space rules in the update guard', () => {
  it('refuses a root the schema does not know, and list content at a root', () => {
    const { doc } = space()
    expectRefused(
      doc,
      updateOn(doc, (d) => d.getMap('x').set('k', 1)),
      'unknown-content',
    )
    expectRefused(
      doc,
      updateOn(doc, (d) => d.getText('x').insert(0, 'a')),
      'unknown-content',
    )
    expectRefused(
      doc,
      updateOn(doc, (d) => d.getArray(ROOT.groups).push([1])),
      'unknown-content',
    )
  })

  it('refuses an unknown key of meta, and an entry of an entity root that is no entity', () => {
    const { doc } = space()
    expectRefused(
      doc,
      updateOn(doc, (d) => d.getMap(ROOT.meta).set('x', 1)),
      'unknown-content',
    )
    const plain = updateOn(doc, (d) => d.getMap(ROOT.groups).set('g-1', 'Food co-op'))
    expectRefused(doc, plain, 'unknown-content')
    const text = updateOn(doc, (d) => d.getMap(ROOT.meetings).set('m-1', new Y.Text('x')))
    expectRefused(doc, text, 'unknown-content')
  })

  it('refuses a document from a newer schema, whatever else it writes', () => {
    const { doc } = space()
    const newer = updateOn(doc, (d) => {
      d.getMap(ROOT.meta).set('schemaVersion', SCHEMA_VERSION + 1)
      d.getMap('aNewRoot').set('k', 1)
    })
    expectRefused(doc, newer, 'newer-schema')
    // the same or an older version is fine
    const same = updateOn(doc, (d) => d.getMap(ROOT.meta).set('schemaVersion', SCHEMA_VERSION))
    expect(guardOf(doc).receive(same, 'peer')).toMatchObject({ ok: true })
  })

  it(`refuses a root growing past ${MAX_ROOT_KEYS} entries, counting only new keys`, () => {
    const { doc } = space()
    const fill = (from: number, count: number) =>
      updateOn(doc, (d) => {
        const groups = d.getMap(ROOT.groups)
        for (let i = from; i < from + count; i++) groups.set(`g-${i}`, new Y.Map())
      })
    const most = fill(0, MAX_ROOT_KEYS - 1) // with the real group: exactly the limit
    expect(guardOf(doc).receive(most, 'peer')).toMatchObject({ ok: true, value: { applied: true } })
    expect(guardOf(doc).receive(most, 'peer')).toMatchObject({
      ok: true,
      value: { applied: false },
    })
    expectRefused(doc, fill(MAX_ROOT_KEYS, 1), 'over-budget')
    // a new value for a key already there is no new entry
    const edit = updateOn(doc, (d) =>
      (d.getMap(ROOT.groups).get('g-1') as Y.Map<unknown>).set('name', 'x'),
    )
    expect(guardOf(doc).receive(edit, 'peer')).toMatchObject({ ok: true, value: { applied: true } })
  }, 30_000)

  it('refuses what would take the space over its byte budget, but not what it holds already', () => {
    const source = space()
    const big = updateOn(source.doc, (d) => {
      const groups = d.getMap(ROOT.groups)
      const group = new Y.Map<unknown>()
      groups.set('g-big', group)
      group.set('summary', 'x'.repeat(20_000))
    })
    const doc = createSpaceDoc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(source.doc))
    expectRefused(doc, big, 'over-budget', 16_000)
    expect(guardOf(doc, 64_000).receive(big, 'peer')).toMatchObject({
      ok: true,
      value: { applied: true },
    })
    // at 21 KB the space is over a 16 KB budget now; the same content again adds nothing
    expect(guardOf(doc, 16_000).receive(big, 'peer')).toMatchObject({
      ok: true,
      value: { applied: false },
    })
  })

  it('checks only space documents: a bare Y.Doc takes any root', () => {
    const doc = new Y.Doc()
    const update = updateOn(doc, (d) => d.getMap('anything').set('k', 1))
    expect(guardOf(doc).receive(update, 'peer')).toMatchObject({
      ok: true,
      value: { applied: true },
    })
  })
})

describe('every path that receives updates refuses the same', () => {
  afterEach(() => vi.restoreAllMocks())

  it('a live peer: the message is refused with the rule it breaks, the space unchanged', () => {
    const { doc } = space()
    const sync = createPeerSync({
      doc,
      awareness: new Awareness(doc),
      guard: guardOf(doc),
      send: () => undefined,
    })
    const before = Y.encodeStateAsUpdate(doc)
    const hostile = updateOn(doc, (d) => d.getMap('x').set('k', 1))
    expect(sync.receive(encodeSyncUpdate(hostile))).toEqual({ ok: false, error: 'unknown-content' })
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })

  it('another tab: refused, the space unchanged', async () => {
    const { doc } = space()
    const name = `space-${crypto.randomUUID()}`
    const tab = createTabSync(doc, name)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const before = Y.encodeStateAsUpdate(doc)
    const other = new BroadcastChannel(name)
    other.postMessage({ type: 'update', update: updateOn(doc, (d) => d.getMap('x').set('k', 1)) })
    await vi.waitFor(() =>
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/refused: unknown-content/)),
    )
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
    other.close()
    tab?.destroy()
  })
})

const CHAIN = 20_000

describe('space rules on long chains', () => {
  it(`checks ${CHAIN} overwrites of two fields in one update, each placed through its origin`, () => {
    const { doc } = space()
    const update = updateOn(
      doc,
      (d) => {
        const [entity] = [...d.getMap<unknown>(ROOT.groups).values()]
        if (!(entity instanceof Y.Map)) throw new Error('no group')
        for (let i = 0; i < CHAIN; i++) entity.set(i % 2 ? 'note' : 'area', i) // no two merge
        d.getMap('x').set('k', 1) // and one write to an unknown root, at the end
      },
      false,
    ) // every overwrite kept: a chain of CHAIN origins
    expect(Y.decodeUpdate(update).structs.length).toBeGreaterThan(CHAIN / 2)
    const started = performance.now()
    expectRefused(doc, update, 'unknown-content')
    console.log(
      `${CHAIN} chained overwrites checked in ${(performance.now() - started).toFixed(0)} ms`,
    )
  }, 60_000)
})
