/**
 * A lost phone: everything is backed up in one file on the old phone, then restored on a new
 * one (a separate Chromium profile) with the passphrase, with the groups and keys intact.
 */
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createSpaceStores } from '../../src/doc/space-stores'
import { parseInvite } from '../../src/domain/invite'
import { exportSpaceFile } from '../../src/sync/space-file'
import { axeViolations } from '../support/a11y'
import { useApp } from '../support/app-server'
import { PHONE } from '../support/chromium'
import { addGroup, createSpace, firstRun } from '../support/flows'

const app = useApp()

const PASSPHRASE = 'river stones at dawn'

describe('backup and restore', () => {
  it('backs up every space with a passphrase and restores them on a new phone', async () => {
    const old = await app.launch()
    await firstRun(old.page, app.url, 'Ana')
    await createSpace(old.page, 'Food Network')
    await addGroup(old.page, 'Riverside Pantry')
    await old.page.getByRole('link', { name: 'Spaces' }).click()
    await createSpace(old.page, 'Timebank North')
    await addGroup(old.page, 'Hour Exchange')
    await old.page.getByRole('link', { name: 'Spaces' }).click()
    await old.page.getByText('There is no backup of your spaces yet.', { exact: false }).waitFor()

    await old.page.getByRole('link', { name: 'Save a backup now' }).click()
    await old.page.getByText('No backup saved on this phone yet.').waitFor()
    await old.page.getByLabel('Passphrase for the backup').fill('short')
    await old.page.getByRole('button', { name: 'Save a backup' }).click()
    await old.page.getByRole('alert').filter({ hasText: 'at least 10 characters' }).waitFor()
    await old.page.getByLabel('Passphrase for the backup').fill(PASSPHRASE)
    await old.page.getByLabel('Passphrase again').fill(`${PASSPHRASE}!`)
    await old.page.getByRole('button', { name: 'Save a backup' }).click()
    await old.page.getByRole('alert').filter({ hasText: 'are not the same' }).waitFor()
    await old.page.getByLabel('Passphrase again').fill(PASSPHRASE)
    expect(await axeViolations(old.page)).toEqual([])
    const [download] = await Promise.all([
      old.page.waitForEvent('download'),
      old.page.getByRole('button', { name: 'Save a backup' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^weave-backup-\d{4}-\d{2}-\d{2}\.txt$/)
    await old.page.getByText(/^Last backup: /).waitFor()
    const backup = readFileSync(await download.path(), 'utf8')
    expect(backup).not.toContain('Riverside Pantry')
    await old.page.getByRole('link', { name: 'Spaces' }).click()
    await old.page.getByRole('heading', { name: 'Your spaces' }).waitFor()
    expect(await old.page.getByText('There is no backup', { exact: false }).count()).toBe(0)
    await old.context.close() // the phone is lost

    const fresh = await app.launch()
    await firstRun(fresh.page, app.url, 'Ana')
    const file = {
      name: download.suggestedFilename(),
      mimeType: 'text/plain',
      buffer: Buffer.from(backup),
    }
    await fresh.page.getByLabel('Backup file').setInputFiles(file)
    await fresh.page.getByLabel('Passphrase of the backup').fill('river stones at dusk')
    await fresh.page.getByRole('button', { name: 'Restore' }).click()
    await fresh.page.getByRole('status').filter({ hasText: 'The passphrase is wrong' }).waitFor()
    expect(await fresh.page.getByRole('link', { name: 'Food Network' }).count()).toBe(0)

    await fresh.page.getByLabel('Passphrase of the backup').fill(PASSPHRASE)
    await fresh.page.getByRole('button', { name: 'Restore' }).click()
    await fresh.page
      .getByRole('status')
      .filter({ hasText: '2 spaces added, none merged.' })
      .waitFor()
    await fresh.page.getByRole('link', { name: 'Timebank North' }).click()
    await fresh.page.getByRole('link', { name: 'Groups', exact: true }).click() // it opens on its home
    await fresh.page.getByRole('heading', { name: 'Hour Exchange', level: 2 }).waitFor()
    await fresh.page.getByRole('link', { name: 'Spaces' }).click()
    await fresh.page.getByRole('link', { name: 'Food Network' }).click()
    await fresh.page.getByRole('link', { name: 'Groups', exact: true }).click() // it opens on its home
    await fresh.page.getByRole('heading', { name: 'Riverside Pantry', level: 2 }).waitFor()

    // restoring again merges into what is there, and adds no copies
    await fresh.page.getByRole('link', { name: 'Spaces' }).click()
    await fresh.page.getByLabel('Backup file').setInputFiles(file)
    await fresh.page.getByLabel('Passphrase of the backup').fill(PASSPHRASE)
    await fresh.page.getByRole('button', { name: 'Restore' }).click()
    await fresh.page.getByRole('status').filter({ hasText: 'No new spaces, 2 merged.' }).waitFor()
    expect(await fresh.page.getByRole('link', { name: 'Food Network' }).count()).toBe(1)
  })

  it('asks before merging a backup into a space this phone already has, showing what it adds', async () => {
    // Ana's phone: a space, backed up; then three more groups, backed up again. Her phone is
    // closed before Ben's opens, so nothing reaches Ben but the files.
    const ana = await app.launch()
    await firstRun(ana.page, app.url, 'Ana')
    await createSpace(ana.page, 'Leeds network')
    await addGroup(ana.page, 'Riverside Pantry')
    const first = await saveBackup(ana.page)
    await ana.page.getByRole('link', { name: 'Leeds network' }).click()
    // a space opens on its home: its groups are one tab away
    await ana.page.getByRole('link', { name: 'Groups', exact: true }).click()
    for (const name of ['Seed Library', 'Tool Share', 'Hour Exchange'])
      await addGroup(ana.page, name)
    const second = await saveBackup(ana.page)
    await ana.context.close()

    // Ben restores the first: a space new to his phone is added at once
    const ben = await app.launch({ viewport: PHONE })
    await firstRun(ben.page, app.url, 'Ben')
    await restore(ben.page, first)
    await ben.page.getByRole('status').filter({ hasText: '1 space added, none merged.' }).waitFor()

    // Ben restores the second (Ana's, with her passphrase): nothing is merged yet; he is shown what it would add, and asked
    await restore(ben.page, second)
    const preview = ben.page.getByRole('region', { name: 'Check before restoring' })
    await preview.getByText('Adds 3 groups to ‘Leeds network’ on this phone.').waitFor()
    await preview.getByText('Groups: ', { exact: false }).waitFor()
    for (const name of ['Seed Library', 'Tool Share', 'Hour Exchange'])
      expect(await preview.getByText(name, { exact: false }).count()).toBe(1)
    expect(await axeViolations(ben.page)).toEqual([])
    await preview.getByRole('button', { name: 'Cancel' }).click()
    await ben.page
      .getByRole('status')
      .filter({ hasText: 'Not restored. Nothing was changed.' })
      .waitFor()
    expect(await ben.page.getByRole('region', { name: 'Check before restoring' }).count()).toBe(0)
    await ben.page.getByRole('link', { name: 'Leeds network' }).click()
    await ben.page.getByRole('link', { name: 'Groups', exact: true }).click()
    await ben.page.getByRole('heading', { name: 'Riverside Pantry', level: 2 }).waitFor()
    expect(await ben.page.getByRole('heading', { name: 'Seed Library', level: 2 }).count()).toBe(0)

    // asked again, he restores: the groups are merged into his copy
    await ben.page.getByRole('link', { name: 'Spaces' }).click()
    await restore(ben.page, second)
    await ben.page
      .getByRole('region', { name: 'Check before restoring' })
      .getByRole('button', { name: 'Restore and merge' })
      .click()
    await ben.page.getByRole('status').filter({ hasText: 'No new spaces, 1 merged.' }).waitFor()
    await ben.page.getByRole('link', { name: 'Leeds network' }).click()
    await ben.page.getByRole('link', { name: 'Groups', exact: true }).click()
    for (const name of ['Riverside Pantry', 'Seed Library', 'Tool Share', 'Hour Exchange'])
      await ben.page.getByRole('heading', { name, level: 2 }).waitFor()
  })

  it('refuses a hostile sync file with its reason, and says what a quiet one stored', async () => {
    const { page } = await app.launch({ viewport: PHONE })
    await firstRun(page, app.url, 'Ana')
    await createSpace(page, 'Leeds network')
    await addGroup(page, 'Riverside Pantry')
    await page.getByRole('link', { name: 'Share', exact: true }).click()
    await page.getByRole('button', { name: 'Show the invite' }).click()
    const invite = parseInvite(
      await page.getByRole('textbox', { name: 'Invite link' }).inputValue(),
    )
    if (!invite.ok) throw new Error(invite.error)
    const { spaceId, key } = invite.value
    const fileOf = async (doc: Y.Doc) => {
      const file = await exportSpaceFile(doc, { spaceId, spaceKey: key, spaceName: 'Leeds' })
      if (!file.ok) throw new Error(file.error)
      return {
        name: file.value.fileName,
        mimeType: 'text/plain',
        buffer: Buffer.from(file.value.text),
      }
    }
    const open = page.getByLabel('Open a sync file')

    // 200,000 entries in a root the app does not know: a 4 MB file, refused whole
    const hostile = new Y.Doc()
    hostile.transact(() => {
      const junk = hostile.getMap<number>('x')
      for (let i = 0; i < 200_000; i++) junk.set(`k${i}`, i)
    })
    await open.setInputFiles(await fileOf(hostile))
    await page
      .getByRole('status')
      .filter({ hasText: 'This file holds content this version of Weave does not know' })
      .waitFor()

    // a change no list shows (the stipend currency): stored, and said so
    const quiet = createSpaceStores()
    quiet.stipends.saveSettings({ ...quiet.stipends.settings.getSnapshot(), currency: 'EUR' })
    await open.setInputFiles(await fileOf(quiet.doc))
    await page
      .getByRole('status')
      .filter({
        hasText:
          /^Merged\. No new groups, meetings or skills, but \d+ \S+ of other changes were stored\.$/,
      })
      .waitFor()
    await open.setInputFiles(await fileOf(quiet.doc))
    await page.getByRole('status').filter({ hasText: 'Merged. Nothing new' }).waitFor()

    // the space is as it was: the groups list shows its one group
    await page.getByRole('link', { name: 'Groups' }).click()
    await page.getByRole('heading', { name: 'Riverside Pantry', level: 2 }).waitFor()
  })
})

interface SavedBackup {
  readonly name: string
  readonly mimeType: string
  readonly buffer: Buffer
}

/** Saves a backup of every space on this phone, from Settings. */
async function saveBackup(page: Page): Promise<SavedBackup> {
  await page.getByRole('link', { name: 'Settings' }).click()
  await page.getByLabel('Passphrase for the backup').fill(PASSPHRASE)
  await page.getByLabel('Passphrase again').fill(PASSPHRASE)
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save a backup' }).click(),
  ])
  const buffer = readFileSync(await download.path())
  await page.getByRole('link', { name: 'Spaces' }).click()
  return { name: download.suggestedFilename(), mimeType: 'text/plain', buffer }
}

async function restore(page: Page, file: SavedBackup) {
  await page.getByLabel('Backup file').setInputFiles(file)
  await page.getByLabel('Passphrase of the backup').fill(PASSPHRASE)
  await page.getByRole('button', { name: 'Restore', exact: true }).click()
}
