import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { createCollection } from '../../../src/doc/collection'
import { readString } from '../../../src/doc/read'
import { createSpaceDoc } from '../../../src/doc/schema'
import type { EntityMeta } from '../../../src/domain/entity'

interface Note extends EntityMeta {
  readonly title: string
}

/** A collection whose reader counts its calls and ignores a nested `body` text. */
function notes(doc = createSpaceDoc()) {
  let reads = 0
  const collection = createCollection<Note>(doc, {
    root: 'notes',
    read: (id, fields, meta) => {
      reads++
      const title = readString(fields, 'title')
      return title ? { ...meta, id, title } : undefined
    },
    compare: (a, b) => a.title.localeCompare(b.title),
  })
  return { doc, collection, reads: () => reads }
}

describe('collection snapshots', () => {
  it('re-reads only the entity a change touched, and keeps the others as they were', () => {
    const { doc, collection, reads } = notes()
    const ids = Array.from({ length: 100 }, (_, i) =>
      collection.add({ title: `note ${i}` }, (entity) => entity.set('body', new Y.Text())),
    )
    const before = collection.getSnapshot()
    expect(before.items).toHaveLength(100)
    const readsBefore = reads()

    collection.update(ids[5]!, { title: 'renamed' })
    const after = collection.getSnapshot()
    expect(reads() - readsBefore).toBe(1)
    expect(after).not.toBe(before)
    expect(after.byId.get(ids[5]!)?.title).toBe('renamed')
    expect(after.byId.get(ids[6]!)).toBe(before.byId.get(ids[6]!)) // the same object

    // typing in a nested text the reader does not show: the same snapshot, nothing to redraw
    const body = (doc.getMap('notes').get(ids[7]!) as Y.Map<unknown>).get('body') as Y.Text
    body.insert(0, 'typed')
    expect(collection.getSnapshot()).toBe(after)
    expect(reads() - readsBefore).toBe(2)
  })

  it('follows entities a peer adds, repairs, deletes or replaces', () => {
    const { doc, collection } = notes()
    const peer = notes()
    const sync = () => {
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer.doc, Y.encodeStateVector(doc)))
      Y.applyUpdate(peer.doc, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(peer.doc)))
    }
    const id = peer.collection.add({ title: '' }) // malformed: no title
    sync()
    expect(collection.getSnapshot()).toMatchObject({ items: [], skipped: 1 })
    peer.collection.update(id, { title: 'repaired' })
    sync()
    expect(collection.getSnapshot()).toMatchObject({ items: [{ title: 'repaired' }], skipped: 0 })
    peer.collection.softDelete(id)
    sync()
    expect(collection.getSnapshot().trash.map((n) => n.title)).toEqual(['repaired'])
    expect(peer.collection.purgeDeleted()).toBe(1)
    sync()
    expect(collection.getSnapshot()).toMatchObject({ items: [], trash: [], skipped: 0 })
    doc.getMap('notes').set(id, 'not an entity')
    expect(collection.getSnapshot().skipped).toBe(1)
  })
})
