/**
 * One fuzz schedule: 3–5 peers run random commands while their messages are delivered in a
 * random order (some twice), links break and come back, a peer reloads from storage, and now
 * and then a hostile message arrives. After every step each store's cached snapshot must equal
 * a fresh read of the same document; at the end, once every link is healed and every message
 * delivered, all peers must hold the same data, state vector and delete set.
 * Everything follows from the seed (ids and clocks too), so a seed replays exactly.
 */
import { isDeepStrictEqual } from 'node:util'
import * as Y from 'yjs'
import { vi } from 'vitest'
import { createSpaceStores, type SpaceStores } from '../../../src/doc/space-stores'
import type { SpaceId } from '../../../src/domain/ids'
import { buildSkillsMap, matchNeeds } from '../../../src/domain/skill-matching'
import { balances, matrixCells } from '../../../src/domain/skill-tallies'
import { report } from '../../../src/domain/stipends'
import { openWeaveDb } from '../../../src/storage/db'
import { seededRandom } from '../../support/convergence'
import { createNetwork, type Peer } from './network'
import { randomOperation } from './operations'

export interface ScheduleShape {
  readonly peers: number
  readonly steps: number
  /** peers keep their document in (fake) IndexedDB and may reload from it */
  readonly storage: boolean
  readonly chunkSize: number
}

/** Mostly short schedules; one seed in 500 is long, one in 8 uses storage. */
export function shapeOf(seed: number): ScheduleShape {
  const random = seededRandom(seed ^ 0x5bd1e995)
  const long = seed % 500 === 0
  return {
    peers: long || random.chance(0.2) ? 3 + random.int(3) : 3,
    steps: long ? 150 + random.int(100) : 4 + random.int(16),
    storage: long || seed % 8 === 0,
    chunkSize: random.pick([64, 512, 16 * 1024]),
  }
}

export interface ScheduleStats {
  readonly operations: Record<string, number>
  readonly hostile: number
  readonly reloads: number
  readonly frames: number
}

/** Plain data of every store, as React would read it. */
export function snapshotOf(stores: SpaceStores) {
  const meetings = stores.meetings.getSnapshot()
  return {
    groups: stores.groups.getSnapshot(),
    criteria: stores.criteria.getSnapshot(),
    meetings,
    notes: [...meetings.items, ...meetings.trash].map((m) => [
      m.id,
      stores.meetings.notesText(m.id),
    ]),
    stipendSettings: stores.stipends.settings.getSnapshot(),
    payments: stores.stipends.payments.getSnapshot(),
    skills: stores.skills.skills.getSnapshot(),
    entries: stores.skills.entries.getSnapshot(),
    exchanges: stores.skills.exchanges.getSnapshot(),
    templates: stores.templates.getSnapshot(),
  }
}

/** What stores built afresh on a copy of the same document read. */
function freshSnapshot(doc: Y.Doc) {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  const snapshot = snapshotOf(createSpaceStores(copy))
  copy.destroy()
  return snapshot
}

export class ScheduleFailure extends Error {}

function fail(seed: number, message: string, detail?: unknown): never {
  const extra =
    detail === undefined ? '' : `\n${JSON.stringify(detail, replacer, 1).slice(0, 4000)}`
  throw new ScheduleFailure(
    `seed ${seed}: ${message} (replay: SEED=${seed} npm run test:unit)${extra}`,
  )
}
const replacer = (_key: string, value: unknown): unknown =>
  value instanceof Map ? (Object.fromEntries(value) as unknown) : value

function checkCache(seed: number, peer: Peer, step: number, lastOp: string) {
  if (!peer.dirty) return // unchanged since it was last found equal
  peer.dirty = false
  const cached = snapshotOf(peer.stores)
  const fresh = freshSnapshot(peer.stores.doc)
  if (!isDeepStrictEqual(cached, fresh))
    fail(
      seed,
      `peer ${peer.index} cached snapshot differs from a fresh read after step ${step} (${lastOp})`,
      {
        cached,
        fresh,
      },
    )
}

/** The readers that join data across stores must cope with whatever merged. */
function readAcross(stores: SpaceStores) {
  const groups = stores.groups.getSnapshot().items
  const map = buildSkillsMap({
    skills: stores.skills.skills.getSnapshot().all,
    entries: stores.skills.entries.getSnapshot().items,
    exchanges: stores.skills.exchanges.getSnapshot().items,
    groups,
  })
  const live = new Set(groups.map((g) => g.id))
  for (const entry of map.entries)
    if (!live.has(entry.groupId)) return 'an entry of a missing group'
  for (const entry of map.entries)
    if (!map.byId.has(entry.skill)) return 'an entry of a missing skill'
  matchNeeds(map)
  balances(stores.skills.exchanges.getSnapshot().items, [...live])
  matrixCells(map)
  report(
    '2026-03',
    groups,
    stores.meetings.getSnapshot().items,
    stores.stipends.payments.getSnapshot().items,
    stores.stipends.settings.getSnapshot(),
  )
  return undefined
}

let databases = 0

export async function runSchedule(seed: number): Promise<ScheduleStats> {
  const shape = shapeOf(seed)
  const random = seededRandom(seed)
  const idRandom = seededRandom(seed ^ 0x2545f491)
  const spy = vi
    .spyOn(globalThis.crypto, 'getRandomValues')
    .mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
      if (array) {
        const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength)
        for (let i = 0; i < bytes.length; i++) bytes[i] = idRandom.int(256)
      }
      return array
    })
  let clock = Date.UTC(2026, 2, 1)
  const dbs = shape.storage
    ? Array.from({ length: shape.peers }, () => openWeaveDb(`fuzz-${seed}-${databases++}`))
    : undefined
  const net = createNetwork({
    peers: shape.peers,
    random,
    now: () => clock,
    spaceId: `space-${seed}` as SpaceId,
    chunkSize: shape.chunkSize,
    ...(dbs ? { dbs } : {}),
  })
  const stats = { operations: {} as Record<string, number>, hostile: 0, reloads: 0, frames: 0 }
  try {
    await net.start()
    const pairs: [number, number][] = []
    for (let a = 0; a < shape.peers; a++)
      for (let b = a + 1; b < shape.peers; b++) pairs.push([a, b])
    for (const [a, b] of pairs) if (random.chance(0.7)) net.connect(a, b)

    for (let step = 0; step < shape.steps; step++) {
      clock += 1 + random.int(60_000)
      const roll = random.next()
      let what = 'deliver'
      if (roll < 0.6) {
        const peer = random.pick(net.peers)
        what = randomOperation(peer.stores, random)
        stats.operations[what] = (stats.operations[what] ?? 0) + 1
      } else if (roll < 0.66) {
        const [a, b] = random.pick(pairs)
        net.disconnect(a, b)
        what = 'partition'
      } else if (roll < 0.74) {
        const [a, b] = random.pick(pairs)
        net.connect(a, b)
        what = 'reconnect'
      } else if (roll < 0.77 && shape.storage) {
        await net.reload(random.int(shape.peers))
        stats.reloads++
        what = 'reload'
      } else if (roll < 0.8) {
        const [a, b] = random.pick(pairs)
        const [to, from] = random.chance(0.5) ? [a, b] : [b, a]
        const peer = net.peers[to]!
        const before = snapshotOf(peer.stores)
        const vector = Y.encodeStateVector(peer.stores.doc)
        net.hostile(to, from, random.int(3), Y.encodeStateAsUpdate(peer.stores.doc))
        if (
          !isDeepStrictEqual(Y.encodeStateVector(peer.stores.doc), vector) ||
          !isDeepStrictEqual(snapshotOf(peer.stores), before)
        )
          fail(seed, `a hostile message changed peer ${to}`)
        stats.hostile++
        what = 'hostile'
      }
      const deliveries = random.int(12)
      for (let d = 0; d < deliveries && net.deliverOne(); d++) stats.frames++
      for (const peer of net.peers) checkCache(seed, peer, step, what)
    }

    // heal: every link back, everything delivered (sync step 1/2 makes up for what was lost)
    for (const [a, b] of pairs) net.connect(a, b)
    net.deliverAll()
    const [first, ...rest] = net.peers
    const expected = snapshotOf(first!.stores)
    const vector = Y.snapshot(first!.stores.doc)
    for (const peer of net.peers) {
      peer.dirty = true
      checkCache(seed, peer, shape.steps, 'end')
      if (peer.guard.heldCount() > 0) fail(seed, `peer ${peer.index} still holds updates`)
      const store = peer.stores.doc.store
      if (store.pendingStructs || store.pendingDs)
        fail(seed, `peer ${peer.index} has pending structs`)
      const dangling = readAcross(peer.stores)
      if (dangling) fail(seed, `peer ${peer.index}: ${dangling}`)
    }
    for (const peer of rest) {
      if (!Y.equalSnapshots(vector, Y.snapshot(peer.stores.doc)))
        fail(seed, `peer ${peer.index} state vector or delete set differs from peer 0`)
      const actual = snapshotOf(peer.stores)
      if (!isDeepStrictEqual(actual, expected))
        fail(seed, `peer ${peer.index} differs from peer 0`, { peer0: expected, other: actual })
    }
    return stats
  } finally {
    await net.close()
    spy.mockRestore()
    if (dbs) for (const db of dbs) await db.delete()
  }
}
