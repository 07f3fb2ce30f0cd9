#!/usr/bin/env node
// Runs the end-to-end tests against the built app (building it first if dist/ is missing).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const run = (args) => spawnSync('npx', args, { cwd: root, stdio: 'inherit' }).status ?? 1
if (!existsSync(join(root, 'dist/index.html')) && run(['vite', 'build']) !== 0) process.exit(1)
process.exit(run(['vitest', 'run', '--project', 'e2e', ...process.argv.slice(2)]))
