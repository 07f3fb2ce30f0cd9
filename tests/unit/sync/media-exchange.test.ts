import { describe, expect, it } from 'vitest'
import { newSpaceKey } from '../../../src/domain/ids'
import { sha256Hex } from '../../../src/domain/media'
import { fail, ok, type Result } from '../../../src/domain/result'
import {
  createMediaExchange,
  deriveMediaKey,
  type MediaItem,
  type PartialItem,
} from '../../../src/sync/media-exchange'

/** 100 KB that are not all alike, so a chunk out of place would show. */
const photo = () => Uint8Array.from({ length: 100_000 }, (_, i) => (i * 31 + (i >> 8)) & 0xff)

/** A phone's bytes; `put` checks the hash as storage/media-repo.ts does. */
function phoneStore() {
  const items = new Map<string, MediaItem>()
  return {
    items,
    source: async (hash: string) => Promise.resolve(items.get(hash)),
    sink: async (hash: string, item: MediaItem): Promise<Result> => {
      if ((await sha256Hex(item.bytes)) !== hash) return fail('hash-mismatch')
      items.set(hash, item)
      return ok()
    },
  }
}

type Wire = (message: Uint8Array, index: number) => Uint8Array | undefined

/** Amal has the photo; Ben asks for it. `wire` may alter or drop what reaches Ben. */
async function transfer(
  options: {
    amalKey: CryptoKey
    benKey: CryptoKey
    amalSends?: (hash: string) => Promise<MediaItem | undefined>
    wire?: Wire
    partials?: Map<string, PartialItem>
  },
  hash: string,
) {
  const ben = phoneStore()
  const toAmal: Uint8Array[] = []
  const toBen: Uint8Array[] = []
  const amal = createMediaExchange({
    key: options.amalKey,
    send: (m) => toBen.push(m),
    source: options.amalSends ?? (() => Promise.resolve(undefined)),
    sink: () => Promise.resolve(ok()),
    chunkBytes: 16 * 1024,
  })
  const benSide = createMediaExchange({
    key: options.benKey,
    send: (m) => toAmal.push(m),
    source: ben.source,
    sink: ben.sink,
    chunkBytes: 16 * 1024,
    ...(options.partials ? { partials: options.partials } : {}),
  })
  benSide.ask([hash])
  const results: string[] = []
  let sent = 0
  while (toAmal.length || toBen.length) {
    const forAmal = toAmal.shift()
    if (forAmal) {
      const read = await amal.receive(forAmal)
      if (!read.ok) results.push(`amal: ${read.error}`)
    }
    const forBen = toBen.shift()
    if (forBen) {
      const arriving = options.wire ? options.wire(forBen, sent) : forBen
      sent++
      if (!arriving) continue
      const read = await benSide.receive(arriving)
      if (!read.ok) results.push(read.error)
    }
  }
  return { ben, results, sent, pending: benSide.pending() }
}

describe('media bytes between two phones', async () => {
  const spaceKey = newSpaceKey()
  const key = await deriveMediaKey(spaceKey)
  const bytes = photo()
  const hash = await sha256Hex(bytes)
  const amalHas = (h: string) =>
    Promise.resolve(h === hash ? { bytes, mime: 'image/jpeg' } : undefined)

  it('sends what the other phone asks for in encrypted chunks, stored once the hash matches', async () => {
    // the same key on both phones: derived from the space key they share
    const { ben, results, sent } = await transfer(
      { amalKey: key, benKey: await deriveMediaKey(spaceKey), amalSends: amalHas },
      hash,
    )
    expect(results).toEqual([])
    expect(sent).toBe(Math.ceil(100_000 / (16 * 1024)))
    expect(ben.items.get(hash)).toEqual({ bytes, mime: 'image/jpeg' })
    // what crossed the wire is not the photo's bytes in the clear
    const wire: Uint8Array[] = []
    await transfer(
      {
        amalKey: key,
        benKey: key,
        amalSends: amalHas,
        wire: (m) => {
          wire.push(m)
          return m
        },
      },
      hash,
    )
    const clear = Buffer.from(bytes.subarray(20_000, 20_064))
    expect(wire.some((m) => Buffer.from(m).includes(clear))).toBe(false)
  })

  it('refuses a tampered chunk and stores nothing', async () => {
    const { ben, results } = await transfer(
      {
        amalKey: key,
        benKey: key,
        amalSends: amalHas,
        wire: (m, i) => {
          if (i !== 2) return m
          const altered = m.slice()
          altered[altered.length - 20] = (altered[altered.length - 20] ?? 0) ^ 1
          return altered
        },
      },
      hash,
    )
    expect(results[0]).toBe('bad-chunk')
    expect(ben.items.size).toBe(0)
  })

  it('refuses chunks sealed with another space’s key', async () => {
    const { ben, results } = await transfer(
      { amalKey: await deriveMediaKey(newSpaceKey()), benKey: key, amalSends: amalHas },
      hash,
    )
    expect(results[0]).toBe('bad-chunk')
    expect(ben.items.size).toBe(0)
  })

  it('refuses other bytes sent under the hash asked for (a hash mismatch)', async () => {
    const other = photo().map((b) => b ^ 0x55)
    const { ben, results } = await transfer(
      {
        amalKey: key,
        benKey: key,
        amalSends: () => Promise.resolve({ bytes: other, mime: 'image/jpeg' }),
      },
      hash,
    )
    expect(results).toEqual(['hash-mismatch'])
    expect(ben.items.size).toBe(0)
  })

  it('resumes a cut transfer from the first chunk it lacks', async () => {
    const partials = new Map<string, PartialItem>()
    const cut = await transfer(
      {
        amalKey: key,
        benKey: key,
        amalSends: amalHas,
        partials,
        wire: (m, i) => (i < 3 ? m : undefined),
      },
      hash,
    )
    expect(cut.ben.items.size).toBe(0)
    expect(partials.get(hash)?.parts.filter(Boolean)).toHaveLength(3)
    const resumed = await transfer(
      { amalKey: key, benKey: key, amalSends: amalHas, partials },
      hash,
    )
    expect(resumed.sent).toBe(Math.ceil(100_000 / (16 * 1024)) - 3)
    expect(resumed.results).toEqual([])
    expect(resumed.ben.items.get(hash)?.bytes).toEqual(bytes)
  })

  it('hears "none" when the other phone lacks it too, and ignores what it did not ask for', async () => {
    const { results, pending } = await transfer({ amalKey: key, benKey: key }, hash)
    expect(results).toEqual([])
    expect(pending).toEqual([])
    const ben = createMediaExchange({
      key,
      send: () => undefined,
      source: () => Promise.resolve(undefined),
      sink: () => Promise.resolve(ok()),
    })
    const toBen: Uint8Array[] = []
    const amal = createMediaExchange({
      key,
      send: (m) => toBen.push(m),
      source: amalHas,
      sink: () => Promise.resolve(ok()),
    })
    // Amal answers an ask Ben never made (forged): Ben refuses the chunks
    const ask = createMediaExchange({
      key,
      send: (m) => void amal.receive(m),
      source: () => Promise.resolve(undefined),
      sink: () => Promise.resolve(ok()),
    })
    ask.ask([hash])
    await new Promise((done) => setTimeout(done, 50))
    expect(toBen.length).toBeGreaterThan(0)
    expect(await ben.receive(toBen[0] ?? new Uint8Array())).toEqual({
      ok: false,
      error: 'not-asked',
    })
    expect(await ben.receive(new Uint8Array([8, 1, 200]))).toEqual({
      ok: false,
      error: 'malformed',
    })
  })
})
