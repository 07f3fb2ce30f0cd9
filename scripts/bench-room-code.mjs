#!/usr/bin/env node
// Benchmark: how big a room code is for the offers and answers captured from real Chromium
// (tests/unit/sync/fixtures/sdp-*.json): bytes of binary, characters of text, and the QR
// version it needs (alphanumeric mode) at each error correction level. Sizes, not times: the
// figures are exact and the same on every machine.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import encodeQR from 'qr'
import { runnerImport } from 'vite'

const root = join(import.meta.dirname, '..')
const FIXTURES = join(root, 'tests/unit/sync/fixtures')
const LEVELS = ['low', 'medium', 'quartile', 'high']

/** The QR version a text needs: the symbol is 17 + 4 × version modules wide. */
const qrVersion = (text, ecc) => (encodeQR(text, 'raw', { ecc, border: 1 }).length - 2 - 17) / 4

const pad = (value, width, right = false) =>
  right ? String(value).padStart(width) : String(value).padEnd(width)

export async function benchRoomCode() {
  const { module: codec } = await runnerImport(join(root, 'src/sync/room-code.ts'), {
    configFile: false,
    logLevel: 'warn',
  })
  const files = readdirSync(FIXTURES).filter((f) => f.startsWith('sdp-') && f.endsWith('.json'))
  const rows = []
  for (const file of files.sort()) {
    const fixture = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8'))
    const variants = [
      { kind: 'offer', label: 'offer' },
      { kind: 'answer', label: 'answer' },
      // smaller codes: one IPv4 candidate; none (the answer's candidates suffice, e2e-tested)
      ...(fixture.name === 'host-addresses'
        ? [
            { kind: 'offer', label: 'offer, 1 candidate', options: { maxCandidates: 1 } },
            { kind: 'offer', label: 'offer, no candidates', options: { maxCandidates: 0 } },
          ]
        : []),
    ]
    for (const { kind, label, options } of variants) {
      const compact = codec.compactDescription(fixture[kind], options)
      if (!compact.ok) throw new Error(`${file} ${kind}: ${compact.error}`)
      const code = {
        kind,
        spaceTag: new Uint8Array(4),
        pairingId: crypto.getRandomValues(new Uint8Array(8)),
        createdAt: Math.floor(Date.now() / 1000),
        description: compact.value,
      }
      const text = codec.encodeRoomCode(code)
      const sdpCandidates = fixture[kind].split('\n').filter((l) => l.startsWith('a=candidate'))
      const carried =
        compact.value.candidates
          .map((c) => (c.ip.endsWith('.local') ? 'mDNS' : c.ip.includes(':') ? 'IPv6' : 'IPv4'))
          .join(' + ') || 'none'
      rows.push({
        case: `${fixture.name} ${label}`,
        sdp: fixture[kind].length,
        sdpCandidates: sdpCandidates.length,
        carried,
        bytes: codec.packRoomCode(code).length,
        chars: text.length,
        versions: LEVELS.map((ecc) => qrVersion(text, ecc)),
      })
    }
  }
  console.log(
    `Chromium ${JSON.parse(readFileSync(join(FIXTURES, files[0]), 'utf8')).chromium}; ` +
      `code format version ${codec.ROOM_CODE_VERSION}, prefix "${codec.ROOM_CODE_PREFIX}".`,
  )
  console.log(
    '| case                                | SDP chars | SDP candidates | carried            | bytes | text chars | QR version L / M / Q / H |',
  )
  console.log(
    '| ----------------------------------- | --------: | -------------: | ------------------ | ----: | ---------: | -----------------------: |',
  )
  for (const row of rows)
    console.log(
      `| ${pad(row.case, 35)} | ${pad(row.sdp, 9, true)} | ${pad(row.sdpCandidates, 14, true)} | ` +
        `${pad(row.carried, 18)} | ${pad(row.bytes, 5, true)} | ${pad(row.chars, 10, true)} | ` +
        `${pad(row.versions.join(' / '), 24, true)} |`,
    )
}

if (import.meta.url === `file://${process.argv[1]}`) await benchRoomCode()
