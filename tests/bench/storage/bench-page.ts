/**
 * Runs in Chromium: stores the same documents through our adapter and through y-indexeddb,
 * then measures opening them (after 1 and after 20 opens) and what they leave on disk.
 */
import { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'
import { newSpaceId } from '../../../src/domain/ids'
import { openWeaveDb } from '../../../src/storage/db'
import { attachPersistence } from '../../../src/storage/persistence'

export interface Row {
  document: string
  adapter: string
  'write ms': number
  'open #1 ms': number
  'rows after 1': number
  'KB after 1': number
  'open #20 ms': number
  'rows after 20': number
  'KB after 20': number
}

type Build = (doc: Y.Doc) => void

const scenarios: Record<string, Build> = {
  '10,000 small edits': (doc) => {
    const text = doc.getText('notes')
    for (let i = 0; i < 10_000; i++) text.insert(i, String.fromCharCode(97 + (i % 26)))
  },
  'about 2 MB (200 × 10 KB)': (doc) => {
    const text = doc.getText('notes')
    const chunk = 'lorem ipsum dolor sit amet '.repeat(380).slice(0, 10_000)
    for (let i = 0; i < 200; i++) text.insert(text.length, chunk)
  },
}

interface Adapter {
  open(doc: Y.Doc): Promise<() => Promise<void>>
  measure(): Promise<{ rows: number; bytes: number }>
}

function ours(): Adapter {
  const db = openWeaveDb(`bench-weave-${crypto.randomUUID()}`)
  const spaceId = newSpaceId()
  return {
    async open(doc) {
      const persistence = attachPersistence(db, spaceId, doc)
      await persistence.whenLoaded
      return () => persistence.destroy()
    },
    async measure() {
      const rows = await db.updates.where('spaceId').equals(spaceId).toArray()
      const snapshot = await db.snapshots.get(spaceId)
      return {
        rows: rows.length + (snapshot ? 1 : 0),
        bytes:
          rows.reduce((sum, row) => sum + row.update.byteLength, 0) +
          (snapshot?.state.byteLength ?? 0),
      }
    },
  }
}

function yIndexeddb(): Adapter {
  const name = `bench-yidb-${crypto.randomUUID()}`
  return {
    async open(doc) {
      const persistence = new IndexeddbPersistence(name, doc)
      await persistence.whenSynced
      // destroy() closes the database; IndexedDB finishes pending writes before it closes.
      return () => persistence.destroy()
    },
    measure: () =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open(name)
        request.onerror = () => reject(request.error ?? new Error('open failed'))
        request.onsuccess = () => {
          const db = request.result
          const all = db.transaction('updates').objectStore('updates').getAll()
          all.onsuccess = () => {
            const rows = all.result as Uint8Array[]
            db.close()
            resolve({
              rows: rows.length,
              bytes: rows.reduce((sum, row) => sum + row.byteLength, 0),
            })
          }
        }
      }),
  }
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10
const ms = (start: number) => Math.round((performance.now() - start) * 10) / 10

async function openOnce(adapter: Adapter): Promise<{ ms: number; doc: Y.Doc }> {
  const doc = new Y.Doc()
  const start = performance.now()
  const close = await adapter.open(doc)
  const took = ms(start)
  await close()
  return { ms: took, doc }
}

export async function runStorageBench(): Promise<{ rows: Row[]; parse: Record<string, number> }> {
  const rows: Row[] = []
  const parse: Record<string, number> = {}
  for (const [document, build] of Object.entries(scenarios)) {
    for (const [name, make] of [
      ['Weave (Dexie log + snapshot)', ours],
      ['y-indexeddb 9.0.12', yIndexeddb],
    ] as const) {
      const adapter = make()
      const source = new Y.Doc()
      const start = performance.now()
      const close = await adapter.open(source)
      build(source)
      await close()
      // A read from a new connection waits for every pending write: only then is it all on disk.
      await adapter.measure()
      const writeMs = ms(start)
      const first = await openOnce(adapter)
      const after1 = await adapter.measure()
      let last = first
      for (let i = 2; i <= 20; i++) last = await openOnce(adapter)
      const after20 = await adapter.measure()
      if (last.doc.getText('notes').length !== source.getText('notes').length)
        throw new Error(`${name} lost data`)
      rows.push({
        document,
        adapter: name,
        'write ms': writeMs,
        'open #1 ms': first.ms,
        'rows after 1': after1.rows,
        'KB after 1': kb(after1.bytes),
        'open #20 ms': last.ms,
        'rows after 20': after20.rows,
        'KB after 20': kb(after20.bytes),
      })
    }
    const builtDoc = new Y.Doc()
    build(builtDoc)
    const state = Y.encodeStateAsUpdate(builtDoc)
    const start = performance.now()
    Y.applyUpdate(new Y.Doc(), state)
    parse[`${document} (${kb(state.byteLength)} KB compacted)`] = ms(start)
  }
  return { rows, parse }
}

;(window as unknown as { runStorageBench: typeof runStorageBench }).runStorageBench =
  runStorageBench
