/**
 * In-memory peers for the convergence fuzzer: each one is what a session builds for a space
 * (the doc stores, the storage adapter on fake-indexeddb, the update guard) and each pair of
 * peers talks through attachPeerChannel, the provider's own wiring of chunking and the sync
 * protocol, over a fake data channel whose frames wait in a queue until the schedule delivers
 * them.
 */
import * as Y from 'yjs'
import { Awareness } from 'y-protocols/awareness'
import {
  createSpaceStores,
  initialiseSchema,
  type SpaceStores,
} from '../../../src/doc/space-stores'
import type { SpaceId } from '../../../src/domain/ids'
import type { WeaveDb } from '../../../src/storage/db'
import { attachPersistence } from '../../../src/storage/persistence'
import type { DocPersistence } from '../../../src/storage/types'
import type { BinaryChannel } from '../../../src/sync/chunking'
import { FRAME_FIRST, FRAME_WHOLE } from '../../../src/sync/chunking'
import { attachPeerChannel } from '../../../src/sync/peer-channel'
import type { PeerSync } from '../../../src/sync/sync-protocol'
import { createUpdateGuard, type UpdateGuard } from '../../../src/sync/update-guard'
import type { Random } from '../../support/convergence'

/** Largest message a peer accepts, and the frame size: small, so sync is chunked. */
export const MAX_MESSAGE_BYTES = 256 * 1024

export interface Peer {
  readonly index: number
  stores: SpaceStores
  awareness: Awareness
  guard: UpdateGuard
  persistence: DocPersistence | undefined
  /** a protocol violation this peer saw (expected only after a hostile message) */
  violations: string[]
  /** the document changed since the last check of the stores' caches */
  dirty: boolean
}

/** One direction of a link: frames waiting to be delivered, in order. */
interface Pipe {
  readonly to: number
  frames: Uint8Array[]
  channel: FakeChannel
}

interface FakeChannel extends BinaryChannel {
  /** frames this end sent go here */
  out: Uint8Array[]
}

function fakeChannel(): FakeChannel {
  const channel: FakeChannel = {
    out: [],
    bufferedAmount: 0,
    bufferedAmountLowThreshold: 0,
    onbufferedamountlow: null,
    onmessage: null,
    send(frame) {
      channel.out.push(frame.slice())
    },
  }
  return channel
}

interface Link {
  readonly a: number
  readonly b: number
  readonly pipes: [Pipe, Pipe]
  readonly syncs: [PeerSync, PeerSync]
  closed: boolean
}

export interface NetworkOptions {
  readonly peers: number
  readonly random: Random
  readonly now: () => number
  /** a database per peer, or none (in-memory only) */
  readonly dbs?: readonly WeaveDb[]
  readonly spaceId: SpaceId
  /** frame size: small ones make every sync chunked */
  readonly chunkSize: number
}

export function createNetwork(options: NetworkOptions) {
  const { random } = options
  let nextClient = 1 + random.int(1000)
  const peers: Peer[] = []
  const links = new Map<string, Link>()
  const key = (a: number, b: number) => (a < b ? `${a}-${b}` : `${b}-${a}`)

  async function buildPeer(index: number): Promise<Peer> {
    const doc = new Y.Doc({ gc: index % 2 === 0 })
    doc.clientID = nextClient++ // a reload is a new client, as in the app
    const stores = createSpaceStores(doc, { now: options.now, author: () => `peer ${index}` })
    const db = options.dbs?.[index]
    const persistence = db ? attachPersistence(db, options.spaceId, doc, { batchMs: 0 }) : undefined
    if (persistence) await persistence.whenLoaded
    initialiseSchema(doc)
    const awareness = new Awareness(doc)
    awareness.setLocalState(null)
    const guard = createUpdateGuard(doc, { maxUpdateBytes: MAX_MESSAGE_BYTES })
    const peer: Peer = { index, stores, awareness, guard, persistence, violations: [], dirty: true }
    // the provider's fan-out: every change goes to every open peer except the one it came from
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      peer.dirty = true
      for (const link of links.values()) {
        if (link.closed) continue
        const side = link.a === index ? 0 : link.b === index ? 1 : -1
        if (side < 0) continue
        const sync = link.syncs[side as 0 | 1]
        if (sync.origin !== origin) sync.sendUpdate(update)
      }
    })
    return peer
  }

  function connect(a: number, b: number) {
    if (a === b || links.get(key(a, b))?.closed === false) return
    const [ca, cb] = [fakeChannel(), fakeChannel()]
    const link = { a, b, closed: false } as Link & {
      pipes: [Pipe, Pipe]
      syncs: [PeerSync, PeerSync]
    }
    ;(link as { pipes: [Pipe, Pipe] }).pipes = [
      { to: b, frames: ca.out, channel: cb },
      { to: a, frames: cb.out, channel: ca },
    ]
    links.set(key(a, b), link)
    const attach = (self: number, channel: FakeChannel) =>
      attachPeerChannel(channel, {
        doc: peers[self]!.stores.doc,
        awareness: peers[self]!.awareness,
        guard: peers[self]!.guard,
        maxMessageBytes: MAX_MESSAGE_BYTES,
        chunkSize: options.chunkSize,
        onViolation: (error) => {
          peers[self]!.violations.push(error)
          disconnect(a, b) // the provider drops a peer that breaks the protocol
        },
        onRefused: () => disconnect(a, b),
      })
    ;(link as { syncs: [PeerSync, PeerSync] }).syncs = [attach(a, ca), attach(b, cb)]
  }

  function disconnect(a: number, b: number) {
    const link = links.get(key(a, b))
    if (!link || link.closed) return
    link.closed = true
    links.delete(key(a, b))
    link.syncs.forEach((sync) => sync.destroy())
  }

  const openPipes = () =>
    [...links.values()].flatMap((link) => link.pipes.filter((pipe) => pipe.frames.length > 0))

  function deliverFrame(pipe: Pipe, frame: Uint8Array) {
    const data = frame.slice().buffer
    pipe.channel.onmessage?.call(undefined as never, { data } as MessageEvent)
  }

  /** Delivers one frame somewhere: mostly in order; sometimes a whole message out of turn or twice. */
  function deliverOne(): boolean {
    const pipes = openPipes()
    if (pipes.length === 0) return false
    const pipe = random.pick(pipes)
    let index = 0
    if (random.chance(0.05)) {
      // a whole (unchunked) message may overtake others; chunks keep their order by id
      const wholes = pipe.frames.flatMap((f, i) => (f[0] === FRAME_WHOLE ? [i] : []))
      if (wholes.length > 0) index = random.pick(wholes)
    }
    const [frame] = pipe.frames.splice(index, 1)
    if (!frame) return false
    if (frame[0] === FRAME_WHOLE && random.chance(0.03)) pipe.frames.push(frame.slice()) // again later
    deliverFrame(pipe, frame)
    return true
  }

  function deliverAll(limit = 1_000_000) {
    for (let n = 0; n < limit && deliverOne(); n++);
  }

  /** A message no honest peer sends: must be refused and change nothing. */
  function hostile(to: number, from: number, kind: number, sample: Uint8Array) {
    const link = links.get(key(to, from))
    if (!link || link.closed) return
    const pipe = link.pipes.find((p) => p.to === to)!
    let frame: Uint8Array
    if (kind === 0) {
      // garbage
      frame = new Uint8Array(1 + random.int(options.chunkSize))
      for (let i = 1; i < frame.length; i++) frame[i] = random.int(256)
      frame[0] = FRAME_WHOLE
    } else if (kind === 1) {
      // a truncated update in a well-formed sync message: [sync=0, update=2, len, bytes]
      const cut = sample.subarray(0, Math.max(1, random.int(sample.length)))
      const body = [0, 2, ...varUint(cut.length), ...cut]
      frame = new Uint8Array([FRAME_WHOLE, ...body].slice(0, options.chunkSize + 1))
    } else {
      // oversized: a first frame announcing more than the limit
      frame = new Uint8Array(9 + 4)
      const view = new DataView(frame.buffer)
      view.setUint8(0, FRAME_FIRST)
      view.setUint32(1, 999)
      view.setUint32(5, MAX_MESSAGE_BYTES + 1 + random.int(1000))
    }
    deliverFrame(pipe, frame)
  }

  return {
    peers,
    async start() {
      for (let i = 0; i < options.peers; i++) peers.push(await buildPeer(i))
    },
    connect,
    disconnect,
    isConnected: (a: number, b: number) => links.get(key(a, b))?.closed === false,
    deliverOne,
    deliverAll,
    hostile,
    /** Closes the peer as a page does (flush, then gone) and opens it again from storage. */
    async reload(index: number) {
      const old = peers[index]!
      if (!old.persistence) return
      const others = peers.map((_, i) => i).filter((i) => this.isConnected(index, i))
      for (const other of others) disconnect(index, other)
      await old.persistence.flush()
      await old.persistence.destroy()
      old.awareness.destroy()
      old.stores.doc.destroy()
      peers[index] = await buildPeer(index)
      for (const other of others) connect(index, other)
    },
    async close() {
      for (const link of [...links.values()]) disconnect(link.a, link.b)
      for (const peer of peers) {
        await peer.persistence?.flush()
        await peer.persistence?.destroy()
        peer.awareness.destroy()
        peer.stores.doc.destroy()
      }
    },
  }
}

export type Network = ReturnType<typeof createNetwork>

function varUint(n: number): number[] {
  const out: number[] = []
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80)
    n >>>= 7
  }
  out.push(n)
  return out
}
