import { describe, expect, it } from 'vitest'
import {
  CHUNK_SIZE,
  createReassembler,
  createSendQueue,
  frameMessage,
  FRAME_FIRST,
  FRAME_NEXT,
  FRAME_WHOLE,
  type FrameChannel,
} from '../../../src/sync/chunking'

/** Deterministic bytes so a wrong offset shows up as a wrong byte. */
function bytes(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length)
  let x = seed
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0
    out[i] = x >>> 24
  }
  return out
}

function roundTrip(message: Uint8Array, id = 7): Uint8Array {
  const r = createReassembler()
  let result: Uint8Array | undefined
  for (const frame of frameMessage(id, message)) {
    expect(frame.length).toBeLessThanOrEqual(CHUNK_SIZE + 9)
    const out = r.push(frame)
    expect(out.ok).toBe(true)
    if (out.ok && out.value) {
      expect(result).toBeUndefined()
      result = out.value
    }
  }
  expect(r.partialCount).toBe(0)
  expect(r.pendingBytes).toBe(0)
  if (!result) throw new Error('message never completed')
  return result
}

/** toEqual on megabytes of Uint8Array is very slow: compare as Buffers. */
function expectSame(actual: Uint8Array | undefined, expected: Uint8Array) {
  expect(actual).toBeDefined()
  expect(Buffer.from(actual ?? []).equals(Buffer.from(expected))).toBe(true)
}

function frame(...parts: number[][]): Uint8Array {
  return new Uint8Array(parts.flat())
}
const u32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]

describe('frameMessage + reassembler', () => {
  it.each([
    0,
    1,
    100,
    CHUNK_SIZE - 1,
    CHUNK_SIZE,
    CHUNK_SIZE + 1,
    2 * CHUNK_SIZE,
    3 * CHUNK_SIZE + 17,
  ])('round-trips %i bytes', (size) => {
    const message = bytes(size, size + 1)
    expectSame(roundTrip(message), message)
  })

  it('sends exactly 16 KiB as one whole frame and 16 KiB + 1 as two', () => {
    expect([...frameMessage(1, bytes(CHUNK_SIZE))].map((f) => f[0])).toEqual([FRAME_WHOLE])
    expect([...frameMessage(1, bytes(CHUNK_SIZE + 1))].map((f) => f[0])).toEqual([
      FRAME_FIRST,
      FRAME_NEXT,
    ])
  })

  it('round-trips random sizes', () => {
    for (let i = 0; i < 40; i++) {
      const size = Math.floor(Math.random() * 200_000)
      const message = bytes(size, i)
      expectSame(roundTrip(message, i), message)
    }
  })

  it('round-trips 5 MB in 16 KiB chunks', () => {
    const message = bytes(5 * 1024 * 1024, 5)
    const frames = [...frameMessage(99, message)]
    expect(frames.length).toBe(320)
    expect(Math.max(...frames.map((f) => f.length))).toBeLessThanOrEqual(CHUNK_SIZE + 9)
    expectSame(roundTrip(message), message)
  })

  it('reassembles two messages whose chunks are interleaved', () => {
    const a = bytes(100_000, 1)
    const b = bytes(70_000, 2)
    const fa = [...frameMessage(1, a)]
    const fb = [...frameMessage(2, b)]
    const r = createReassembler()
    const done: Uint8Array[] = []
    while (fa.length > 0 || fb.length > 0) {
      for (const f of [fa.shift(), fb.shift()]) {
        if (!f) continue
        const out = r.push(f)
        expect(out.ok).toBe(true)
        if (out.ok && out.value) done.push(out.value)
      }
    }
    expect(done.length).toBe(2) // b has fewer chunks, so it completes first
    expectSame(done[0], b)
    expectSame(done[1], a)
  })

  it('rejects malformed frames without throwing', () => {
    const cases: Uint8Array[] = [
      new Uint8Array(0),
      frame([9, 1, 2, 3]), // unknown kind
      frame([FRAME_FIRST, 0, 0]), // header cut short
      frame([FRAME_NEXT, ...u32(5)]), // no payload
      frame([FRAME_NEXT, ...u32(5), 1, 2, 3]), // chunk of a message never started
      frame([FRAME_FIRST, ...u32(1), ...u32(2), 1, 2, 3]), // longer than its total
      new Uint8Array(CHUNK_SIZE + 2), // whole frame over the chunk size (kind 0)
    ]
    for (const f of cases) {
      const r = createReassembler()
      const out = r.push(f)
      expect(out.ok, `frame ${Array.from(f.slice(0, 12)).join(',')}`).toBe(false)
    }
  })

  it('rejects chunks that overrun their message and ids reused while in progress', () => {
    const r = createReassembler()
    expect(r.push(frame([FRAME_FIRST, ...u32(1), ...u32(4), 1, 2]))).toEqual({
      ok: true,
      value: undefined,
    })
    expect(r.push(frame([FRAME_FIRST, ...u32(1), ...u32(4), 1, 2])).ok).toBe(false)
    expect(r.push(frame([FRAME_NEXT, ...u32(1), 3, 4, 5])).ok).toBe(false)
    const done = r.push(frame([FRAME_NEXT, ...u32(1), 3, 4]))
    expect(done).toEqual({ ok: true, value: new Uint8Array([1, 2, 3, 4]) })
  })

  it('enforces the size, concurrency and pending-bytes limits', () => {
    const small = createReassembler({ maxMessageBytes: 1000 })
    expect(small.push(frame([FRAME_FIRST, ...u32(1), ...u32(1001), 1])).ok).toBe(false)
    expect(small.push(frame([FRAME_FIRST, ...u32(1), ...u32(1000), 1])).ok).toBe(true)

    const few = createReassembler({ maxPartialMessages: 2 })
    expect(few.push(frame([FRAME_FIRST, ...u32(1), ...u32(10), 1])).ok).toBe(true)
    expect(few.push(frame([FRAME_FIRST, ...u32(2), ...u32(10), 1])).ok).toBe(true)
    expect(few.push(frame([FRAME_FIRST, ...u32(3), ...u32(10), 1])).ok).toBe(false)

    const tight = createReassembler({ maxPendingBytes: 4 })
    expect(tight.push(frame([FRAME_FIRST, ...u32(1), ...u32(10), 1, 2, 3]))).toEqual({
      ok: true,
      value: undefined,
    })
    expect(tight.push(frame([FRAME_NEXT, ...u32(1), 4, 5])).ok).toBe(false)

    // a 4 GB claim allocates nothing up front
    const big = createReassembler()
    expect(big.push(frame([FRAME_FIRST, ...u32(1), ...u32(0xffffffff), 1])).ok).toBe(false)
  })

  it('never throws on random garbage', () => {
    const r = createReassembler({ maxMessageBytes: 100_000 })
    for (let i = 0; i < 2000; i++) {
      const f = bytes(Math.floor(Math.random() * 40), i)
      f[0] = i % 4
      expect(() => r.push(f)).not.toThrow()
    }
  })
})

class FakeChannel implements FrameChannel {
  bufferedAmount = 0
  readonly sent: Uint8Array[] = []
  send(frame: Uint8Array) {
    this.sent.push(frame)
    this.bufferedAmount += frame.length
  }
  /** the network drains everything */
  drain() {
    this.bufferedAmount = 0
  }
}

describe('send queue', () => {
  it('stops at the high-water mark and resumes when pumped after a drain', () => {
    const channel = new FakeChannel()
    const queue = createSendQueue({ channel, highWaterMark: 64 * 1024 })
    queue.enqueue(bytes(1024 * 1024))
    expect(channel.sent.length).toBe(4) // 4 x 16 KiB reach the high-water mark
    expect(queue.pendingMessages).toBe(1)
    let rounds = 0
    while (queue.pendingMessages > 0 && rounds++ < 100) {
      channel.drain()
      queue.pump()
    }
    expect(channel.sent.length).toBe(64)
    expect(queue.pendingMessages).toBe(0)
  })

  it('lets a small message through between the chunks of a big one', () => {
    const channel = new FakeChannel()
    const queue = createSendQueue({ channel, highWaterMark: 32 * 1024 })
    const big = bytes(2 * 1024 * 1024, 1)
    queue.enqueue(big)
    const before = channel.sent.length
    queue.enqueue(new Uint8Array([42, 43]))
    channel.drain()
    queue.pump()
    // the small message leaves within the next two frames, not after the 128 of the big one
    const position = channel.sent.findIndex((f) => f[0] === FRAME_WHOLE)
    expect(position).toBeGreaterThanOrEqual(before)
    expect(position).toBeLessThanOrEqual(before + 2)

    const r = createReassembler()
    const out: Uint8Array[] = []
    for (let rounds = 0; queue.pendingMessages > 0 && rounds < 1000; rounds++) {
      channel.drain()
      queue.pump()
    }
    for (const f of channel.sent) {
      const res = r.push(f)
      if (res.ok && res.value) out.push(res.value)
    }
    expect(out.length).toBe(2)
    expectSame(out[0], new Uint8Array([42, 43]))
    expectSame(out[1], big)
  })

  it('reports a refusing channel once and drops what is queued', () => {
    const errors: unknown[] = []
    const queue = createSendQueue({
      channel: {
        bufferedAmount: 0,
        send() {
          throw new Error('InvalidStateError')
        },
      },
      onError: (e) => errors.push(e),
    })
    queue.enqueue(bytes(100_000))
    queue.enqueue(bytes(10))
    expect(errors.length).toBe(1)
    expect(queue.pendingMessages).toBe(0)
  })
})
