// What the benchmarks share: the Chromium flags that work on this machine (as
// tests/support/chromium.ts), and building one bench page under tests/bench/ and serving it
// on a free loopback port. Nothing here measures anything.
import { createServer } from 'node:http'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'
import { build } from 'vite'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const CHROMIUM_ARGS = [
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

/**
 * Builds tests/bench/<name> into a temporary folder and serves it at http://127.0.0.1:<port>/.
 * Resolves to its address, the folder, and close().
 */
export async function serveBenchPage(name, { plugins = [] } = {}) {
  const root = join(import.meta.dirname, '..')
  const outDir = mkdtempSync(join(tmpdir(), `weave-bench-${name}-`))
  await build({
    root: join(root, 'tests/bench', name),
    configFile: false,
    logLevel: 'warn',
    base: '/',
    plugins,
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
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    outDir,
    close: () => server.close(),
  }
}
