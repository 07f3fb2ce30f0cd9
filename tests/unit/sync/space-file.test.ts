import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { fromBase64 } from 'lib0/buffer'
import { ROOT } from '../../../src/doc/schema'
import { newSpaceId, newSpaceKey, type SpaceId, type SpaceKey } from '../../../src/domain/ids'
import { deriveRoomKey } from '../../../src/sync/room-crypto'
import { roomNameFor } from '../../../src/sync/room-name'
import {
  exportSpaceBackup,
  exportSpaceFile,
  importSpaceFile,
  MAX_SPACE_FILE_CHARS,
  PASSPHRASE_ITERATIONS,
  readSpaceFileHeader,
  safeFileNamePart,
  SPACE_FILE_IMPORT,
  type SpaceFileError,
} from '../../../src/sync/space-file'
import { deriveFileKey, seal } from '../../../src/sync/space-file-format'
import { createUpdateGuard } from '../../../src/sync/update-guard'
import { seededRandom } from '../../support/convergence'

const spaceId = newSpaceId()
const spaceKey = newSpaceKey()
const space = { spaceId, spaceKey }

function setField(doc: Y.Doc, root: string, id: string, fields: Record<string, unknown>) {
  doc.transact(() => {
    const entities = doc.getMap<unknown>(root)
    let entity = entities.get(id)
    if (!(entity instanceof Y.Map)) {
      entity = new Y.Map<unknown>()
      entities.set(id, entity)
    }
    for (const [key, value] of Object.entries(fields)) (entity as Y.Map<unknown>).set(key, value)
  })
}

/** A space with some content, and a second device that started from the same state. */
function twoDevices() {
  const a = new Y.Doc()
  setField(a, ROOT.groups, 'group-aaaa', { name: 'Food co-op', createdAt: 1 })
  setField(a, ROOT.groups, 'group-bbbb', { name: 'Timebank', createdAt: 1 })
  setField(a, 'meetings', 'meeting-aaaa', { title: 'Dialogue', createdAt: 1 })
  const b = new Y.Doc()
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
  return { a, b }
}

async function fileOf(doc: Y.Doc, key: SpaceKey = spaceKey, id: SpaceId = spaceId) {
  const result = await exportSpaceFile(doc, { spaceId: id, spaceKey: key, spaceName: 'Test' })
  if (!result.ok) throw new Error(result.error)
  return result.value.text
}

/** Imports, and checks that a failure left `doc` byte for byte as it was and emitted nothing. */
async function expectRefused(
  doc: Y.Doc,
  input: string | Blob,
  error: SpaceFileError,
  options: { spaceId?: SpaceId; spaceKey?: SpaceKey; passphrase?: string } = {},
) {
  const before = Y.encodeStateAsUpdate(doc)
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  const result = await importSpaceFile(doc, input, { ...space, ...options })
  expect(result).toEqual({ ok: false, error })
  expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  expect(updates).toHaveLength(0)
}

/** What the app shows of a space: its entity roots. */
const content = (doc: Y.Doc) => ({
  groups: doc.getMap(ROOT.groups).toJSON(),
  meetings: doc.getMap('meetings').toJSON(),
})

const flip = (text: string, at: number) =>
  text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1)

describe('space file: export', () => {
  it('is one text file: a readable header line with the space id, then base64', async () => {
    const { a } = twoDevices()
    const result = await exportSpaceFile(a, {
      ...space,
      spaceName: 'Solidarity Économie: North/East!',
      now: new Date(2025, 2, 7),
    })
    if (!result.ok) throw new Error(result.error)
    const { text, fileName, mimeType } = result.value
    expect(fileName).toBe('weave-solidarity-economie-north-east-2025-03-07.txt')
    expect(mimeType).toBe('text/plain')
    const lines = text.split('\n')
    expect(lines[0]).toBe(`WEAVE-SPACE-FILE/1 key ${spaceId}`)
    expect(lines[1]).toMatch(/^[A-Za-z0-9+/]+=*$/)
    expect(lines.slice(2)).toEqual([''])
    expect(text).not.toContain('Food co-op') // encrypted
    expect(await readSpaceFileHeader(text)).toEqual({
      ok: true,
      value: { spaceId, keyKind: 'key' },
    })
  })

  it('makes a safe file name part of any space name', () => {
    expect(safeFileNamePart('  ')).toBe('space')
    expect(safeFileNamePart('../../etc/passwd')).toBe('etc-passwd')
    expect(safeFileNamePart('Coopérative 食物 ساحة')).toBe('cooperative-食物-ساحة')
    expect(safeFileNamePart('x'.repeat(100))).toHaveLength(40)
  })

  it('uses a file key that is not the room key', async () => {
    const { a } = twoDevices()
    const [line = '', body = ''] = (await fileOf(a)).split('\n')
    const bytes = fromBase64(body)
    const roomKey = await deriveRoomKey(spaceKey, await roomNameFor(spaceId))
    const tryKey = (key: CryptoKey) =>
      crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: bytes.slice(0, 12), additionalData: new TextEncoder().encode(line) },
        key,
        bytes.slice(12),
      )
    await expect(tryKey(await deriveFileKey(spaceKey))).resolves.toBeInstanceOf(ArrayBuffer)
    await expect(tryKey(roomKey)).rejects.toThrow()
  })
})

describe('space file: import', () => {
  it('merges into a device with its own concurrent edits, losing nothing', async () => {
    const { a, b } = twoDevices()
    setField(a, ROOT.groups, 'group-aaaa', { name: 'Food co-op (north)' })
    setField(a, ROOT.groups, 'group-cccc', { name: 'Land trust', createdAt: 2 })
    setField(b, ROOT.groups, 'group-aaaa', { area: 'Leeds' })
    setField(b, 'meetings', 'meeting-bbbb', { title: 'Workshop', createdAt: 2 })

    const intoB = await importSpaceFile(b, await fileOf(a), space)
    expect(intoB).toEqual({
      ok: true,
      value: {
        held: false,
        storedBytes: expect.any(Number) as number,
        changes: { [ROOT.groups]: { added: 1, updated: 1, removed: 0 } },
      },
    })
    const intoA = await importSpaceFile(a, new Blob([await fileOf(b)]), space)
    expect(intoA).toEqual({
      ok: true,
      value: {
        held: false,
        storedBytes: expect.any(Number) as number,
        changes: {
          [ROOT.groups]: { added: 0, updated: 1, removed: 0 },
          meetings: { added: 1, updated: 0, removed: 0 },
        },
      },
    })
    expect(a.getMap(ROOT.groups).toJSON()).toEqual({
      'group-aaaa': { name: 'Food co-op (north)', area: 'Leeds', createdAt: 1 },
      'group-bbbb': { name: 'Timebank', createdAt: 1 },
      'group-cccc': { name: 'Land trust', createdAt: 2 },
    })
    expect(content(b)).toEqual(content(a))
    expect(Y.encodeStateVector(b)).toEqual(Y.encodeStateVector(a))
  })

  it('applies under the file-import origin, and a second import changes nothing', async () => {
    const { a, b } = twoDevices()
    setField(a, ROOT.groups, 'group-cccc', { name: 'Land trust', createdAt: 2 })
    const file = await fileOf(a)
    const origins: unknown[] = []
    b.on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin))
    expect((await importSpaceFile(b, file, space)).ok).toBe(true)
    expect(origins).toEqual([SPACE_FILE_IMPORT])

    const before = Y.encodeStateAsUpdate(b)
    expect(await importSpaceFile(b, file, space)).toEqual({
      ok: true,
      value: {
        held: false,
        changes: {},
        storedBytes: 0,
      },
    })
    expect(Y.encodeStateAsUpdate(b)).toEqual(before)
    expect(origins).toHaveLength(1) // no update event: storage and peers see nothing new
  })

  it('converges three devices that exchange only files, in random order', async () => {
    const random = seededRandom(42)
    const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()]
    const ids = ['g-000000001', 'g-000000002', 'g-000000003', 'g-000000004']
    for (let step = 0; step < 60; step++) {
      const doc = random.pick(docs)
      if (random.chance(0.7)) {
        setField(doc, random.pick([ROOT.groups, 'meetings']), random.pick(ids), {
          [random.pick(['name', 'area', 'notes'])]: `v${step}`,
        })
      } else {
        const from = random.pick(docs)
        const result = await importSpaceFile(doc, await fileOf(from), space)
        expect(result.ok).toBe(true)
      }
    }
    for (const to of docs)
      for (const from of docs) await importSpaceFile(to, await fileOf(from), space)
    for (const doc of docs) expect(content(doc)).toEqual(content(docs[0]!))
  })
})

describe('space file: refused, and the space unchanged', () => {
  it('a file for another space, said before any decryption', async () => {
    const { a, b } = twoDevices()
    const other = await fileOf(a, newSpaceKey(), newSpaceId())
    await expectRefused(b, other, 'other-space')
  })

  it('a wrong key, or no key', async () => {
    const { a, b } = twoDevices()
    const file = await fileOf(a, newSpaceKey())
    await expectRefused(b, file, 'wrong-key-or-damaged')
    const before = Y.encodeStateAsUpdate(b)
    expect(await importSpaceFile(b, file, { spaceId })).toEqual({
      ok: false,
      error: 'wrong-key-or-damaged',
    })
    expect(Y.encodeStateAsUpdate(b)).toEqual(before)
  })

  it('a truncated file, cut in the body or in the header', async () => {
    const { a, b } = twoDevices()
    setField(a, ROOT.groups, 'group-cccc', { name: 'Land trust', createdAt: 2 })
    const file = await fileOf(a)
    await expectRefused(b, file.slice(0, Math.floor(file.length * 0.7)), 'wrong-key-or-damaged')
    await expectRefused(b, file.slice(0, file.indexOf('\n')), 'wrong-key-or-damaged')
    await expectRefused(b, file.slice(0, 20), 'not-a-weave-file')
  })

  it('a flipped byte in the body', async () => {
    const { a, b } = twoDevices()
    const file = await fileOf(a)
    const body = file.indexOf('\n') + 1
    // Near the end, but not in base64's last group of four, whose last character may carry
    // padding bits that decoding ignores (a flip there can leave every byte as it was).
    for (const at of [body, body + 20, file.trimEnd().replace(/=+$/, '').length - 5]) {
      await expectRefused(b, flip(file, at), 'wrong-key-or-damaged')
    }
  })

  it('a changed header: the header is authenticated, not only read', async () => {
    const { a, b } = twoDevices()
    const file = await fileOf(a)
    await expectRefused(b, flip(file, 0), 'not-a-weave-file')
    await expectRefused(b, flip(file, file.indexOf('\n') - 1), 'other-space')
    // Relabelled for another space that holds the same key: decryption must fail.
    const otherId = newSpaceId()
    const relabelled = file.replace(spaceId, otherId)
    await expectRefused(b, relabelled, 'wrong-key-or-damaged', { spaceId: otherId })
  })

  it('an oversized file, before reading it', async () => {
    const { b } = twoDevices()
    await expectRefused(b, 'x'.repeat(MAX_SPACE_FILE_CHARS + 1), 'too-large')
    await expectRefused(b, new Blob([new Uint8Array(MAX_SPACE_FILE_CHARS + 1)]), 'too-large')
  })

  it('garbage, an empty file, a file of another app', async () => {
    const { b } = twoDevices()
    await expectRefused(b, '', 'not-a-weave-file')
    await expectRefused(b, '\u0000\u00ff garbage \n more', 'not-a-weave-file')
    await expectRefused(b, '{"spaceId": "x"}', 'not-a-weave-file')
    await expectRefused(b, `WEAVE-SPACE-FILE/1 key ${spaceId} extra\nAAAA`, 'not-a-weave-file')
    await expectRefused(b, `WEAVE-SPACE-FILE/1 key ${spaceId}\n<script>`, 'wrong-key-or-damaged')
  })

  it('a file from a future version', async () => {
    const { a, b } = twoDevices()
    const file = await fileOf(a)
    await expectRefused(
      b,
      file.replace('WEAVE-SPACE-FILE/1', 'WEAVE-SPACE-FILE/2'),
      'unsupported-version',
    )
    expect(await readSpaceFileHeader('WEAVE-SPACE-FILE/17 whatever')).toEqual({
      ok: false,
      error: 'unsupported-version',
    })
  })

  it('an update that is not whole, though sealed with the right key', async () => {
    const { a, b } = twoDevices()
    setField(a, ROOT.groups, 'group-cccc', { name: 'Land trust', createdAt: 2 })
    const update = Y.encodeStateAsUpdate(a)
    const key = await deriveFileKey(spaceKey)
    const line = `WEAVE-SPACE-FILE/1 key ${spaceId}`
    // Yjs would apply part of this one before throwing (see update-guard.ts).
    const cut = await seal(line, update.slice(0, update.length - 3), key)
    await expectRefused(b, cut, 'malformed-update')
    await expectRefused(
      b,
      await seal(line, new Uint8Array([1, 2, 3, 250]), key),
      'malformed-update',
    )
  })

  it('an update that builds on changes this device lacks: refused, or held by a shared guard', async () => {
    const { a, b } = twoDevices()
    setField(a, ROOT.groups, 'group-cccc', { name: 'Land trust', createdAt: 2 })
    const missing = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b))
    const vector = Y.encodeStateVector(a)
    setField(a, ROOT.groups, 'group-cccc', { area: 'Bristol' })
    const line = `WEAVE-SPACE-FILE/1 key ${spaceId}`
    const partial = await seal(
      line,
      Y.encodeStateAsUpdate(a, vector),
      await deriveFileKey(spaceKey),
    )
    await expectRefused(b, partial, 'malformed-update')

    const guard = createUpdateGuard(b, { maxUpdateBytes: 1_000_000 })
    const before = Y.encodeStateAsUpdate(b)
    expect(await importSpaceFile(b, partial, { ...space, guard })).toEqual({
      ok: true,
      value: {
        held: true,
        changes: {},
        storedBytes: 0, // held aside, not stored yet
      },
    })
    expect(Y.encodeStateAsUpdate(b)).toEqual(before)
    guard.receive(missing, 'peer') // the change it builds on arrives: both apply
    expect(b.getMap(ROOT.groups).toJSON()['group-cccc']).toEqual({
      name: 'Land trust',
      area: 'Bristol',
      createdAt: 2,
    })
  })
})

describe('space backup (passphrase)', () => {
  it('round-trips with the passphrase; a wrong or missing one changes nothing', async () => {
    const { a, b } = twoDevices()
    setField(a, ROOT.groups, 'group-cccc', { name: 'Land trust', createdAt: 2 })
    const passphrase = 'correct horse battery staple'
    const started = performance.now()
    const result = await exportSpaceBackup(a, { spaceId, passphrase, spaceName: 'North' })
    const exportMs = performance.now() - started
    if (!result.ok) throw new Error(result.error)
    const { text, fileName } = result.value
    expect(fileName).toMatch(/^weave-backup-north-\d{4}-\d{2}-\d{2}\.txt$/)
    expect(text.split('\n')[0]).toMatch(
      new RegExp(`^WEAVE-SPACE-FILE/1 passphrase ${spaceId} ${PASSPHRASE_ITERATIONS} [\\w-]{22}$`),
    )
    expect(await readSpaceFileHeader(text)).toEqual({
      ok: true,
      value: { spaceId, keyKind: 'passphrase' },
    })

    await expectRefused(b, text, 'needs-passphrase')
    await expectRefused(b, text, 'wrong-key-or-damaged', { passphrase: 'correct horse battery' })
    await expectRefused(
      b,
      text.replace(` ${PASSPHRASE_ITERATIONS} `, ' 600001 '),
      'wrong-key-or-damaged',
      {
        passphrase,
      },
    )
    await expectRefused(
      b,
      text.replace(` ${PASSPHRASE_ITERATIONS} `, ' 1000 '),
      'not-a-weave-file',
      {
        passphrase,
      },
    )

    const importStarted = performance.now()
    const restored = await importSpaceFile(b, text, { spaceId, passphrase })
    const importMs = performance.now() - importStarted
    expect(restored).toEqual({
      ok: true,
      value: {
        held: false,
        storedBytes: expect.any(Number) as number,
        changes: { [ROOT.groups]: { added: 1, updated: 0, removed: 0 } },
      },
    })
    expect(b.getMap(ROOT.groups).toJSON()).toEqual(a.getMap(ROOT.groups).toJSON())
    console.log(
      `PBKDF2-SHA-256 × ${PASSPHRASE_ITERATIONS}: backup export ${exportMs.toFixed(0)} ms, ` +
        `import ${importMs.toFixed(0)} ms (Node ${process.version})`,
    )
  })

  it('gives the same key for the same passphrase typed in another Unicode form', async () => {
    const { a, b } = twoDevices()
    const result = await exportSpaceBackup(a, {
      spaceId,
      passphrase: 'Cafe\u0301 coopérative',
      spaceName: 'x',
    })
    if (!result.ok) throw new Error(result.error)
    const restored = await importSpaceFile(b, result.value.text, {
      spaceId,
      passphrase: 'Caf\u00e9 coopérative',
    })
    expect(restored.ok).toBe(true)
  })

  it('refuses an empty passphrase on export', async () => {
    const { a } = twoDevices()
    await expect(exportSpaceBackup(a, { spaceId, passphrase: '', spaceName: 'x' })).rejects.toThrow(
      RangeError,
    )
  })
})
