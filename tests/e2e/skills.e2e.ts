/**
 * The skills map at phone size, on two phones: groups say what they offer and need, the match
 * appears for both groups on both phones, an exchange of time changes both balances, and the
 * table and the time log save as CSV with what was entered.
 */
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { axeViolations } from '../support/a11y'
import { useApp } from '../support/app-server'
import { unexpectedProblems, watchConsole } from '../support/chromium'
import { addGroup, createSpace, waitForServiceWorker } from '../support/flows'

const app = useApp()

const person = (name: string) => app.person(name)

const views = (page: Page) => page.getByRole('navigation', { name: 'Parts of the skills map' })
const saved = (page: Page) =>
  page.getByRole('status').filter({ hasText: 'Saved on this phone' }).waitFor()

async function addEntry(
  page: Page,
  entry: { group: string; kind: 'offer' | 'need'; skill: string; how: string; contact?: string },
) {
  // the form stays open after adding, ready for the next one
  if (!(await page.getByRole('heading', { name: 'Add offer or need', level: 1 }).isVisible()))
    await page.getByRole('link', { name: 'Add offer or need' }).click()
  await page.getByRole('combobox', { name: 'Group' }).selectOption({ label: entry.group })
  await page
    .getByRole('radio', { name: entry.kind === 'offer' ? 'We can offer this' : 'We need this' })
    .check()
  await page
    .getByRole('combobox', { name: 'Skill', exact: true })
    .selectOption({ label: entry.skill })
  await page
    .getByRole('combobox', { name: entry.kind === 'offer' ? 'How well' : 'How soon' })
    .selectOption({ label: entry.how })
  if (entry.contact)
    await page.getByRole('textbox', { name: 'Who to ask (optional)' }).fill(entry.contact)
  await page.getByRole('button', { name: 'Add', exact: true }).click()
  await page
    .getByRole('status')
    .filter({ hasText: `Added: ${entry.group} ${entry.kind === 'offer' ? 'offers' : 'needs'}` })
    .waitFor()
}

async function chooseMyGroup(page: Page, group: string) {
  await views(page).getByRole('link', { name: 'Who can help' }).click()
  await page
    .getByRole('combobox', { name: 'Our group on this phone' })
    .selectOption({ label: group })
}

describe('the skills map in Chromium', () => {
  it('matches needs with offers for both groups on two phones, logs time, exports CSV', async () => {
    const ana = await person('Ana')
    const watcher = watchConsole(ana.context)
    await createSpace(ana.page, 'Skills Network')
    // the meeting hall has no signal: everything until the invite is done offline
    await waitForServiceWorker(ana.page)
    await ana.context.setOffline(true)
    await addGroup(ana.page, 'Riverside Pantry')
    await addGroup(ana.page, 'Leeds Renters')
    await ana.page.getByRole('link', { name: 'Skills' }).click()
    await ana.page.getByRole('heading', { name: 'Skills', level: 1 }).waitFor()
    await ana.page.getByText('No group has said what it needs yet.').waitFor()

    // bad input: nothing chosen gets a message on the field, and nothing is added
    await ana.page.getByRole('link', { name: 'Add offer or need' }).click()
    expect(await axeViolations(ana.page)).toEqual([])
    await ana.page.getByRole('button', { name: 'Add', exact: true }).click()
    await ana.page.getByText('Please choose a group.').waitFor()
    const group = ana.page.getByRole('combobox', { name: 'Group' })
    expect(await group.evaluate((el) => el === document.activeElement)).toBe(true)

    // a new skill under a name close to one on the list is pointed at the one there
    await ana.page.getByRole('combobox', { name: 'Skill', exact: true }).selectOption({
      label: 'A skill not on the list…',
    })
    await ana.page.getByRole('textbox', { name: 'Name of the skill' }).fill('Book-keeping')
    await ana.page.getByText('“Bookkeeping” is already on the list. Is it the same?').waitFor()

    await addEntry(ana.page, {
      group: 'Riverside Pantry',
      kind: 'need',
      skill: 'Bookkeeping',
      how: 'Needed now',
    })
    await addEntry(ana.page, {
      group: 'Leeds Renters',
      kind: 'offer',
      skill: 'Bookkeeping',
      how: 'Can teach it',
      contact: 'Maya, 07700 900123',
    })
    await addEntry(ana.page, {
      group: 'Leeds Renters',
      kind: 'need',
      skill: 'Growing food',
      how: 'Needed soon',
    })
    await addEntry(ana.page, {
      group: 'Riverside Pantry',
      kind: 'offer',
      skill: 'Growing food',
      how: 'Can do it',
    })
    await saved(ana.page)
    await ana.page.reload() // offline: the service worker serves the app, IndexedDB the data

    // the match for the Pantry, on Ana's phone
    await chooseMyGroup(ana.page, 'Riverside Pantry')
    const helpUs = ana.page.getByRole('region', { name: 'Who could help Riverside Pantry' })
    await helpUs.getByText('Leeds Renters').waitFor()
    await helpUs.getByText('Can teach it').waitFor()
    await helpUs.getByText('Ask: Maya, 07700 900123').waitFor()
    const weHelp = ana.page.getByRole('region', { name: 'Whom Riverside Pantry could help' })
    await weHelp.getByText('Leeds Renters').waitFor()
    expect(await axeViolations(ana.page)).toEqual([])

    // back online, Ben joins on his phone and speaks for the Renters: the same match, seen
    // from their side
    await ana.context.setOffline(false)
    await ana.page.getByRole('link', { name: 'Share', exact: true }).click()
    await ana.page.getByRole('button', { name: 'Show the invite' }).click()
    const link = await ana.page.getByRole('textbox', { name: 'Invite link' }).inputValue()
    const ben = await person('Ben')
    await ben.page.goto(link)
    await ben.page.getByRole('button', { name: 'Join space' }).click()
    await ben.page.getByRole('link', { name: 'In sync with Ana' }).waitFor({ timeout: 20_000 })
    await ben.page.getByRole('link', { name: 'Skills' }).click()
    await ben.page.getByRole('heading', { name: 'Skills', level: 1 }).waitFor()
    // Ben chooses his group in Settings, where every space's group can be chosen
    await ben.page.getByRole('link', { name: 'Settings' }).click()
    await ben.page.getByText('Skills Network', { exact: true }).click() // opens that space's row
    await ben.page
      .getByRole('combobox', { name: 'Our group in Skills Network' })
      .selectOption({ label: 'Leeds Renters' })
    await ben.page.goBack()
    const benHelp = ben.page.getByRole('region', { name: 'Who could help Leeds Renters' })
    await benHelp.getByText('Riverside Pantry').waitFor({ timeout: 20_000 })
    const benWeHelp = ben.page.getByRole('region', { name: 'Whom Leeds Renters could help' })
    await benWeHelp.getByText('Riverside Pantry').waitFor()
    await benWeHelp.getByText('Needed now').waitFor()

    // Ben logs the time his group gave; both phones show both balances changed
    await views(ben.page).getByRole('link', { name: 'Time given' }).click()
    expect(await axeViolations(ben.page)).toEqual([])
    await ben.page.getByRole('combobox', { name: 'Group that gave its time' }).selectOption({
      label: 'Leeds Renters',
    })
    await ben.page.getByRole('combobox', { name: 'Group that received it' }).selectOption({
      label: 'Riverside Pantry',
    })
    await ben.page
      .getByRole('combobox', { name: 'Skill', exact: true })
      .selectOption({ label: 'Bookkeeping' })
    await ben.page.getByRole('textbox', { name: 'Hours' }).fill('two')
    await ben.page.getByRole('button', { name: 'Log it' }).click()
    await ben.page.getByText('Write the hours as a number, like 2 or 1.5.').waitFor()
    await ben.page.getByRole('textbox', { name: 'Hours' }).fill('1,5')
    await ben.page.getByRole('textbox', { name: 'Date' }).fill('2026-03-04')
    await ben.page.getByRole('textbox', { name: 'Note (optional)' }).fill('VAT returns, "how to"')
    await ben.page.getByRole('button', { name: 'Log it' }).click()
    await ben.page.getByText('Logged: time from Leeds Renters to Riverside Pantry.').waitFor()

    for (const page of [ben.page, ana.page]) {
      if (page === ana.page) {
        await page.getByRole('link', { name: 'Skills' }).click()
        await views(page).getByRole('link', { name: 'Time given' }).click()
      }
      const balances = page.getByRole('table', { name: 'Hours given and received' })
      await balances
        .getByRole('row', { name: 'Leeds Renters 1.5 hours 0 hours' })
        .waitFor({ timeout: 20_000 })
      await balances.getByRole('row', { name: 'Riverside Pantry 0 hours 1.5 hours' }).waitFor()
    }

    const [logFile] = await Promise.all([
      ana.page.waitForEvent('download'),
      ana.page.getByRole('button', { name: 'Save the time log as CSV' }).click(),
    ])
    const log = readFileSync(await logFile.path(), 'utf8')
    expect(log).toBe(
      '\uFEFFDate,Given by,Received by,Skill,Hours,Note\r\n' +
        '2026-03-04,Leeds Renters,Riverside Pantry,Bookkeeping,1.5,"VAT returns, ""how to"""\r\n',
    )

    // the table of groups × skills, on screen and as CSV
    await views(ana.page).getByRole('link', { name: 'Table' }).click()
    const table = ana.page.getByRole('table', { name: /2 groups and 2 skills/ })
    await table.getByRole('row', { name: /Leeds Renters Teaches Needs soon/ }).waitFor()
    expect(await axeViolations(ana.page)).toEqual([])
    const [matrixFile] = await Promise.all([
      ana.page.waitForEvent('download'),
      ana.page.getByRole('button', { name: 'Save the table as CSV' }).click(),
    ])
    expect(readFileSync(await matrixFile.path(), 'utf8')).toBe(
      '\uFEFFGroup,Bookkeeping,Growing food\r\n' +
        'Leeds Renters,Can teach it,Needed soon\r\n' +
        'Riverside Pantry,Needed now,Can do it\r\n',
    )

    // the network picture and its list say the same
    await views(ana.page).getByRole('link', { name: 'Network picture' }).click()
    await ana.page.getByRole('img', { name: /Picture of 2 groups and 1 link/ }).waitFor()
    await ana.page
      .getByRole('listitem')
      .filter({ hasText: 'Leeds Renters and Riverside Pantry: 2 matches, 1.5 hours given' })
      .waitFor()
    expect(await axeViolations(ana.page)).toEqual([])

    expect(unexpectedProblems(watcher.problems, [])).toEqual([])
  })

  it('merges two names of one skill, keeping every offer and need under the one kept', async () => {
    const { page } = await person('Ana')
    await createSpace(page, 'Merge Network')
    await addGroup(page, 'Allotment Society')
    await addGroup(page, 'Tenants Union')
    await page.getByRole('link', { name: 'Skills' }).click()
    // a skill added under another spelling, used by one group; the usual one by the other
    await page.getByRole('link', { name: 'Add offer or need' }).click()
    await page.getByRole('combobox', { name: 'Group' }).selectOption({ label: 'Tenants Union' })
    await page.getByRole('radio', { name: 'We need this' }).check()
    await page.getByRole('combobox', { name: 'Skill', exact: true }).selectOption({
      label: 'A skill not on the list…',
    })
    await page.getByRole('textbox', { name: 'Name of the skill' }).fill('Book keeping')
    await page.getByRole('button', { name: 'Add', exact: true }).click()
    await page.getByRole('status').filter({ hasText: 'Added: Tenants Union needs' }).waitFor()
    await addEntry(page, {
      group: 'Allotment Society',
      kind: 'offer',
      skill: 'Bookkeeping',
      how: 'Can do it',
    })

    await views(page).getByRole('link', { name: 'All skills' }).click()
    await page.getByRole('searchbox', { name: 'Find a skill' }).fill('book')
    await page.getByRole('link', { name: 'Book keeping' }).click()
    await page.getByRole('heading', { name: 'Book keeping', level: 1 }).waitFor()
    await page.getByText('“Bookkeeping” looks like the same skill.').waitFor()
    await page.getByRole('button', { name: 'Put “Bookkeeping” into “Book keeping”' }).click()
    await page.getByText('All offers, needs and hours moved.').waitFor()
    await page
      .getByRole('region', { name: 'Who offers it' })
      .getByText('Allotment Society')
      .waitFor()
    await page.getByRole('region', { name: 'Who needs it' }).getByText('Tenants Union').waitFor()

    await views(page).getByRole('link', { name: 'Who can help' }).click()
    const need = page.getByRole('list', { name: 'Who could help with Book keeping' })
    await need.getByText('Allotment Society').waitFor()

    // and it can be undone
    await views(page).getByRole('link', { name: 'All skills' }).click()
    await page.getByRole('link', { name: 'Book keeping' }).click()
    await page.getByRole('button', { name: 'Separate “Bookkeeping” again' }).click()
    await page.getByText('“Bookkeeping” is its own skill again.').waitFor()
    await page.getByRole('region', { name: 'Who offers it' }).getByText('Nobody yet.').waitFor()
  })
})
