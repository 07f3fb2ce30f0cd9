#!/usr/bin/env node
// Makes sure Debian's PostgreSQL server programs are there for the post box store tests, which
// start a throwaway server of their own (tests/support/postgres.ts): uses PG_BIN or the newest
// /usr/lib/postgresql/<version>/bin, installs the `postgresql` package when missing and running
// as root on Debian, and otherwise says exactly what to install. Starts no server itself.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

const ROOT = '/usr/lib/postgresql'

/** The folder holding initdb and postgres, or undefined. */
function binDir() {
  if (process.env.PG_BIN) return process.env.PG_BIN
  if (!existsSync(ROOT)) return undefined
  const versions = readdirSync(ROOT)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a))
  return versions
    .map((version) => join(ROOT, version, 'bin'))
    .find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres')))
}

let dir = binDir()
const canInstall = existsSync('/etc/debian_version') && process.getuid?.() === 0
if (!dir && !process.env.PG_BIN && canInstall) {
  console.log('Installing Debian package postgresql for the post box store tests…')
  const started = Date.now()
  const run = (args) =>
    spawnSync('apt-get', args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
  if (run(['update', '-qq']).status === 0) run(['install', '-y', '-qq', 'postgresql'])
  console.log(`postgresql installed in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  dir = binDir()
}
if (!dir || !existsSync(join(dir, 'initdb'))) {
  console.error(
    'The post box store tests need PostgreSQL’s server programs (initdb, postgres).\n' +
      'On Debian or Ubuntu: sudo apt-get install -y postgresql\n' +
      'Or point PG_BIN at the folder holding initdb and postgres.',
  )
  process.exit(1)
}
console.log(`Post box store tests use PostgreSQL from ${dir}`)
