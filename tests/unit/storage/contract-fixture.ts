/**
 * What the persistence contract suites share: a backend under test, and helpers that open a
 * space the way a caller does (new Y.Doc, attach, wait for the load).
 */
import * as Y from 'yjs'
import { newSpaceId, type SpaceId } from '../../../src/domain/ids'
import type { WeaveDb } from '../../../src/storage/db'
import type { PersistenceOptions } from '../../../src/storage/persistence'
import type { DocPersistence } from '../../../src/storage/types'

export interface PersistenceBackend {
  /** Opens a connection to the database called `name` (a second call is a second connection). */
  readonly openDb: (name: string) => WeaveDb
  readonly attach: (
    db: WeaveDb,
    spaceId: SpaceId,
    doc: Y.Doc,
    options?: PersistenceOptions,
  ) => DocPersistence
  /** Log rows the backend keeps for a space. */
  readonly countRows: (db: WeaveDb, spaceId: SpaceId) => Promise<number>
  readonly hasSnapshot: (db: WeaveDb, spaceId: SpaceId) => Promise<boolean>
}

export interface Opened {
  readonly doc: Y.Doc
  readonly persistence: DocPersistence
}

export const notes = (doc: Y.Doc) => doc.getText('notes')
export const text = (doc: Y.Doc) => notes(doc).toJSON()

export function fixture(backend: PersistenceBackend) {
  /** A fresh database (its own name) and a fresh space in it. */
  function fresh() {
    const name = `contract-${crypto.randomUUID()}`
    return { name, db: backend.openDb(name), spaceId: newSpaceId() }
  }

  async function open(db: WeaveDb, spaceId: SpaceId, options?: PersistenceOptions) {
    const doc = new Y.Doc()
    const persistence = backend.attach(db, spaceId, doc, options)
    const report = await persistence.whenLoaded
    return { doc, persistence, report }
  }

  /** Opens, reads the text, closes: what a user would see on the next start. */
  async function textAfterReopen(db: WeaveDb, spaceId: SpaceId) {
    const { doc, persistence } = await open(db, spaceId)
    await persistence.destroy()
    return text(doc)
  }

  /** Writes `count` edits to the notes, each its own write (so each its own log row). */
  async function writeRows(opened: Opened, count: number, letter: string) {
    for (let i = 0; i < count; i++) {
      notes(opened.doc).insert(notes(opened.doc).length, letter)
      await opened.persistence.flush()
    }
  }

  return { fresh, open, textAfterReopen, writeRows, ...backend }
}
