/**
 * The shape of a space's Y.Doc: root names and the schema version. Every other doc/ module
 * reads and writes through these names, so a rename happens in one place.
 */
import * as Y from 'yjs'

/** Bumped when the meaning of stored data changes; readers accept older versions. */
export const SCHEMA_VERSION = 1

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
} as const

/** Transaction origin of edits made on this device, so adapters can tell them apart. */
export const LOCAL = Symbol('weave-local-edit')

/** The Y.Doc of one space. Other layers hold it as an opaque handle. */
export type SpaceDoc = Y.Doc

export function createSpaceDoc(): SpaceDoc {
  return new Y.Doc({ gc: true })
}

/** Writes the schema version once; harmless if two devices do it concurrently. */
export function initialiseSchema(doc: SpaceDoc): void {
  const meta = doc.getMap<unknown>(ROOT.meta)
  if (meta.get('schemaVersion') === undefined) {
    doc.transact(() => meta.set('schemaVersion', SCHEMA_VERSION), LOCAL)
  }
}

export function readSchemaVersion(doc: SpaceDoc): number | undefined {
  const value = doc.getMap<unknown>(ROOT.meta).get('schemaVersion')
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined
}
