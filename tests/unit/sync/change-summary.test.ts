import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { countChanges, recordChanges } from '../../../src/sync/change-summary'
import { ROOT } from '../../../src/doc/schema'

// Entities are laid out as doc/collection.ts stores them: one nested Y.Map per id in a root map.
function addEntity(doc: Y.Doc, root: string, id: string, fields: Record<string, unknown>) {
  doc.transact(() => {
    const entity = new Y.Map<unknown>()
    for (const [key, value] of Object.entries(fields)) entity.set(key, value)
    doc.getMap<unknown>(root).set(id, entity)
  })
}

function entity(doc: Y.Doc, root: string, id: string): Y.Map<unknown> {
  const value = doc.getMap<unknown>(root).get(id)
  if (!(value instanceof Y.Map)) throw new Error(`no entity ${id}`)
  return value as Y.Map<unknown>
}

function peerPair() {
  const here = new Y.Doc()
  const there = new Y.Doc()
  addEntity(there, ROOT.groups, 'group-aaaa', { name: 'Food co-op', createdAt: 1 })
  addEntity(there, ROOT.groups, 'group-bbbb', { name: 'Timebank', createdAt: 1 })
  addEntity(there, 'meetings', 'meeting-aaaa', { title: 'Dialogue', createdAt: 1 })
  Y.applyUpdate(here, Y.encodeStateAsUpdate(there))
  return { here, there }
}

/** Applies what `there` has and `here` lacks, as a file import would, and records it. */
function pull(here: Y.Doc, there: Y.Doc, origin: unknown = 'import') {
  const update = Y.encodeStateAsUpdate(there, Y.encodeStateVector(here))
  return recordChanges(here, () => Y.applyUpdate(here, update, origin), origin).changes
}

describe('change summary', () => {
  it('counts added, updated and removed entities per root', () => {
    const { here, there } = peerPair()
    addEntity(there, ROOT.groups, 'group-cccc', { name: 'Land trust', createdAt: 2 })
    entity(there, ROOT.groups, 'group-aaaa').set('name', 'Food co-op (north)')
    there.getMap(ROOT.groups).delete('group-bbbb') // purged for good
    entity(there, 'meetings', 'meeting-aaaa').set('deletedAt', 5) // a soft delete is an update

    const changes = pull(here, there)
    expect(changes).toEqual({
      [ROOT.groups]: { added: 1, updated: 1, removed: 1 },
      meetings: { added: 0, updated: 1, removed: 0 },
    })
    expect(countChanges(changes)).toBe(4)
  })

  it('names the entities added, per root', () => {
    const { here, there } = peerPair()
    addEntity(there, ROOT.groups, 'group-cccc', { name: 'Land trust', createdAt: 2 })
    entity(there, ROOT.groups, 'group-aaaa').set('name', 'Food co-op (north)')
    const update = Y.encodeStateAsUpdate(there, Y.encodeStateVector(here))
    const { addedIds } = recordChanges(here, () => Y.applyUpdate(here, update))
    expect(addedIds).toEqual({ [ROOT.groups]: ['group-cccc'] })
  })

  it('counts an entity once however many of its fields changed', () => {
    const { here, there } = peerPair()
    there.transact(() => {
      entity(there, ROOT.groups, 'group-aaaa').set('name', 'Renamed')
      entity(there, ROOT.groups, 'group-aaaa').set('area', 'North')
    })
    entity(there, ROOT.groups, 'group-aaaa').set('updatedAt', 9)
    expect(pull(here, there)).toEqual({ [ROOT.groups]: { added: 0, updated: 1, removed: 0 } })
  })

  it('counts an entity added then edited elsewhere as added only', () => {
    const { here, there } = peerPair()
    addEntity(there, 'meetings', 'meeting-bbbb', { title: 'Workshop', createdAt: 3 })
    entity(there, 'meetings', 'meeting-bbbb').set('title', 'Bookkeeping workshop')
    expect(pull(here, there)).toEqual({ meetings: { added: 1, updated: 0, removed: 0 } })
  })

  it('counts an edit inside a nested text as an update of its entity', () => {
    const { here, there } = peerPair()
    const notes = new Y.Text()
    entity(there, 'meetings', 'meeting-aaaa').set('notes', notes)
    Y.applyUpdate(here, Y.encodeStateAsUpdate(there))
    notes.insert(0, 'We agreed to share the van.')
    expect(pull(here, there)).toEqual({ meetings: { added: 0, updated: 1, removed: 0 } })
  })

  it('works for roots the schema does not list yet, typed here or only seen in data', () => {
    const { here, there } = peerPair()
    here.getMap('skills') // a skills store opened on this device
    addEntity(there, 'skills', 'skill-aaaa', { label: 'Bookkeeping', createdAt: 4 })
    // `meetings` reached `here` only as data: no store on this device has asked for it.
    expect(here.share.get('meetings')).not.toBeInstanceOf(Y.Map)
    entity(there, 'meetings', 'meeting-aaaa').set('title', 'Dialogue space')
    expect(pull(here, there)).toEqual({
      skills: { added: 1, updated: 0, removed: 0 },
      meetings: { added: 0, updated: 1, removed: 0 },
    })
  })

  it('ignores plain values at the root (meta), which are not entities', () => {
    const { here, there } = peerPair()
    there.getMap(ROOT.meta).set('schemaVersion', 2)
    expect(pull(here, there)).toEqual({})
  })

  it('counts only transactions of the given origin', () => {
    const { here, there } = peerPair()
    entity(there, ROOT.groups, 'group-aaaa').set('name', 'From a peer')
    const peerUpdate = Y.encodeStateAsUpdate(there, Y.encodeStateVector(here))
    const { changes } = recordChanges(here, () => Y.applyUpdate(here, peerUpdate, 'peer'), 'import')
    expect(changes).toEqual({})
  })

  it('says nothing changed when the update brings nothing new', () => {
    const { here, there } = peerPair()
    const changes = pull(here, there)
    expect(changes).toEqual({})
    expect(countChanges(changes)).toBe(0)
  })

  it('does not count a concurrent edit that lost to the value already here', () => {
    const { here, there } = peerPair()
    here.clientID = 1 // Yjs keeps the higher client id's value for concurrent map sets
    there.clientID = 2
    entity(here, ROOT.groups, 'group-aaaa').set('name', 'Here')
    entity(there, ROOT.groups, 'group-aaaa').set('name', 'There')
    const hereEdit = Y.encodeStateAsUpdate(here)
    // `there` wins on `here` (higher client id): one update, with the value changing.
    expect(pull(here, there)).toEqual({ [ROOT.groups]: { added: 0, updated: 1, removed: 0 } })
    // Applying `here`'s losing edit on `there`: nothing visible changes.
    const changes = recordChanges(there, () => Y.applyUpdate(there, hereEdit, 'import'), 'import')
    expect(entity(there, ROOT.groups, 'group-aaaa').get('name')).toBe('There')
    expect(changes.changes).toEqual({})
  })

  it('stops observing once done', () => {
    const { here, there } = peerPair()
    pull(here, there)
    const groups = here.getMap(ROOT.groups) as unknown as { _dEH: { l: unknown[] } }
    expect(groups._dEH.l).toHaveLength(0)
  })
})
