#!/usr/bin/env node
// Benchmark: the skills map of a large network (300 groups, 200 skills, 3,000 entries) in
// headless Chromium at phone size: computing every match, rendering the matrix, scrolling it.
// Prints tables; asserts nothing (machines here are noisy).
import { createServer } from 'node:http'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'
import react from '@vitejs/plugin-react'
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

export async function benchSkills() {
  const outDir = mkdtempSync(join(tmpdir(), 'weave-bench-skills-'))
  await build({
    root: join(root, 'tests/bench/skills'),
    configFile: false,
    logLevel: 'warn',
    base: '/',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, target: 'es2022' },
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
      viewport: { width: 360, height: 740 },
    },
  )
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(`http://localhost:${port}/`)
    await page.waitForFunction(() => 'runSkillsBench' in window)
    const { matches, matrix } = await page.evaluate(() => window.runSkillsBench())
    console.log('Every match in the network (build the map + rank every need, 7 runs):')
    console.table([matches])
    console.log('The matrix view at 360 px, all kinds of skill:')
    console.table([matrix])
  } finally {
    await context.close()
    server.close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchSkills()
