#!/usr/bin/env node
// Draws Weave's icons (a woven mark: two warm threads over and under on dark green) as PNGs
// with node:zlib only, so no image library is needed. Run once; the files are committed.
import { deflateSync } from 'node:zlib'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

const out = join(import.meta.dirname, '../public')
const BG = [0x1f, 0x5f, 0x4a]
const WEFT = [0xf2, 0xc1, 0x4e] // horizontal threads
const WARP = [0xf4, 0xf1, 0xe8] // vertical threads

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(bytes) {
  let c = 0xffffffff
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}
function png(size, pixel) {
  const raw = Buffer.alloc((size * 3 + 1) * size)
  for (let y = 0; y < size; y++) {
    raw[y * (size * 3 + 1)] = 0 // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b] = pixel(x / size, y / size)
      const i = y * (size * 3 + 1) + 1 + x * 3
      raw[i] = r
      raw[i + 1] = g
      raw[i + 2] = b
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 8 // bit depth
  header[9] = 2 // truecolour RGB, no alpha: iOS home-screen icons must be opaque
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** The mark in a unit square scaled into [inset, 1 - inset]: 3×3 threads, over and under. */
function weave(inset) {
  const bands = [0.2, 0.5, 0.8]
  const half = 0.1
  return (x, y) => {
    const u = (x - inset) / (1 - 2 * inset)
    const v = (y - inset) / (1 - 2 * inset)
    if (u < 0.05 || u > 0.95 || v < 0.05 || v > 0.95) return BG
    const row = bands.findIndex((c) => Math.abs(v - c) < half)
    const col = bands.findIndex((c) => Math.abs(u - c) < half)
    if (row >= 0 && col >= 0) return (row + col) % 2 === 0 ? WEFT : WARP // alternate over/under
    if (row >= 0) return WEFT
    if (col >= 0) return WARP
    return BG
  }
}

const files = {
  'icon-192.png': png(192, weave(0.08)),
  'icon-512.png': png(512, weave(0.08)),
  'icon-maskable-512.png': png(512, weave(0.2)), // inside the central safe zone
  'apple-touch-icon.png': png(180, weave(0.12)),
  'favicon-32.png': png(32, weave(0.02)),
}
for (const [name, data] of Object.entries(files)) writeFileSync(join(out, name), data)
console.log(`wrote ${Object.keys(files).join(', ')} to public/`)
