#!/usr/bin/env node
// Makes sure Debian's Chromium is there for the browser tests: uses CHROMIUM_PATH or
// /usr/bin/chromium, installs the `chromium` package when missing and running as root on
// Debian, and otherwise says exactly what to install. Never downloads a browser of its own.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

function version() {
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8' }).trim()
  } catch {
    return undefined // not installed, or not runnable: handled below
  }
}

let found = existsSync(path) ? version() : undefined
if (
  !found &&
  !process.env.CHROMIUM_PATH &&
  existsSync('/etc/debian_version') &&
  process.getuid?.() === 0
) {
  console.log('Chromium is missing: installing Debian package "chromium" (about 30 s)…')
  const run = (args) =>
    spawnSync('apt-get', args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
  if (run(['update', '-qq']).status === 0) run(['install', '-y', '-qq', 'chromium'])
  found = version()
}
if (!found) {
  console.error(
    `The browser tests need Chromium at ${path}.\n` +
      'On Debian or Ubuntu: sudo apt-get install -y chromium\n' +
      'Or point CHROMIUM_PATH at a Chromium or Chrome binary.',
  )
  process.exit(1)
}
console.log(`Browser tests use ${found} (${path})`)
