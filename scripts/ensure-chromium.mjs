#!/usr/bin/env node
// Makes sure Debian's Chromium is there for the browser tests: uses CHROMIUM_PATH or
// /usr/bin/chromium, installs the `chromium` package when missing and running as root on
// Debian, and otherwise says exactly what to install. Never downloads a browser of its own.
// Also the fonts phones draw Arabic and Urdu with (Noto Naskh Arabic, Noto Nastaliq Urdu, in
// Debian's fonts-noto-core): with only Chromium's default fonts the tests would measure rows,
// wrapping and touch targets in a font no phone uses.
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

/** Where fonts-noto-core puts the Arabic font Android uses: present means the package is. */
const PHONE_FONT = '/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf'
const canInstall = existsSync('/etc/debian_version') && process.getuid?.() === 0

let found = existsSync(path) ? version() : undefined
const packages = [
  ...(!found && !process.env.CHROMIUM_PATH ? ['chromium'] : []),
  ...(existsSync(PHONE_FONT) ? [] : ['fonts-noto-core']),
]
if (packages.length > 0 && canInstall) {
  console.log(`Installing Debian packages ${packages.join(', ')} for the browser tests…`)
  const run = (args) =>
    spawnSync('apt-get', args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
  if (run(['update', '-qq']).status === 0) run(['install', '-y', '-qq', ...packages])
  found = version()
}
if (!existsSync(PHONE_FONT)) {
  console.error(
    'The browser tests need the fonts phones use for Arabic and Urdu.\n' +
      'On Debian or Ubuntu: sudo apt-get install -y fonts-noto-core',
  )
  process.exit(1)
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
