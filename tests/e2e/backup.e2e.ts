/**
 * A lost phone: everything is backed up in one file on the old phone, then restored on a new
 * one (a separate Chromium profile) with the passphrase, with the groups and keys intact.
 */
import { readFileSync } from 'node:fs'
import type { BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations } from '../support/a11y'
import { startApp, type RunningApp } from '../support/app-server'
import { launch } from '../support/chromium'
import { addGroup, createSpace, firstRun } from '../support/flows'

let app: RunningApp | undefined
const contexts: BrowserContext[] = []

beforeAll(async () => {
  app = await startApp()
})
afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)))
  await app?.stop()
})

const PASSPHRASE = 'river stones at dawn'

describe('backup and restore', () => {
  it('backs up every space with a passphrase and restores them on a new phone', async () => {
    const old = await launch()
    contexts.push(old.context)
    await firstRun(old.page, app!.url, 'Ana')
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

    const fresh = await launch()
    contexts.push(fresh.context)
    await firstRun(fresh.page, app!.url, 'Ana')
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
})
