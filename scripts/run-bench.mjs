#!/usr/bin/env node
// npm run bench: runs every benchmark in turn and prints its figures. Nothing here asserts a
// time: machines are noisy, so the figures are for people to read and compare.
// `node scripts/run-bench.mjs meetings` (or `npm run bench -- meetings`) runs only the
// benchmarks whose key is given.
import { pathToFileURL } from 'node:url'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const benches = [
  {
    key: 'storage',
    name: 'storage: our adapter vs y-indexeddb',
    file: 'scripts/bench-storage.mjs',
    run: 'benchStorage',
  },
  {
    key: 'skills',
    name: 'skills map: matches, matrix render and scroll',
    file: 'scripts/bench-skills.mjs',
    run: 'benchSkills',
  },
  {
    key: 'sync',
    name: 'sync: live between two Chromium processes, and by file',
    file: 'scripts/bench-sync.mjs',
    run: 'benchSync',
  },
  {
    key: 'meetings',
    name: 'meetings: typing in a long note, opening and searching 2,000 meetings',
    file: 'scripts/bench-meetings.mjs',
    run: 'benchMeetings',
  },
  {
    key: 'room-code',
    name: 'room codes: bytes, text and QR version of real Chromium offers and answers',
    file: 'scripts/bench-room-code.mjs',
    run: 'benchRoomCode',
  },
  {
    key: 'postbox',
    name: 'post box store: appends and reads on the embedded store and on PostgreSQL',
    file: 'scripts/bench-postbox.mjs',
    run: 'benchPostbox',
  },
]

const wanted = process.argv.slice(2)
const unknown = wanted.filter((key) => !benches.some((bench) => bench.key === key))
if (unknown.length > 0) {
  console.error(
    `No benchmark called ${unknown.join(', ')}. There are: ${benches.map((b) => b.key).join(', ')}`,
  )
  process.exit(2)
}

let failed = 0
for (const bench of benches.filter((b) => wanted.length === 0 || wanted.includes(b.key))) {
  console.log(`\n=== ${bench.name} ===`)
  try {
    const module = await import(pathToFileURL(join(root, bench.file)).href)
    await module[bench.run]()
  } catch (error) {
    failed++
    console.error(`${bench.name} failed:`, error)
  }
}
process.exit(failed === 0 ? 0 : 1)
