/**
 * Well-formed sync files that try to store what the app does not show (found by hostile tests):
 * 200,000 entries in a root the schema does not know, in `meta`, or as empty entities in
 * `groups`, each a 4–5 MB file. Each is refused with its reason and leaves the space as it was;
 * the time to open the space and read its groups list is measured (and printed, never asserted)
 * before, after the refused import, and after the same file merged without the rules.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { initialiseSchema, ROOT } from '../../../src/doc/schema'
import { createSpaceStores } from '../../../src/doc/space-stores'
import { exampleGroups } from '../../../src/domain/example-network'
import { newSpaceId, newSpaceKey } from '../../../src/domain/ids'
import { exportSpaceFile, importSpaceFile } from '../../../src/sync/space-file'

const spaceId = newSpaceId()
const spaceKey = newSpaceKey()
const ENTRIES = 200_000

/** A space of 40 groups, as a phone holds it. */
function realSpace() {
  const stores = createSpaceStores()
  initialiseSchema(stores.doc)
  for (let round = 0; round < 10; round++)
    for (const example of exampleGroups('en')) {
      const id = stores.groups.addGroup({
        ...example.fields,
        name: `${example.fields.name} ${round}`,
      })
      for (const person of example.people) stores.groups.addPerson(id, person)
    }
  return stores
}

/** Milliseconds to open a space from its stored state and read its groups list. */
function openAndListGroups(state: Uint8Array): { ms: number; groups: number } {
  const started = performance.now()
  const stores = createSpaceStores()
  Y.applyUpdate(stores.doc, state)
  const groups = stores.groups.getSnapshot().items.length
  const ms = performance.now() - started
  stores.doc.destroy()
  return { ms, groups }
}

/** A sync file of this space that also writes `write` (on a copy that had it all). */
async function hostileFile(doc: Y.Doc, write: (copy: Y.Doc) => void) {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  copy.transact(() => write(copy))
  const file = await exportSpaceFile(copy, { spaceId, spaceKey, spaceName: 'Leeds network' })
  if (!file.ok) throw new Error(file.error)
  return { text: file.value.text, state: Y.encodeStateAsUpdate(copy) }
}

const VARIANTS = [
  {
    name: 'an unknown root',
    error: 'unknown-content',
    write: (d: Y.Doc) => {
      const junk = d.getMap<number>('x')
      for (let i = 0; i < ENTRIES; i++) junk.set(`k${i}`, i)
    },
  },
  {
    name: 'unknown keys of meta',
    error: 'unknown-content',
    write: (d: Y.Doc) => {
      const meta = d.getMap<number>(ROOT.meta)
      for (let i = 0; i < ENTRIES; i++) meta.set(`k${i}`, i)
    },
  },
  {
    name: 'empty entities in groups',
    error: 'over-budget',
    write: (d: Y.Doc) => {
      const groups = d.getMap<unknown>(ROOT.groups)
      for (let i = 0; i < ENTRIES; i++) groups.set(`g-${i.toString(36)}`, new Y.Map())
    },
  },
] as const

describe('hostile sync files', () => {
  for (const variant of VARIANTS) {
    it(`refuses ${ENTRIES} entries in ${variant.name}, and the space stays as fast`, async () => {
      const stores = realSpace()
      const before = Y.encodeStateAsUpdate(stores.doc)
      const { text, state } = await hostileFile(stores.doc, variant.write)
      expect(text.length).toBeGreaterThan(3 * 1024 * 1024) // a file of 4–5 MB

      const result = await importSpaceFile(stores.doc, text, { spaceId, spaceKey })
      expect(result).toEqual({ ok: false, error: variant.error })
      expect(Y.encodeStateAsUpdate(stores.doc)).toEqual(before)

      const fresh = openAndListGroups(before)
      const refused = openAndListGroups(Y.encodeStateAsUpdate(stores.doc))
      const unguarded = openAndListGroups(state) // what the phone held before the rules
      expect(refused.groups).toBe(40)
      expect(unguarded.groups).toBe(40)
      console.log(
        `${variant.name}: file ${(text.length / 1024 / 1024).toFixed(1)} MB; open + list ` +
          `${fresh.groups} groups: before ${fresh.ms.toFixed(0)} ms, after the refused import ` +
          `${refused.ms.toFixed(0)} ms, had it been merged ${unguarded.ms.toFixed(0)} ms`,
      )
    }, 60_000)
  }

  it('says what it stored when no list shows it, not "nothing new"', async () => {
    const stores = realSpace()
    const other = createSpaceStores()
    Y.applyUpdate(other.doc, Y.encodeStateAsUpdate(stores.doc))
    other.stipends.saveSettings({ ...other.stipends.settings.getSnapshot(), currency: 'EUR' })
    const file = await exportSpaceFile(other.doc, { spaceId, spaceKey, spaceName: 'Leeds' })
    if (!file.ok) throw new Error(file.error)
    const result = await importSpaceFile(stores.doc, file.value.text, { spaceId, spaceKey })
    expect(result).toEqual({
      ok: true,
      value: {
        held: false,
        changes: {},
        storedBytes: expect.any(Number) as number,
      },
    })
    expect(result.ok && result.value.storedBytes).toBeGreaterThan(2)
    expect(stores.stipends.settings.getSnapshot().currency).toBe('EUR')
    // opened again: all of it is here, so nothing is stored and nothing is new
    const again = await importSpaceFile(stores.doc, file.value.text, { spaceId, spaceKey })
    expect(again).toEqual({ ok: true, value: { held: false, changes: {}, storedBytes: 0 } })
  })
})
