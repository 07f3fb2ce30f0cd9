/**
 * Meetings at phone size: create one (with validation), take notes in the shared editor,
 * keep them through a reload, offline and through a killed browser; save notes as the space's
 * own template; and two phones taking notes at the same meeting while apart end with both
 * people's notes.
 */
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { axeViolations } from '../support/a11y'
import { useApp } from '../support/app-server'
import { killBrowser, unexpectedProblems, watchConsole } from '../support/chromium'
import {
  createSpace,
  createSpaceWithGroups,
  inviteLink,
  joinByLink,
  reloadOffline,
  saved,
} from '../support/flows'

const app = useApp()

const person = (name: string) => app.person(name)

const notes = (page: Page) => page.getByRole('textbox', { name: 'Meeting notes' })

/** Opens a part of the meeting page under the notes ("Decisions · 2") unless it is open. */
async function openPart(page: Page, name: 'Agenda' | 'Decisions' | 'Actions') {
  const toggle = page.getByRole('button', { name: new RegExp(`^${name} · `) })
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click()
}

/** A new meeting with its details set first (the one-tap start is in meeting-jobs.e2e.ts). */
async function newMeetingForm(page: Page) {
  await page.getByRole('link', { name: 'New meeting' }).click()
  await page.getByRole('button', { name: 'Or set the title, date and groups first' }).click()
}

async function recordDecision(page: Page, text: string) {
  await openPart(page, 'Decisions')
  await page.getByRole('textbox', { name: 'What was decided' }).fill(text)
  await page.getByRole('button', { name: 'Record the decision' }).click()
  await decisions(page).getByText(text, { exact: true }).waitFor()
}

async function addAction(page: Page, what: string, who: string) {
  await openPart(page, 'Actions')
  await page.getByRole('textbox', { name: 'What needs doing' }).fill(what)
  await page.getByRole('textbox', { name: 'Who (a person or a group)' }).fill(who)
  await page.getByRole('button', { name: 'Add the action' }).click()
  await page.getByRole('checkbox', { name: what }).waitFor()
}

const decisions = (page: Page) => page.getByRole('list', { name: 'Decisions of this meeting' })

async function newMeeting(page: Page, title: string) {
  await page.getByRole('link', { name: 'Meetings' }).click()
  await newMeetingForm(page)
  await page.getByRole('textbox', { name: 'Title' }).fill(title)
  await page.getByRole('button', { name: 'Create meeting' }).click()
  await page.getByRole('heading', { name: title, level: 1 }).waitFor()
  await notes(page).waitFor()
}

describe('meetings in Chromium', () => {
  it('creates a meeting and keeps notes typed in it through a reload', async () => {
    const { context, page } = await person('Ana')
    const watcher = watchConsole(context)
    await createSpace(page, 'Dialogue Network')
    await page.getByRole('link', { name: 'Meetings' }).click()
    await page.getByText('No meetings yet.', { exact: false }).waitFor()
    await newMeetingForm(page)
    expect(await axeViolations(page)).toEqual([])
    await page.getByRole('button', { name: 'Create meeting' }).click()
    const title = page.getByRole('textbox', { name: 'Title' })
    expect(await title.getAttribute('aria-invalid')).toBe('true')
    expect(await title.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.getByText('Please give the meeting a title.').waitFor()
    await page.getByRole('textbox', { name: 'Place or call link' }).fill('javascript:alert(1)')
    await title.fill('March dialogue space')
    await page.getByRole('button', { name: 'Create meeting' }).click()
    await page.getByText('A call link starts with https:// or http://.').waitFor()
    await page.getByRole('textbox', { name: 'Place or call link' }).fill('Community hall')
    await page.getByRole('button', { name: 'Create meeting' }).click()
    await page.getByRole('heading', { name: 'March dialogue space', level: 1 }).waitFor()

    // the agenda: add, refuse an empty point, reorder, take one off and put it back
    await openPart(page, 'Agenda')
    const point = page.getByRole('textbox', { name: 'New agenda point' })
    await page.getByRole('button', { name: 'Add to the agenda' }).click()
    await page.getByText('Please write the agenda point.').waitFor()
    for (const text of ['Round of news', 'Seed bank', 'Next meeting']) {
      await point.fill(text)
      await page.getByRole('button', { name: 'Add to the agenda' }).click()
    }
    const agenda = page.getByRole('list', { name: 'Agenda, in order' }).getByRole('listitem')
    await page.getByRole('button', { name: 'Move up: Next meeting' }).click()
    await page.getByRole('button', { name: 'Take off: Round of news' }).click()
    expect(await agenda.allInnerTexts()).toEqual([
      expect.stringContaining('Next meeting'),
      expect.stringContaining('Seed bank'),
    ])
    await page.getByRole('button', { name: 'Put back: Round of news' }).click()
    expect(await agenda.count()).toBe(3)

    // a decision and two actions, one overdue; the open-actions view lists it first
    await openPart(page, 'Decisions')
    await openPart(page, 'Actions')
    await page.getByRole('textbox', { name: 'What was decided' }).fill('Join the food network')
    await page.getByRole('combobox', { name: 'How it was decided' }).selectOption('consent')
    await page.getByRole('button', { name: 'Record the decision' }).click()
    await page
      .getByRole('list', { name: 'Decisions of this meeting' })
      .getByText('Consent')
      .waitFor()
    for (const [what, who, due] of [
      ['Send the minutes', 'Ben', ''],
      ['Book the hall', 'Ana', '2020-01-31'],
    ] as const) {
      await page.getByRole('textbox', { name: 'What needs doing' }).fill(what)
      await page.getByRole('textbox', { name: 'Who (a person or a group)' }).fill(who)
      if (due) await page.getByLabel('By when (optional)').fill(due)
      await page.getByRole('button', { name: 'Add the action' }).click()
    }

    await notes(page).click()
    await page.keyboard.type('Round of news. Seed bank needs volunteers.')
    await saved(page)
    expect(await axeViolations(page)).toEqual([])
    await page.getByRole('link', { name: 'Back' }).click()
    await page.getByRole('button', { name: /^More: / }).click()
    await page.getByRole('link', { name: 'Open actions' }).click()
    await page.getByRole('status').filter({ hasText: '2 open actions' }).waitFor()
    const first = page.getByRole('listitem').first()
    expect(await first.innerText()).toMatch(/^Overdue: Book the hall/)
    await page.getByRole('searchbox', { name: /Only for/ }).fill('ben')
    await page.getByRole('status').filter({ hasText: '1 open action' }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    await page.getByRole('link', { name: 'March dialogue space' }).click()
    await openPart(page, 'Actions')
    await page.getByRole('checkbox', { name: 'Book the hall' }).check()
    await page.waitForTimeout(600) // past the 200 ms write batch
    await saved(page)
    await page.reload()
    await notes(page).getByText('Seed bank needs volunteers.').waitFor()
    await openPart(page, 'Actions')
    expect(await page.getByRole('checkbox', { name: 'Book the hall' }).isChecked()).toBe(true)
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save the minutes as a file' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^\d{4}-\d{2}-\d{2}-March-dialogue-space\.md$/)
    const minutes = readFileSync(await download.path(), 'utf8')
    for (const line of [
      '# March dialogue space',
      '- **Place or call link:** Community hall',
      '1. Round of news\n2. Next meeting\n3. Seed bank',
      'Seed bank needs volunteers.',
      '- Join the food network (Consent)',
      '- [ ] Send the minutes — Ben',
    ])
      expect(minutes).toContain(line)
    // a due date in the reader's words, never "by 2020-01-31"
    expect(minutes).toMatch(/- \[x\] Book the hall — Ana, by Fri,? (31 Jan|Jan 31),? 2020\n/)
    await page.getByRole('link', { name: 'Back' }).click()
    await page.getByRole('link', { name: 'March dialogue space' }).waitFor()
    // search and filters are folded behind Filter: the meetings come first
    await page.getByRole('button', { name: 'Filter' }).click()
    const search = page.getByRole('searchbox', { name: /Search titles, notes/ })
    await search.fill('volunteers') // a word from the notes
    await page.getByRole('status').filter({ hasText: '1 of 1 meeting' }).waitFor()
    await search.fill('volunteers tractor')
    await page.getByRole('status').filter({ hasText: '0 of 1 meeting' }).waitFor()
    await search.fill('')
    expect(await axeViolations(page)).toEqual([])
    expect(unexpectedProblems(watcher.problems, [])).toEqual([])
  })

  it('prepares a dialogue round with a section for each group taking part', async () => {
    const { page } = await person('Ana')
    await createSpaceWithGroups(page, 'Round Network', ['Riverside Pantry', 'Seed Library'])
    await page.getByRole('link', { name: 'Meetings' }).click()
    await newMeetingForm(page)
    await page.getByRole('textbox', { name: 'Title' }).fill('April round')
    await page.getByRole('checkbox', { name: 'Riverside Pantry' }).check()
    await page.getByRole('checkbox', { name: 'Seed Library' }).check()
    await page
      .getByRole('combobox', { name: 'Start the notes from' })
      .selectOption('dialogue-round')
    await page.getByRole('button', { name: 'Create meeting' }).click()
    for (const text of ['## Riverside Pantry', '## Seed Library'])
      await notes(page).getByText(text).waitFor()
    // a line each once the editor has taken over from the text area that stands in for it
    await expect.poll(() => notes(page).getByText('What we need from the network:').count()).toBe(2)

    // the space keeps these notes as its own template, and a new meeting starts from them
    await notes(page).click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type('Shared question: what did the month teach us?')
    await page.getByRole('button', { name: 'Use these notes again' }).click()
    const reuse = page.getByRole('region', { name: 'Use these notes again' })
    const name = reuse.getByRole('textbox', { name: 'Template name' })
    await reuse.getByRole('button', { name: 'Save these notes as a template' }).click()
    await reuse.getByRole('alert').filter({ hasText: 'Please give the template a name.' }).waitFor()
    expect(await name.getAttribute('aria-invalid')).toBe('true')
    await name.fill('Our monthly round')
    await reuse.getByRole('button', { name: 'Save these notes as a template' }).click()
    await reuse
      .getByRole('status')
      .filter({ hasText: 'Template “Our monthly round” added' })
      .waitFor()
    expect(await axeViolations(page)).toEqual([])
    await page.getByRole('link', { name: 'Back' }).click()
    await newMeetingForm(page)
    await page.getByRole('textbox', { name: 'Title' }).fill('May round')
    await page
      .getByRole('combobox', { name: 'Start the notes from' })
      .selectOption({ label: 'Our monthly round' })
    await page.getByRole('button', { name: 'Create meeting' }).click()
    await page.getByRole('heading', { name: 'May round', level: 1 }).waitFor()
    await notes(page).getByText('Shared question: what did the month teach us?').waitFor()
    await notes(page).getByText('## Seed Library').waitFor()

    // deleted from the space's templates, it is no longer offered (and can be restored)
    await page.getByRole('link', { name: 'Back' }).click()
    await page.getByRole('button', { name: /^More: / }).click()
    await page.getByRole('link', { name: 'Note templates' }).click()
    const saved = page.getByRole('list', { name: "This space's templates" })
    await saved.getByText('Our monthly round', { exact: true }).click() // opens its notes
    await saved.getByText('Shared question: what did the month teach us?').waitFor()
    expect(await axeViolations(page)).toEqual([])
    await page.getByRole('button', { name: 'Delete template: Our monthly round' }).click()
    await page.getByRole('button', { name: 'Restore template: Our monthly round' }).waitFor()
    await page.getByRole('link', { name: 'Back' }).click()
    await newMeetingForm(page)
    const choice = page.getByRole('combobox', { name: 'Start the notes from' })
    expect(await choice.getByRole('option').allInnerTexts()).toEqual([
      'Blank notes',
      'A dialogue round (a section per group)',
      'A workshop',
    ])
  })

  it('offline after the service worker took control: a dialogue round, notes, a decision and an action survive a reload', async () => {
    const { context, page } = await person('Ana')
    const watcher = watchConsole(context)
    await createSpaceWithGroups(page, 'Hall Network', ['Riverside Pantry', 'Seed Library'])
    await reloadOffline(page) // the shell now comes from the service worker's cache
    await page.getByRole('heading', { name: 'Groups' }).waitFor()
    await page.getByRole('link', { name: 'Offline' }).waitFor()

    await page.getByRole('link', { name: 'Meetings' }).click()
    await newMeetingForm(page)
    await page.getByRole('textbox', { name: 'Title' }).fill('Round with no signal')
    await page.getByRole('checkbox', { name: 'Riverside Pantry' }).check()
    await page.getByRole('checkbox', { name: 'Seed Library' }).check()
    await page
      .getByRole('combobox', { name: 'Start the notes from' })
      .selectOption('dialogue-round')
    await page.getByRole('button', { name: 'Create meeting' }).click()
    await notes(page).getByText('## Seed Library').waitFor()
    await notes(page).click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type('Seed swap moved to May.')
    await recordDecision(page, 'Share one stall at the market')
    await addAction(page, 'Ask the hall about Saturdays', 'Ben')
    await saved(page)

    await page.reload()
    await page.getByRole('heading', { name: 'Round with no signal', level: 1 }).waitFor()
    for (const text of ['## Riverside Pantry', '## Seed Library', 'Seed swap moved to May.'])
      await notes(page).getByText(text).waitFor()
    await openPart(page, 'Decisions')
    await openPart(page, 'Actions')
    await decisions(page).getByText('Share one stall at the market', { exact: true }).waitFor()
    expect(
      await page.getByRole('checkbox', { name: 'Ask the hall about Saturdays' }).isChecked(),
    ).toBe(false)
    await context.setOffline(false)
    expect(unexpectedProblems(watcher.problems, [])).toEqual([])
  })

  it('reports a month of participation and stipends, records a payment and saves a CSV', async () => {
    const { page } = await person('Cleo')
    await createSpaceWithGroups(page, 'Stipend Network', ['Riverside Pantry', 'Seed Library'])
    await page.getByRole('link', { name: 'Meetings' }).click()
    await newMeetingForm(page)
    await page.getByRole('textbox', { name: 'Title' }).fill('Monthly dialogue')
    await page.getByRole('checkbox', { name: 'Riverside Pantry' }).check()
    await page.getByRole('button', { name: 'Create meeting' }).click()
    await page.getByRole('link', { name: 'Back' }).click()
    await page.getByRole('button', { name: /^More: / }).click()
    await page.getByRole('link', { name: 'Participation and stipends' }).click()

    // what counts is said in plain words, and nothing is owed until the network chooses
    await page.getByText(/A group counts for a month when it is ticked/).waitFor()
    await page.getByText('The network has not chosen an amount and currency yet').waitFor()
    expect(await page.getByRole('textbox', { name: /Amount per group/ }).inputValue()).toBe('')
    // the currency starts as the one of the phone's region (en-GB), for the network to change
    expect(await page.getByRole('textbox', { name: /Currency/ }).inputValue()).toBe('GBP')
    await page.getByRole('textbox', { name: /Amount per group/ }).fill('500')
    await page.getByRole('textbox', { name: /Currency/ }).fill('XX')
    await page.getByRole('button', { name: 'Save the rule' }).click()
    await page.getByRole('alert').filter({ hasText: 'currency code of three letters' }).waitFor()
    await page.getByRole('textbox', { name: /Currency/ }).fill('GBP')
    await page.getByRole('button', { name: 'Save the rule' }).click()
    await page.getByText('Rule saved.').waitFor()
    await page.getByText('For each month it counts, a group is owed £500.00.').waitFor()

    const table = page.getByRole('table', { name: /Stipends for/ })
    const pantry = table.getByRole('row', { name: /Riverside Pantry/ })
    expect(await pantry.innerText()).toMatch(/Riverside Pantry\s+1\s+£500\.00\s+£0\.00\s+£500\.00/)
    expect(await table.getByRole('row', { name: /Seed Library/ }).innerText()).toMatch(
      /Seed Library\s+0\s+£0\.00\s+£0\.00\s+£0\.00/,
    )
    expect(await axeViolations(page)).toEqual([])

    // a partial payment, confirmed first; the amount starts as what is owed
    await page.getByRole('button', { name: 'Record payment to Riverside Pantry' }).click()
    const dialog = page.getByRole('dialog', { name: 'Record payment to Riverside Pantry' })
    const paid = dialog.getByRole('textbox', { name: /Amount paid/ })
    expect(await paid.inputValue()).toBe('500.00')
    expect(await axeViolations(page)).toEqual([])
    await paid.fill('200')
    await dialog.getByRole('button', { name: 'Record payment' }).click()
    await page.getByText('Payment of £200.00 to Riverside Pantry recorded.').waitFor()
    expect(await pantry.innerText()).toMatch(/£500\.00\s+£200\.00\s+£300\.00/)

    // cancelling records nothing; more than is owed is refused with a message
    await page.getByRole('button', { name: 'Record payment to Riverside Pantry' }).click()
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    expect(await pantry.innerText()).toMatch(/£500\.00\s+£200\.00\s+£300\.00/)
    await page.getByRole('button', { name: 'Record payment to Riverside Pantry' }).click()
    expect(await paid.inputValue()).toBe('300.00')
    await paid.fill('400')
    await dialog.getByRole('button', { name: 'Record payment' }).click()
    await dialog.getByRole('alert').filter({ hasText: 'more than is owed' }).waitFor()
    expect(await pantry.innerText()).toMatch(/£500\.00\s+£200\.00\s+£300\.00/)
    await paid.fill('300')
    await dialog.getByRole('button', { name: 'Record payment' }).click()
    await page.getByText('Payment of £300.00 to Riverside Pantry recorded.').waitFor()
    expect(await pantry.innerText()).toMatch(/£500\.00\s+£500\.00\s+£0\.00/)

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save the report as CSV' }).click(),
    ])
    const csv = readFileSync(await download.path(), 'utf8')
    expect(csv).toMatch(/^\uFEFFMonth,Group,Meetings attended,Due,Paid,Outstanding,/)
    expect(csv).toMatch(/\d{4}-\d{2},Riverside Pantry,1,500\.00,500\.00,0\.00,GBP\r\n/)
  })

  it('keeps everything typed when the browser process is killed the moment it says saved', async () => {
    const { context, page, profileDir } = await person('Ana')
    await createSpace(page, 'Crash Network')
    await newMeeting(page, 'Power cut meeting')
    await notes(page).click()
    await page.keyboard.type('Typed just before the battery died.')
    await recordDecision(page, 'Buy a second battery')
    await addAction(page, 'Charge the phones', 'Cleo')
    await saved(page)
    await killBrowser(context) // SIGKILL at once: no unload, no flush, as when a battery dies
    const again = await app.launch({ profileDir })
    await again.page.goto(app.url)
    await again.page.getByRole('link', { name: 'Crash Network' }).click()
    await again.page.getByRole('link', { name: 'Meetings' }).click()
    await again.page.getByRole('link', { name: 'Power cut meeting' }).click()
    await notes(again.page).getByText('Typed just before the battery died.').waitFor()
    await openPart(again.page, 'Decisions')
    await openPart(again.page, 'Actions')
    await decisions(again.page).getByText('Buy a second battery', { exact: true }).waitFor()
    await again.page.getByRole('checkbox', { name: 'Charge the phones' }).waitFor()
  })

  it('merges notes two phones typed at the same meeting while apart', async () => {
    const ana = await person('Ana')
    await createSpace(ana.page, 'Workshop Network')
    await newMeeting(ana.page, 'Book-keeping workshop')
    const link = await inviteLink(ana.page)

    const ben = await person('Ben')
    await joinByLink(ben.page, link, 'Ana')
    await ben.page.getByRole('link', { name: 'Meetings' }).click()
    await ben.page.getByRole('link', { name: 'Book-keeping workshop' }).click()
    await ana.page.getByRole('link', { name: 'Meetings' }).click()
    await ana.page.getByRole('link', { name: 'Book-keeping workshop' }).click()

    await Promise.all([ana.context.setOffline(true), ben.context.setOffline(true)])
    for (const page of [ana.page, ben.page])
      await page.getByRole('link', { name: 'Offline' }).waitFor()
    await notes(ana.page).click()
    await ana.page.keyboard.type('Ana: ledgers by hand. ')
    await notes(ben.page).click()
    await ben.page.keyboard.type('Ben: spreadsheet template. ')
    await Promise.all([saved(ana.page), saved(ben.page)])

    await Promise.all([ana.context.setOffline(false), ben.context.setOffline(false)])
    for (const page of [ana.page, ben.page]) {
      await notes(page)
        .getByText(/Ana: ledgers by hand\./)
        .waitFor({ timeout: 20_000 })
      await notes(page)
        .getByText(/Ben: spreadsheet template\./)
        .waitFor({ timeout: 20_000 })
    }
    // the same text on both (compared by order: the other person's cursor label is drawn inline)
    const [a, b] = await Promise.all([notes(ana.page).innerText(), notes(ben.page).innerText()])
    const anaFirst = (text: string) =>
      text.indexOf('Ana: ledgers') < text.indexOf('Ben: spreadsheet')
    expect(anaFirst(a)).toBe(anaFirst(b))
  })
})
