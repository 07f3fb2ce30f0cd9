import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { newSpaceId, newSpaceKey } from '../../../src/domain/ids'
import {
  applyBackupState,
  createDeviceBackup,
  readDeviceBackup,
  stateOf,
  type BackupSpace,
} from '../../../src/sync/device-backup'

const PASS = 'green tomatoes in June'

function spaceWith(text: string): { space: BackupSpace; doc: Y.Doc } {
  const doc = new Y.Doc()
  doc.getMap('groups').set('g1', text)
  return {
    doc,
    space: {
      id: newSpaceId(),
      name: `Space ${text}`,
      key: newSpaceKey(),
      createdAt: 1_700_000_000_000,
      settings: { signallingUrls: ['wss://signal.example.org'], iceServers: [] },
      state: stateOf(doc),
    },
  }
}

describe('device backup', () => {
  it('holds every space with its key, and merges into a copy that moved on', async () => {
    const a = spaceWith('alpha')
    const b = spaceWith('beta')
    const { text, fileName } = await createDeviceBackup([a.space, b.space], PASS)
    expect(fileName).toMatch(/^weave-backup-\d{4}-\d{2}-\d{2}\.txt$/)
    expect(text).not.toContain(a.space.key)
    expect(text).not.toContain('alpha')

    const read = await readDeviceBackup(new Blob([text]), PASS)
    expect(read.ok).toBe(true)
    if (!read.ok) return
    expect(read.spaces.map((s) => [s.id, s.key, s.name])).toEqual([
      [a.space.id, a.space.key, 'Space alpha'],
      [b.space.id, b.space.key, 'Space beta'],
    ])
    expect(read.skipped).toBe(0)

    // the copy on this phone has moved on since the backup: nothing is lost either way
    a.doc.getMap('groups').set('g2', 'later')
    applyBackupState(a.doc, read.spaces[0]!.state, 'test')
    expect(a.doc.getMap('groups').toJSON()).toEqual({ g1: 'alpha', g2: 'later' })
  })

  it('refuses a wrong passphrase, a changed header or body, a cut file and other files', async () => {
    const { text } = await createDeviceBackup([spaceWith('x').space], PASS)
    const [line = '', body = ''] = text.split('\n')
    expect(await readDeviceBackup(text, 'green tomatoes in July')).toEqual({
      ok: false,
      error: 'wrong-passphrase-or-damaged',
    })
    const otherIterations = line.replace(/ 600000 /, ' 600001 ')
    expect(await readDeviceBackup(`${otherIterations}\n${body}`, PASS)).toEqual({
      ok: false,
      error: 'wrong-passphrase-or-damaged',
    })
    const flipped = body.slice(0, 30) + (body[30] === 'A' ? 'B' : 'A') + body.slice(31)
    expect(await readDeviceBackup(`${line}\n${flipped}`, PASS)).toMatchObject({ ok: false })
    expect(await readDeviceBackup(text.slice(0, text.length / 2), PASS)).toMatchObject({
      ok: false,
    })
    expect(await readDeviceBackup('WEAVE-SPACE-FILE/1 key abcdefgh\nAAAA', PASS)).toEqual({
      ok: false,
      error: 'not-a-backup',
    })
    expect(await readDeviceBackup(text.replace('WEAVE-BACKUP/1', 'WEAVE-BACKUP/2'), PASS)).toEqual({
      ok: false,
      error: 'unsupported-version',
    })
    expect(await readDeviceBackup(line.replace(/ 600000 /, ' 1000 ') + `\n${body}`, PASS)).toEqual(
      { ok: false, error: 'not-a-backup' }, // too few iterations to be one of ours
    )
  })

  it('leaves out a space whose data does not decode, and keeps the others', async () => {
    const good = spaceWith('good').space
    const bad = { ...spaceWith('bad').space, state: new Uint8Array([1, 2, 3, 200, 201]) }
    const read = await readDeviceBackup((await createDeviceBackup([good, bad], PASS)).text, PASS)
    expect(read.ok && read.spaces.map((s) => s.name)).toEqual(['Space good'])
    expect(read.ok && read.skipped).toBe(1)
  })

  it('will not lock a backup with a short passphrase', async () => {
    await expect(createDeviceBackup([], 'short')).rejects.toThrow(RangeError)
  })
})
