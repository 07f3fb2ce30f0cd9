/**
 * Convergence harness: N documents apply seeded random operations while their updates are
 * delivered in random order, duplicated and sometimes dropped; dropped ones are made up at the
 * end by a state-vector exchange (as a reconnecting peer would). Then every document must be
 * identical and the domain invariants must hold on each.
 */
import * as Y from 'yjs'
import { expect } from 'vitest'

/** Small seeded PRNG (mulberry32): the same seed replays the same run. */
export function seededRandom(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    pick<T>(items: readonly T[]): T {
      const item = items[Math.floor(next() * items.length)]
      if (item === undefined) throw new Error('pick from an empty list')
      return item
    },
    chance: (p: number) => next() < p,
  }
}
export type Random = ReturnType<typeof seededRandom>

export interface ConvergenceRun<S> {
  /** How many documents (peers). */
  readonly peers: number
  readonly seed: number
  /** Operations in total across all peers. */
  readonly steps: number
  /** Builds what a peer holds over its document (stores). */
  readonly setup: (doc: Y.Doc, peer: number) => S
  /** One random operation on one peer. */
  readonly operate: (state: S, random: Random, peer: number) => void
  /** What must be identical everywhere (plain data). */
  readonly project: (state: S) => unknown
  /** Domain invariants checked on each peer at the end. */
  readonly invariants?: (state: S) => void
  /** Probability that a delivery is dropped (made up at the end). Default 0.1. */
  readonly dropRate?: number
}

export function runConvergence<S>(run: ConvergenceRun<S>): { states: S[]; docs: Y.Doc[] } {
  const random = seededRandom(run.seed)
  const docs = Array.from({ length: run.peers }, (_, i) => new Y.Doc({ gc: i % 2 === 0 }))
  const states = docs.map((doc, peer) => run.setup(doc, peer))
  const inbox: { to: number; update: Uint8Array }[] = []
  const REMOTE = Symbol('remote')

  docs.forEach((doc, from) => {
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) return // relayed updates are not re-sent: a peer sends its own
      for (let to = 0; to < run.peers; to++) if (to !== from) inbox.push({ to, update })
    })
  })

  const deliver = (index: number) => {
    const [message] = inbox.splice(index, 1)
    if (!message) return
    const dropped = random.chance(run.dropRate ?? 0.1)
    if (!dropped) Y.applyUpdate(docs[message.to]!, message.update, REMOTE)
    if (!dropped && random.chance(0.1)) inbox.push(message) // duplicate, delivered again later
  }

  for (let step = 0; step < run.steps; step++) {
    const peer = random.int(run.peers)
    run.operate(states[peer]!, random, peer)
    // deliver a random number of pending messages, in random order
    const deliveries = random.int(3)
    for (let d = 0; d < deliveries && inbox.length > 0; d++) deliver(random.int(inbox.length))
  }
  while (inbox.length > 0) deliver(random.int(inbox.length))

  // Make up for dropped messages: every peer asks every other for what it lacks.
  for (let round = 0; round < 2; round++) {
    for (const a of docs) {
      for (const b of docs) {
        if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), REMOTE)
      }
    }
  }

  const first = run.project(states[0]!)
  states.forEach((state, peer) => {
    expect(run.project(state), `peer ${peer} differs from peer 0`).toEqual(first)
    run.invariants?.(state)
  })
  return { states, docs }
}
