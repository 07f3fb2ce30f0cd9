#!/usr/bin/env node
// Runs the end-to-end tests against the built app and server (building them if missing).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const run = (args) => spawnSync('npx', args, { cwd: root, stdio: 'inherit' }).status ?? 1
const built = ['dist/index.html', 'dist-server/serve.js'].every((f) => existsSync(join(root, f)))
if (!built && run(['vite', 'build']) !== 0) process.exit(1)
process.exit(run(['vitest', 'run', '--project', 'e2e', ...process.argv.slice(2)]))
