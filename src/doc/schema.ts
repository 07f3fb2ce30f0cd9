/**
 * The shape of a space's Y.Doc: root names and the schema version. Every other doc/ module
 * reads and writes through these names, so a rename happens in one place.
 */
import * as Y from 'yjs'

/**
 * Bumped when the meaning of stored data changes; readers accept older versions. A document
 * whose `meta.schemaVersion` is higher was written by a newer app: this app refuses updates that
 * carry it (sync/space-rules.ts), says so, and keeps its own copy as it was, rather than reading
 * data whose meaning it does not know and writing its guesses back to every phone.
 *
 * So a version that adds a root, a key of `meta` or a list at a root (all refused by older
 * apps as unknown content), or changes what a field means, raises this number and writes it
 * into the spaces it changes; older phones then say "made by a newer version of Weave".
 */
export const SCHEMA_VERSION = 3

/**
 * What a new space is written with: the oldest version that describes its content, so a phone
 * whose app is one version behind can still share a space until the space uses what is new.
 * Version 2 added proposals (doc/proposal-store.ts raises a space to it with its first one),
 * version 3 photos and voice notes (doc/media-store.ts, likewise).
 */
export const BASE_SCHEMA_VERSION = 1

/** Keys of the `meta` root; anything else there is refused from peers and files. */
export const META_KEYS: ReadonlySet<string> = new Set(['schemaVersion'])

export const ROOT = {
  meta: 'meta',
  groups: 'groups',
  criteria: 'criteria',
  meetings: 'meetings',
  stipends: 'stipends',
  payments: 'payments',
  skills: 'skills',
  skillEntries: 'skillEntries',
  exchanges: 'exchanges',
  templates: 'templates',
  proposals: 'proposals',
  media: 'media',
} as const

/** Transaction origin of edits made on this device, so adapters can tell them apart. */
export const LOCAL = Symbol('weave-local-edit')

/** Roots whose every entry is an entity: a nested Y.Map of fields (doc/collection.ts). */
export const ENTITY_ROOTS: ReadonlySet<string> = new Set([
  ROOT.groups,
  ROOT.meetings,
  ROOT.payments,
  ROOT.skillEntries,
  ROOT.exchanges,
  ROOT.templates,
  ROOT.proposals,
  ROOT.media,
])

/** The Y.Doc of one space. Other layers hold it as an opaque handle. */
export type SpaceDoc = Y.Doc

const spaceDocs = new WeakSet<Y.Doc>()

export function createSpaceDoc(): SpaceDoc {
  const doc = new Y.Doc({ gc: true })
  spaceDocs.add(doc)
  return doc
}

/** True for a space's document, whose updates must fit the schema (a bare Y.Doc has none). */
export const isSpaceDoc = (doc: Y.Doc): boolean => spaceDocs.has(doc)

/** Writes the schema version once; harmless if two devices do it concurrently. */
export function initialiseSchema(doc: SpaceDoc): void {
  const meta = doc.getMap<unknown>(ROOT.meta)
  if (meta.get('schemaVersion') === undefined) {
    doc.transact(() => meta.set('schemaVersion', BASE_SCHEMA_VERSION), LOCAL)
  }
}

export function readSchemaVersion(doc: SpaceDoc): number | undefined {
  const value = doc.getMap<unknown>(ROOT.meta).get('schemaVersion')
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined
}
