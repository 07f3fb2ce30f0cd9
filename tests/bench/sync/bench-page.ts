/**
 * Runs in Chromium for scripts/bench-sync.mjs, one page per device (each in its own browser
 * process). The sender holds a space built once from random text (so nothing compresses it);
 * a receiver starts empty and records, with its own clock, when its content equals the
 * sender's. Figures only: nothing here asserts a time.
 */
import * as Y from 'yjs'
import { createSyncProvider, type SyncProvider } from '../../../src/sync/provider'
import { fileRoundTrip, yjsApplyMs } from './file-bench'
import { contentHash, fillRandom } from './space-content'

export interface Expected {
  readonly entries: number
  readonly sha256: string
}

export interface SpaceSummary extends Expected {
  readonly updateBytes: number
}

export interface Room {
  readonly spaceId: string
  readonly key: string
  readonly signallingUrl: string
}

export interface Arrival {
  /** ms from receive() to the first open peer link */
  readonly connectMs: number | undefined
  /** ms from receive() to the update that completed the space (its hash checked after) */
  readonly completeMs: number
}

const SMALL = 'small'
let source: Uint8Array | undefined
let doc = new Y.Doc()
let provider: SyncProvider | undefined
let arrival: Arrival | undefined
const oneWayMs: number[] = []

/** Wall-clock milliseconds with sub-millisecond resolution, comparable across processes. */
const wallNow = () => performance.timeOrigin + performance.now()
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function sourceUpdate(): Uint8Array {
  if (!source) throw new Error('prepare() first')
  return source
}

/** A new doc (the old one and its provider gone) joined to `room`. */
async function join(room: Room, name: string, fill?: (d: Y.Doc) => void): Promise<void> {
  provider?.destroy()
  doc.destroy()
  doc = new Y.Doc()
  fill?.(doc)
  provider = createSyncProvider({
    doc,
    spaceId: room.spaceId,
    key: room.key,
    signallingUrls: [room.signallingUrl],
    iceServers: [],
    localState: { name, colour: '#2a6f4e' },
  })
  provider.connect()
  await provider.ready()
}

const api = {
  /** Builds the space every later call uses: about `bytes` of random text. */
  async prepare(bytes: number): Promise<SpaceSummary> {
    const built = new Y.Doc()
    fillRandom(built, bytes)
    source = Y.encodeStateAsUpdate(built)
    const summary = {
      updateBytes: source.byteLength,
      entries: built.getMap('big').size,
      sha256: await contentHash(built),
    }
    built.destroy()
    return summary
  },

  /** Joins `room` holding the prepared space. */
  send(room: Room): Promise<void> {
    const update = sourceUpdate()
    return join(room, 'sender', (d) => Y.applyUpdate(d, update))
  },

  /** Joins `room` with an empty doc; arrival() says when it holds `expected`. */
  async receive(room: Room, expected: Expected): Promise<void> {
    arrival = undefined
    const startedAt = performance.now()
    let connectedAt: number | undefined
    let verifying = false
    let again = false
    const verify = async (d: Y.Doc, at: number) => {
      if (verifying) return void (again = true)
      verifying = true
      const same = (await contentHash(d)) === expected.sha256
      verifying = false
      if (same) {
        const connectMs = connectedAt === undefined ? undefined : connectedAt - startedAt
        arrival ??= { connectMs, completeMs: at - startedAt }
      } else if (again) {
        again = false
        await verify(d, performance.now())
      }
    }
    await join(room, 'receiver', (d) =>
      d.on('update', () => {
        if (arrival || d.getMap('big').size < expected.entries) return
        void verify(d, performance.now())
      }),
    )
    const status = provider?.status
    status?.subscribe(() => {
      if (connectedAt === undefined && status.getStatus().peers > 0) connectedAt = performance.now()
    })
  },

  arrival: (): Arrival | undefined => arrival,

  /** Joins `room` with an empty doc (for the latency test). */
  join: (room: Room, name: string): Promise<void> => join(room, name),
  peers: (): number => provider?.status.getStatus().peers ?? 0,

  /** Replies to every ping with a pong carrying the same sequence number. */
  echo(): void {
    const map = doc.getMap<string>(SMALL)
    map.observe((event, transaction) => {
      if (transaction.local || !event.keysChanged.has('ping')) return
      const [seq = '', sentAt = ''] = (map.get('ping') ?? '').split(' ')
      oneWayMs.push(wallNow() - Number(sentAt))
      queueMicrotask(() => map.set('pong', seq)) // a new transaction, not one inside the observer
    })
  },

  /** The one-way delays this page saw since the last call, and forgets them. */
  takeOneWayMs: (): number[] => oneWayMs.splice(0),

  /** `count` pings, one at a time: each waits for its pong (or 5 s) and `gapMs` before the next. */
  async ping(count: number, gapMs: number): Promise<{ roundTripMs: number[]; lost: number }> {
    const map = doc.getMap<string>(SMALL)
    let waiting: { seq: string; done: () => void } | undefined
    const onPong = (event: Y.YMapEvent<string>) => {
      if (waiting && event.keysChanged.has('pong') && map.get('pong') === waiting.seq)
        waiting.done()
    }
    map.observe(onPong)
    const roundTripMs: number[] = []
    let lost = 0
    for (let i = 0; i < count; i++) {
      const seq = `${Date.now()}-${i}`
      const back = new Promise<boolean>((resolve) => {
        waiting = { seq, done: () => resolve(true) }
        setTimeout(() => resolve(false), 5_000)
      })
      const sentAt = performance.now()
      map.set('ping', `${seq} ${wallNow()}`)
      if (await back) roundTripMs.push(performance.now() - sentAt)
      else lost++
      await sleep(gapMs)
    }
    map.unobserve(onPong)
    return { roundTripMs, lost }
  },

  stop(): void {
    provider?.destroy()
    provider = undefined
  },

  debug: () => ({ status: provider?.status.getStatus(), ...provider?.debug() }),
  yjsApplyMs: (runs: number) => yjsApplyMs(sourceUpdate(), runs),
  fileRoundTrip: (runs: number) => fileRoundTrip(sourceUpdate(), runs),
}

export type SyncBenchApi = typeof api

declare global {
  interface Window {
    syncBench: SyncBenchApi
  }
}

window.syncBench = api
