/**
 * Two people, two separate Chromium processes, the built app and its own signalling server
 * (at /signal on the app's port, as `npm start` runs it): one invites, the other joins by the
 * link and by pasting it; groups added on either side appear on the other, presence shows who
 * is here, and edits made while the other was away arrive when they come back.
 */
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { axeViolations } from '../support/a11y'
import { useApp } from '../support/app-server'
import { unexpectedProblems } from '../support/chromium'
import { addGroup, createSpace } from '../support/flows'

const app = useApp()

const person = (name: string) => app.person(name)

async function openShare(page: Page) {
  await page.getByRole('link', { name: 'Share', exact: true }).click()
  await page.getByRole('heading', { name: 'Share and sync' }).waitFor()
}

/** Server settings and moving to a new key are folded away under "Advanced". */
async function openAdvanced(page: Page) {
  await page.getByText('Advanced: servers and keys').click()
}

/** A joined space opens on its home: what the inviter made shows there as new. */
async function seesNew(page: Page, group: string) {
  await page.getByRole('link', { name: `New group: ${group}` }).waitFor({ timeout: 20_000 })
}

async function openGroups(page: Page) {
  await page.getByRole('link', { name: 'Groups', exact: true }).click()
  await page.getByRole('heading', { name: 'Groups', exact: true, level: 1 }).waitFor()
}

async function inviteLink(page: Page): Promise<string> {
  await openShare(page)
  await page.getByRole('button', { name: 'Show the invite' }).click()
  await page.getByRole('img', { name: /QR code of the invite/ }).waitFor()
  return await page.getByRole('textbox', { name: 'Invite link' }).inputValue()
}

const groupHeading = (page: Page, name: string) => page.getByRole('heading', { name, level: 2 })

describe('inviting and syncing between two phones', () => {
  it('joins by link, syncs both ways with presence, and delivers edits made while away', async () => {
    const ana = await person('Ana')
    await createSpace(ana.page, 'Food Network')
    await addGroup(ana.page, 'Riverside Pantry')
    const link = await inviteLink(ana.page)
    expect(link).toMatch(new RegExp(`^${app.url}/join#space=[\\w-]+&key=[\\w-]+&name=Food`))
    expect(await axeViolations(ana.page)).toEqual([])

    const ben = await person('Ben')
    await ben.page.goto(link)
    await ben.page.getByRole('heading', { name: 'Join “Food Network”?' }).waitFor()
    expect(
      await ben.page.getByText(/Anyone with this invite link can read and change/).count(),
    ).toBe(1)
    await ben.page.getByRole('button', { name: 'Join space' }).click()
    await seesNew(ben.page, 'Riverside Pantry')
    expect(ben.page.url()).not.toContain('key=') // the secret does not stay in the address bar

    // both sides say they are in sync, with whom, and who is here
    await ben.page.getByRole('link', { name: 'In sync with Ana' }).waitFor()
    await ana.page.getByRole('link', { name: 'In sync with Ben' }).waitFor()
    await ana.page.getByRole('status').filter({ hasText: 'Connected to 1 other device.' }).waitFor()
    await ana.page
      .getByRole('list', { name: 'People with this space open now' })
      .getByText('Ben')
      .waitFor()
    await ana.page.getByText(/Last exchanged changes .*, with Ben\./).waitFor()

    // an edit on the joiner's phone reaches the inviter's
    await openGroups(ben.page)
    await addGroup(ben.page, 'Hilltop Seed Library')
    await ana.page.getByRole('link', { name: 'Groups' }).click()
    await groupHeading(ana.page, 'Hilltop Seed Library').waitFor({ timeout: 10_000 })

    // Ben closes the app; Ana keeps working; Ben comes back and gets it with no action
    await ben.context.close()
    // when Ben's goodbye is lost with his browser, Ana notices the silence (5 s + 8 s grace)
    await ana.page
      .getByRole('link', { name: 'Shared · nobody else here right now' })
      .waitFor({ timeout: 30_000 })
    await addGroup(ana.page, 'Northside Tool Share')
    const benAgain = await app.launch({ profileDir: ben.profileDir })
    await benAgain.page.goto(app.url)
    await benAgain.page.getByRole('link', { name: 'Food Network' }).click()
    // the home shows what Ana did while he was away, not what he did himself
    await seesNew(benAgain.page, 'Northside Tool Share')
    expect(await benAgain.page.getByRole('link', { name: /Hilltop Seed Library/ }).count()).toBe(0)
    await openGroups(benAgain.page)
    await groupHeading(benAgain.page, 'Northside Tool Share').waitFor()
    await groupHeading(benAgain.page, 'Hilltop Seed Library').waitFor()

    // opening the invite again does not make a second copy
    await benAgain.page.goto(link)
    await benAgain.page
      .getByRole('heading', { name: '“Food Network” is already on this phone' })
      .waitFor()
    await benAgain.page.getByRole('button', { name: 'Open it' }).click()
    await benAgain.page.getByRole('heading', { name: 'Home', exact: true }).waitFor()
    await benAgain.page.getByRole('link', { name: 'Spaces' }).click()
    expect(await benAgain.page.getByRole('link', { name: 'Food Network' }).count()).toBe(1)

    expect(unexpectedProblems(ana.watcher.problems, [])).toEqual([])
    expect(unexpectedProblems(ben.watcher.problems, [])).toEqual([])
  })

  it('joins by pasting a link on the spaces screen, and explains a broken one', async () => {
    const ana = await person('Ana')
    await createSpace(ana.page, 'Timebank North')
    const link = await inviteLink(ana.page)

    const cleo = await person('Cleo')
    const paste = cleo.page.getByRole('textbox', { name: 'Invite link' })
    await paste.fill(link.slice(0, link.indexOf('key=') + 10)) // cut off while copying
    await cleo.page.getByRole('button', { name: 'Continue' }).click()
    await cleo.page
      .getByRole('alert')
      .filter({ hasText: /missing or changed/ })
      .waitFor()
    expect(await cleo.page.getByRole('link', { name: 'Timebank North' }).count()).toBe(0)

    await paste.fill(`Here is the invite: ${link} see you Tuesday`)
    await cleo.page.getByRole('button', { name: 'Continue' }).click()
    await cleo.page.getByRole('button', { name: 'Join space' }).click()
    await cleo.page.getByRole('heading', { name: 'Home', exact: true }).waitFor()
    await cleo.page.getByRole('link', { name: 'In sync with Ana' }).waitFor({ timeout: 20_000 })
    expect(await axeViolations(cleo.page)).toEqual([])
  })

  it('opens an invite on a phone that has never run Weave: first run, then the invite', async () => {
    const ana = await person('Ana')
    await createSpace(ana.page, 'Mutual Aid East')
    const link = await inviteLink(ana.page)
    const dana = await app.launch()
    await dana.page.goto(link)
    await dana.page.getByRole('heading', { name: 'Welcome to Weave' }).waitFor()
    await dana.page.getByRole('textbox', { name: 'Your name' }).fill('Dana')
    await dana.page.getByRole('button', { name: 'Start' }).click()
    await dana.page.getByRole('heading', { name: 'Join “Mutual Aid East”?' }).waitFor()
    await dana.page.getByRole('button', { name: 'Join space' }).click()
    await dana.page.getByRole('link', { name: 'In sync with Ana' }).waitFor({ timeout: 20_000 })
  })

  it('moves a space to a new key: the content goes along, a removed member is left out', async () => {
    const ana = await person('Ana')
    await createSpace(ana.page, 'Tool Library')
    await addGroup(ana.page, 'Shed One')
    const oldLink = await inviteLink(ana.page)
    const cleo = await person('Cleo')
    await cleo.page.goto(oldLink)
    await cleo.page.getByRole('button', { name: 'Join space' }).click()
    await seesNew(cleo.page, 'Shed One')
    await openGroups(cleo.page)

    await openAdvanced(ana.page)
    await ana.page.getByRole('button', { name: 'Move to a new key' }).click()
    const dialog = ana.page.getByRole('dialog', { name: 'Move “Tool Library” to a new key?' })
    await dialog.getByRole('button', { name: 'Move it' }).click()
    await ana.page.getByRole('heading', { name: 'Share and sync' }).waitFor()
    await ana.page.getByRole('button', { name: 'Show the invite' }).click()
    const newLink = await ana.page.getByRole('textbox', { name: 'Invite link' }).inputValue()
    expect(newLink).not.toBe(oldLink)
    await ana.page.getByRole('link', { name: 'Groups' }).click()
    await groupHeading(ana.page, 'Shed One').waitFor() // everything came along
    await addGroup(ana.page, 'Shed Two')

    await addGroup(cleo.page, 'Cleo Bench')
    await new Promise((resolve) => setTimeout(resolve, 3_000))
    expect(await groupHeading(cleo.page, 'Shed Two').count()).toBe(0)
    expect(await groupHeading(ana.page, 'Cleo Bench').count()).toBe(0)

    await ana.page.getByRole('link', { name: 'Spaces' }).click()
    await ana.page.getByRole('link', { name: 'Tool Library (old key)' }).waitFor()
    expect(await ana.page.getByRole('link', { name: 'Tool Library', exact: true }).count()).toBe(1)
  })

  it('keeps both edits when two phones change different fields of one group at once', async () => {
    const ana = await person('Ana')
    await createSpace(ana.page, 'Co-op Circle')
    await addGroup(ana.page, 'Bakers Co-op')
    const link = await inviteLink(ana.page)
    const ben = await person('Ben')
    await ben.page.goto(link)
    await ben.page.getByRole('button', { name: 'Join space' }).click()
    await seesNew(ben.page, 'Bakers Co-op')
    await openGroups(ben.page)
    await ana.page.getByRole('link', { name: 'Groups' }).click()

    // both open the form before either saves, each changes another field
    for (const page of [ana.page, ben.page]) {
      await page.getByRole('link', { name: 'Bakers Co-op', exact: true }).click()
      await page.getByRole('link', { name: 'Edit profile' }).click()
    }
    await ana.page
      .getByRole('textbox', { name: 'In one line: what the group does' })
      .fill('Bread for the street')
    await ben.page.getByText('Where', { exact: true }).click() // its section of the form
    await ben.page.getByRole('textbox', { name: 'Town or neighbourhood' }).fill('Bristol')
    await ana.page.getByRole('button', { name: 'Save' }).click()
    await ben.page.getByRole('button', { name: 'Save' }).click()

    for (const page of [ana.page, ben.page]) {
      await page.getByText('Bread for the street').first().waitFor({ timeout: 10_000 })
      await page.getByText('Bristol').first().waitFor({ timeout: 10_000 })
    }
  })

  it('refuses a signalling address that is not ws:// or wss://, and keeps the servers it had', async () => {
    const ana = await person('Ana')
    await createSpace(ana.page, 'Land Trust')
    await openShare(ana.page)
    await openAdvanced(ana.page)
    const field = ana.page.getByRole('textbox', { name: /Signalling servers/ })
    await field.fill('https://example.invalid/signal')
    await ana.page.getByRole('button', { name: 'Save servers' }).click()
    await ana.page
      .getByRole('alert')
      .filter({ hasText: 'Line 1: a signalling address starts with wss:// or ws://.' })
      .waitFor()
    await ana.page.reload()
    await ana.page.getByRole('heading', { name: 'Share and sync' }).waitFor()
    await openAdvanced(ana.page)
    expect(await ana.page.getByRole('textbox', { name: /Signalling servers/ }).inputValue()).toBe(
      '',
    )
  })
})

describe('sync by file, with no signalling server at all', () => {
  const offline = useApp({ signalling: false })

  it('syncs by file both ways with no signalling server running, and refuses bad files', async () => {
    const ana = await offline.person('Ana')
    await createSpace(ana.page, 'Seed Savers')
    await addGroup(ana.page, 'Valley Seed Bank')
    await addGroup(ana.page, 'Town Allotments')
    const link = await inviteLink(ana.page)
    const [download] = await Promise.all([
      ana.page.waitForEvent('download'),
      ana.page.getByRole('button', { name: 'Save a sync file' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^weave-seed-savers-\d{4}-\d{2}-\d{2}\.txt$/)
    const text = readFileSync(await download.path(), 'utf8')
    expect(text).not.toContain('Valley Seed Bank') // encrypted
    await ana.context.close() // no one left to sync with live

    const ben = await offline.person('Ben')
    await ben.page.goto(link)
    await ben.page.getByRole('button', { name: 'Join space' }).click()
    await ben.page.getByRole('heading', { name: 'Home', exact: true }).waitFor()
    await openShare(ben.page)
    const open = ben.page.getByLabel('Open a sync file')
    const file = (name: string, body: string) => ({
      name,
      mimeType: 'text/plain',
      buffer: Buffer.from(body),
    })

    const [header = '', body = ''] = text.split('\n')
    const flipped = body.slice(0, 40) + (body[40] === 'A' ? 'B' : 'A') + body.slice(41)
    await open.setInputFiles(file('tampered.txt', `${header}\n${flipped}`))
    await ben.page
      .getByRole('status')
      .filter({ hasText: /damaged or was changed.*Nothing was changed/ })
      .waitFor()
    const foreign = header.replace(/ [\w-]+$/, ' AAAAAAAAAAAAAAAAAAAAAA')
    await open.setInputFiles(file('other.txt', `${foreign}\n${body}`))
    await ben.page
      .getByRole('status')
      .filter({ hasText: /belongs to another space/ })
      .waitFor()
    await open.setInputFiles(file('notes.txt', 'shopping list: rice, beans'))
    await ben.page
      .getByRole('status')
      .filter({ hasText: /not a Weave sync file/ })
      .waitFor()

    await open.setInputFiles(file(download.suggestedFilename(), text))
    await ben.page
      .getByRole('status')
      .filter({ hasText: 'Merged: 2 groups new or changed.' })
      .waitFor()
    await open.setInputFiles(file(download.suggestedFilename(), text))
    await ben.page
      .getByRole('status')
      .filter({ hasText: /Nothing new/ })
      .waitFor()
    await ben.page.getByRole('link', { name: 'Groups' }).click()
    await groupHeading(ben.page, 'Valley Seed Bank').waitFor()
    await groupHeading(ben.page, 'Town Allotments').waitFor()
    expect(await axeViolations(ben.page)).toEqual([])

    // and back: Ben's change reaches Ana by file too, and they hold the same groups
    await addGroup(ben.page, 'Hill Orchard')
    await openShare(ben.page)
    const [reply] = await Promise.all([
      ben.page.waitForEvent('download'),
      ben.page.getByRole('button', { name: 'Save a sync file' }).click(),
    ])
    const replyText = readFileSync(await reply.path(), 'utf8')
    await ben.context.close()
    const anaAgain = await offline.launch({ profileDir: ana.profileDir })
    await anaAgain.page.goto(offline.url)
    await anaAgain.page.getByRole('link', { name: 'Seed Savers' }).click()
    await openShare(anaAgain.page)
    await anaAgain.page
      .getByLabel('Open a sync file')
      .setInputFiles(file(reply.suggestedFilename(), replyText))
    await anaAgain.page
      .getByRole('status')
      .filter({ hasText: 'Merged: 1 group new or changed.' })
      .waitFor()
    await anaAgain.page.getByRole('link', { name: 'Groups' }).click()
    for (const name of ['Valley Seed Bank', 'Town Allotments', 'Hill Orchard'])
      await groupHeading(anaAgain.page, name).waitFor()
  })
})
