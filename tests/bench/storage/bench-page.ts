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

type Build = (doc: Y.Doc) => Promise<void>

/** Lets the event loop run (timers, IndexedDB callbacks), as between two keystrokes. */
const nextTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      resolve()
    }
    channel.port2.postMessage(undefined)
  })

const scenarios: Record<string, Build> = {
  '10,000 small edits, one burst': async (doc) => {
    const text = doc.getText('notes')
    for (let i = 0; i < 10_000; i++) text.insert(i, String.fromCharCode(97 + (i % 26)))
    await Promise.resolve()
  },
  '10,000 map sets, one per task': async (doc) => {
    const map = doc.getMap<number>('skills')
    for (let i = 0; i < 10_000; i++) {
      map.set(`skill-${String(i % 300)}`, i)
      await nextTask()
    }
  },
  'about 2 MB (200 × 10 KB)': async (doc) => {
    const text = doc.getText('notes')
    const chunk = 'lorem ipsum dolor sit amet '.repeat(380).slice(0, 10_000)
    for (let i = 0; i < 200; i++) text.insert(text.length, chunk)
    await Promise.resolve()
  },
}

interface Adapter {
  open(doc: Y.Doc): Promise<{ close: () => Promise<void> }>
  measure(): Promise<{ rows: number; bytes: number }>
}

function ours(): Adapter {
  const db = openWeaveDb(`bench-weave-${crypto.randomUUID()}`)
  const spaceId = newSpaceId()
  return {
    async open(doc) {
      const persistence = attachPersistence(db, spaceId, doc)
      await persistence.whenLoaded
      return { close: () => persistence.destroy() }
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
      // Each update is its own transaction, already started; destroy() closes the database,
      // and IndexedDB finishes pending writes before it closes.
      return { close: () => persistence.destroy() }
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

/** What Yjs alone needs to open the compacted state: the floor for any adapter. */
export interface ParseRow {
  document: string
  'compacted KB': number
  'apply ms (median of 5)': number
  'decode check ms': number
}

function median(run: () => unknown): number {
  const times = Array.from({ length: 5 }, () => {
    const start = performance.now()
    run()
    return performance.now() - start
  }).sort((a, b) => a - b)
  return Math.round((times[2] ?? 0) * 100) / 100
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10
const ms = (start: number) => Math.round((performance.now() - start) * 10) / 10

async function openOnce(adapter: Adapter): Promise<{ ms: number; doc: Y.Doc }> {
  const doc = new Y.Doc()
  const start = performance.now()
  const { close } = await adapter.open(doc)
  const took = ms(start)
  await close()
  return { ms: took, doc }
}

export async function runStorageBench(): Promise<{ rows: Row[]; parse: ParseRow[] }> {
  const rows: Row[] = []
  const parse: ParseRow[] = []
  for (const [document, build] of Object.entries(scenarios)) {
    for (const [name, make] of [
      ['Weave (Dexie log + snapshot)', ours],
      ['y-indexeddb 9.0.12', yIndexeddb],
    ] as const) {
      const adapter = make()
      const source = new Y.Doc()
      const start = performance.now()
      const { close } = await adapter.open(source)
      await build(source)
      await close()
      // A read from a new connection waits for every pending write: only then is it all on disk.
      await adapter.measure()
      const writeMs = ms(start)
      const first = await openOnce(adapter)
      const after1 = await adapter.measure()
      let last = first
      for (let i = 2; i <= 20; i++) last = await openOnce(adapter)
      const after20 = await adapter.measure()
      const content = (doc: Y.Doc) =>
        JSON.stringify([doc.getText('notes').toJSON(), doc.getMap('skills').toJSON()])
      const same = (doc: Y.Doc) => content(doc) === content(source)
      if (!same(first.doc) || !same(last.doc)) throw new Error(`${name} lost data`)
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
    await build(builtDoc)
    const state = Y.encodeStateAsUpdate(builtDoc)
    parse.push({
      document,
      'compacted KB': kb(state.byteLength),
      'apply ms (median of 5)': median(() => {
        Y.applyUpdate(new Y.Doc(), state)
      }),
      'decode check ms': median(() => Y.decodeUpdate(state)),
    })
  }
  return { rows, parse }
}

;(window as unknown as { runStorageBench: typeof runStorageBench }).runStorageBench =
  runStorageBench
