import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { initialiseSchema, ROOT } from '../../../src/doc/schema'
import { createSpaceStores } from '../../../src/doc/space-stores'
import { exampleGroups } from '../../../src/domain/example-network'
import { newSpaceId, newSpaceKey } from '../../../src/domain/ids'
import {
  applyBackupState,
  createDeviceBackup,
  PREVIEW_NAMES,
  previewBackupState,
  readDeviceBackup,
  stateOf,
  type BackupSpace,
} from '../../../src/sync/device-backup'
import { meetingFields } from '../../support/fixtures'

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
    expect(read.value.spaces.map((s) => [s.id, s.key, s.name])).toEqual([
      [a.space.id, a.space.key, 'Space alpha'],
      [b.space.id, b.space.key, 'Space beta'],
    ])
    expect(read.value.skipped).toBe(0)

    // the copy on this phone has moved on since the backup: nothing is lost either way
    a.doc.getMap('groups').set('g2', 'later')
    applyBackupState(a.doc, read.value.spaces[0]!.state, 'test')
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
    expect(read.ok && read.value.spaces.map((s) => s.name)).toEqual(['Space good'])
    expect(read.ok && read.value.skipped).toBe(1)
  })

  it('will not lock a backup with a short passphrase', async () => {
    await expect(createDeviceBackup([], 'short')).rejects.toThrow(RangeError)
  })
})

/** A space as stores write it: the copy here, and someone else's copy that moved on. */
function twoCopies() {
  const here = createSpaceStores()
  initialiseSchema(here.doc)
  const [first, ...others] = exampleGroups('en')
  if (!first) throw new Error('no example groups')
  here.groups.addGroup(first.fields)
  const theirs = createSpaceStores()
  Y.applyUpdate(theirs.doc, Y.encodeStateAsUpdate(here.doc))
  for (const example of others.slice(0, 3)) theirs.groups.addGroup(example.fields)
  const meeting = (title: string) => meetingFields({ title })
  theirs.meetings.addMeeting(meeting('Leeds assembly'))
  theirs.meetings.addMeeting(meeting('Budget round'))
  return { here, theirs, added: others.slice(0, 3).map((g) => g.fields.name) }
}

describe('restoring into a space this phone already has', () => {
  it('says what it would add, by count and by name, and changes nothing here', () => {
    const { here, theirs, added } = twoCopies()
    const before = stateOf(here.doc)
    const preview = previewBackupState(before, stateOf(theirs.doc))
    expect(preview).toEqual({
      ok: true,
      value: {
        changes: {
          [ROOT.groups]: { added: 3, updated: 0, removed: 0 },
          [ROOT.meetings]: { added: 2, updated: 0, removed: 0 },
        },
        groups: expect.arrayContaining(added) as string[],
        meetings: expect.arrayContaining(['Leeds assembly', 'Budget round']) as string[],
      },
    })
    expect(stateOf(here.doc)).toEqual(before)
  })

  it('says nothing is new when this phone has it all, and lists at most PREVIEW_NAMES', () => {
    const { here, theirs } = twoCopies()
    expect(previewBackupState(stateOf(theirs.doc), stateOf(here.doc))).toEqual({
      ok: true,
      value: { changes: {}, groups: [], meetings: [] },
    })
    const [example] = exampleGroups('en')
    if (!example) throw new Error('no example groups')
    for (let i = 0; i < 8; i++) theirs.groups.addGroup({ ...example.fields, name: `Group ${i}` })
    const preview = previewBackupState(stateOf(here.doc), stateOf(theirs.doc))
    expect(preview.ok && preview.value.groups).toHaveLength(PREVIEW_NAMES)
  })

  it('refuses a backed-up space that breaks the schema, and merges nothing', () => {
    const { here } = twoCopies()
    const hostile = new Y.Doc()
    Y.applyUpdate(hostile, stateOf(here.doc))
    hostile.getMap('junk').set('k', 1)
    expect(previewBackupState(stateOf(here.doc), stateOf(hostile))).toEqual({
      ok: false,
      error: 'unknown-content',
    })
    const before = stateOf(here.doc)
    expect(applyBackupState(here.doc, stateOf(hostile), 'backup')).toEqual({
      ok: false,
      error: 'unknown-content',
    })
    expect(stateOf(here.doc)).toEqual(before)
  })
})
