#!/usr/bin/env node
// npm run bench: runs every benchmark in turn and prints its figures. Nothing here asserts a
// time: machines are noisy, so the figures are for people to read and compare.
import { pathToFileURL } from 'node:url'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const benches = [
  {
    name: 'storage: our adapter vs y-indexeddb',
    file: 'scripts/bench-storage.mjs',
    run: 'benchStorage',
  },
  {
    name: 'skills map: matches, matrix render and scroll',
    file: 'scripts/bench-skills.mjs',
    run: 'benchSkills',
  },
  {
    name: 'sync: live between two Chromium processes, and by file',
    file: 'scripts/bench-sync.mjs',
    run: 'benchSync',
  },
]

let failed = 0
for (const bench of benches) {
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
