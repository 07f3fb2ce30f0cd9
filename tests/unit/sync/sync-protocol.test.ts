import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import { Awareness } from 'y-protocols/awareness'
import { CHUNK_SIZE, createReassembler, frameMessage } from '../../../src/sync/chunking'
import {
  createPeerSync,
  encodeSyncStep2,
  encodeSyncUpdate,
  MESSAGE_SYNC,
  type PeerSync,
} from '../../../src/sync/sync-protocol'
import { createUpdateGuard } from '../../../src/sync/update-guard'

/**
 * One device of the test: a doc, its awareness and the PeerSync towards the other device.
 * Messages travel through the real framing (16 KiB chunks) over an in-memory queue, and the
 * doc's own updates are forwarded the way provider.ts does it (never back to their origin).
 */
interface Device {
  readonly doc: Y.Doc
  readonly awareness: Awareness
  readonly sync: PeerSync
  readonly outbox: Uint8Array[]
  readonly errors: string[]
  exchanges: number
  synced: boolean
  sentMessages: number
}

function device(name: string, doc = new Y.Doc()): Device {
  const awareness = new Awareness(doc)
  awareness.setLocalState({ name, colour: '#112233' })
  const outbox: Uint8Array[] = []
  const guard = createUpdateGuard(doc, { maxUpdateBytes: 64 * 1024 * 1024 })
  let counter = 0
  const d: Device = {
    doc,
    awareness,
    outbox,
    errors: [],
    exchanges: 0,
    synced: false,
    sentMessages: 0,
    sync: createPeerSync({
      doc,
      awareness,
      guard,
      send(message) {
        d.sentMessages++
        for (const frame of frameMessage(counter++, message)) outbox.push(frame)
      },
      onExchange: () => d.exchanges++,
      onSynced: () => (d.synced = true),
    }),
  }
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== d.sync.origin) d.sync.sendUpdate(update)
  })
  return d
}

/** Deliver frames both ways until both outboxes are empty. */
function pump(a: Device, b: Device) {
  const ra = createReassembler()
  const rb = createReassembler()
  for (let rounds = 0; rounds < 100_000 && (a.outbox.length > 0 || b.outbox.length > 0); rounds++) {
    for (const [from, to, r] of [
      [a, b, rb],
      [b, a, ra],
    ] as const) {
      const frame = from.outbox.shift()
      if (!frame) continue
      expect(frame.length).toBeLessThanOrEqual(CHUNK_SIZE + 9)
      const out = r.push(frame)
      if (!out.ok) throw new Error(out.error)
      if (out.value) {
        const result = to.sync.receive(out.value)
        if (!result.ok) to.errors.push(result.error)
      }
    }
  }
}

/** Same state vector and same content (map keys compared in sorted order). */
function same(a: Y.Doc, b: Y.Doc): boolean {
  const content = (d: Y.Doc) => {
    const json = d.getMap('m').toJSON()
    return JSON.stringify(json, Object.keys(json).sort())
  }
  const sv = (d: Y.Doc) => [...Y.decodeStateVector(Y.encodeStateVector(d)).entries()].sort().join()
  return sv(a) === sv(b) && content(a) === content(b)
}

describe('PeerSync between two in-memory docs', () => {
  it('exchanges offline edits in both directions on start (sync step 1 / 2)', () => {
    const a = device('Ana')
    const b = device('Ben')
    a.doc.getMap('m').set('from-a', 1)
    b.doc.getMap('m').set('from-b', 2)
    a.sync.start()
    b.sync.start()
    pump(a, b)
    expect(a.errors).toEqual([])
    expect(b.errors).toEqual([])
    expect(b.doc.getMap('m').toJSON()).toEqual({ 'from-a': 1, 'from-b': 2 })
    expect(same(a.doc, b.doc)).toBe(true)
    expect(a.synced && b.synced).toBe(true)
    expect(a.exchanges).toBeGreaterThan(0)
  })

  it('sends a live edit once and never echoes it back to the peer it came from', () => {
    const a = device('Ana')
    const b = device('Ben')
    a.sync.start()
    b.sync.start()
    pump(a, b)
    const before = b.sentMessages
    a.doc.getMap('m').set('live', 'edit')
    pump(a, b)
    expect(b.doc.getMap('m').get('live')).toBe('edit')
    expect(b.sentMessages).toBe(before) // nothing went back to A
  })

  it('brings a 1 MB document whole to an empty one', () => {
    const a = device('Ana')
    const text = 'x'.repeat(1024)
    a.doc.transact(() => {
      for (let i = 0; i < 1024; i++) a.doc.getMap('m').set(`k${i}`, `${i}:${text}`)
    })
    expect(Y.encodeStateAsUpdate(a.doc).length).toBeGreaterThan(1024 * 1024)
    const b = device('Ben')
    a.sync.start()
    b.sync.start()
    pump(a, b)
    expect(b.errors).toEqual([])
    expect(b.doc.getMap('m').size).toBe(1024)
    expect(same(a.doc, b.doc)).toBe(true)
  })

  it('shares presence and forgets it when the peer goes', () => {
    const a = device('Ana')
    const b = device('Ben')
    a.sync.start()
    b.sync.start()
    pump(a, b)
    expect(b.awareness.getStates().get(a.doc.clientID)).toEqual({ name: 'Ana', colour: '#112233' })
    expect([...b.sync.clients]).toEqual([a.doc.clientID])
    b.sync.destroy()
    expect(b.awareness.getStates().has(a.doc.clientID)).toBe(false)
  })

  it('refuses broken messages without throwing and leaves the doc unchanged', () => {
    const a = device('Ana')
    a.doc.getMap('m').set('keep', 1)
    const before = Y.encodeStateAsUpdate(a.doc)
    const source = new Y.Doc()
    for (let i = 0; i < 50; i++) source.getMap('m').set(`e${i}`, i)
    const full = Y.encodeStateAsUpdate(source)
    const truncated = full.slice(0, Math.floor(full.length / 2))
    const garbage = [
      new Uint8Array([]),
      new Uint8Array([200]),
      new Uint8Array([MESSAGE_SYNC, 9, 0]),
      new Uint8Array([MESSAGE_SYNC, 0, 5, 1, 2]), // step 1 with a cut state vector
      encodeSyncUpdate(truncated),
      encodeSyncStep2(new Uint8Array([1, 2, 3, 4, 5, 6, 7])),
      (() => {
        const e = encoding.createEncoder()
        encoding.writeVarUint(e, 1) // awareness
        encoding.writeVarUint8Array(e, new Uint8Array([1, 2, 3]))
        return encoding.toUint8Array(e)
      })(),
    ]
    for (const message of garbage) {
      let result: ReturnType<PeerSync['receive']> | undefined
      expect(() => (result = a.sync.receive(message))).not.toThrow()
      expect(result?.ok, `message ${Array.from(message.slice(0, 8)).join(',')}`).toBe(false)
    }
    expect(a.doc.getMap('m').toJSON()).toEqual({ keep: 1 })
    expect(Buffer.from(Y.encodeStateAsUpdate(a.doc)).equals(Buffer.from(before))).toBe(true)
  })

  it('holds an update whose dependency is missing and applies it when the dependency arrives', () => {
    const source = new Y.Doc()
    const updates: Uint8Array[] = []
    source.on('update', (u: Uint8Array) => updates.push(u))
    source.getMap('m').set('first', 1)
    source.getMap('m').set('second', 2)
    const [first, second] = updates
    if (!first || !second) throw new Error('expected two updates')
    const b = device('Ben')
    expect(b.sync.receive(encodeSyncUpdate(second)).ok).toBe(true)
    expect(b.doc.getMap('m').has('second')).toBe(false)
    expect(b.sync.receive(encodeSyncUpdate(first)).ok).toBe(true)
    expect(b.doc.getMap('m').toJSON()).toEqual({ first: 1, second: 2 })
  })
})
