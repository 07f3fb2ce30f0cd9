#!/usr/bin/env node
// Benchmark: our persistence adapter and y-indexeddb, side by side in headless Chromium with
// an on-disk profile. Prints a table; asserts nothing (machines here are noisy).
import { createServer } from 'node:http'
import { mkdtempSync, readFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'
import { build } from 'vite'
import { chromium } from 'playwright-core'

const root = join(import.meta.dirname, '..')
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }

export async function benchStorage() {
  const outDir = mkdtempSync(join(tmpdir(), 'weave-bench-storage-'))
  await build({
    root: join(root, 'tests/bench/storage'),
    configFile: false,
    logLevel: 'warn',
    base: '/',
    build: { outDir, emptyOutDir: true, target: 'es2022' },
    define: { 'import.meta.env.DEV': 'false' },
  })
  const server = createServer((request, response) => {
    const path = normalize(join(outDir, request.url === '/' ? 'index.html' : (request.url ?? '')))
    if (!path.startsWith(outDir) || !existsSync(path)) return response.writeHead(404).end()
    response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' })
    response.end(readFileSync(path))
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  const context = await chromium.launchPersistentContext(
    mkdtempSync(join(tmpdir(), 'weave-bench-profile-')),
    {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ARGS,
    },
  )
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(`http://localhost:${port}/`)
    await page.waitForFunction(() => 'runStorageBench' in window)
    const { rows, parse } = await page.evaluate(() => window.runStorageBench())
    console.log('Storing and opening the same documents (headless Chromium, on-disk profile):')
    console.table(rows)
    console.log('Yjs alone applying the compacted state to a new document (the floor for opening):')
    console.table(parse)
  } finally {
    await context.close()
    server.close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchStorage()
