/**
 * The space home and the status line across two real phones (separate Chromium processes, the
 * built app and its signalling server): a new space says it is only on this phone; once its
 * invite is out it says it is shared and nobody else is here; when someone joins, each side
 * names the other ("In sync with Ana", in Arabic too), and the joiner's home shows who
 * changed what, one tap from it, with a count on the Home tab for what arrives meanwhile.
 */
import { describe, expect, it } from 'vitest'
import { axeViolations } from '../support/a11y'
import { useApp } from '../support/app-server'
import { catalog } from '../support/catalog'
import { PHONE, unexpectedProblems, watchConsole } from '../support/chromium'
import { addGroup, createSpace, firstRun } from '../support/flows'
import { reportTaps, tapCounter } from '../support/taps'

const app = useApp()

describe('the space home and what the status says', () => {
  it('says only on this phone, then shared, then in sync with the person who joined', async () => {
    const ana = await app.launch({ viewport: PHONE })
    const anaWatch = watchConsole(ana.context)
    await firstRun(ana.page, app.url, 'Ana')
    await createSpace(ana.page, 'Food Network', { stay: 'home' })
    const anaStatus = ana.page.getByRole('status').getByRole('link')
    await ana.page.getByRole('link', { name: 'Only on this phone' }).waitFor()
    // an empty space tells a new person the one next step
    await ana.page.getByRole('link', { name: 'Add your first group' }).waitFor()
    expect(await axeViolations(ana.page)).toEqual([])

    await ana.page.getByRole('link', { name: 'Groups', exact: true }).click()
    await addGroup(ana.page, 'Riverside Pantry')
    await ana.page.getByRole('link', { name: 'Home', exact: true }).click()
    // with a group, the next step is to invite someone; sharing is one tap away
    await ana.page.getByRole('link', { name: 'Invite someone' }).click()
    await ana.page.getByRole('heading', { name: 'Share and sync' }).waitFor()
    await ana.page.getByRole('button', { name: 'Show the invite' }).click()
    const link = await ana.page.getByRole('textbox', { name: 'Invite link' }).inputValue()
    await ana.page.getByRole('link', { name: 'Shared · nobody else here right now' }).waitFor()
    expect(await anaStatus.innerText()).not.toContain('Only on this phone')

    // Ben's phone speaks Arabic: the same truth in his words
    const ar = catalog('ar')
    const ben = await app.launch({ viewport: PHONE, locale: 'ar' })
    const benWatch = watchConsole(ben.context)
    await ben.page.goto(link)
    await ben.page.getByRole('textbox', { name: ar('firstRun.name') }).fill('Ben')
    await ben.page.getByRole('button', { name: ar('firstRun.continue') }).click()
    await ben.page.getByRole('button', { name: ar('join.join') }).click()
    await ben.page
      .getByRole('link', { name: ar('sync.with', { names: 'Ana' }) })
      .waitFor({ timeout: 20_000 })
    await ana.page.getByRole('link', { name: 'In sync with Ben' }).waitFor({ timeout: 20_000 })

    // the joiner's home: who changed what, and a tap leads to it
    const news = ben.page.getByRole('region', { name: ar('home.recentTitle') })
    const row = news.getByRole('link', {
      name: ar('home.groupAdded', { name: 'Riverside Pantry' }),
    })
    await row.waitFor()
    expect(await row.innerText()).toContain('Ana')
    expect(await axeViolations(ben.page)).toEqual([])
    await row.click()
    await ben.page.getByRole('heading', { name: 'Riverside Pantry', level: 1 }).waitFor()

    // away from the home, what others do next shows as a count on the Home tab
    await ana.page.getByRole('link', { name: 'Groups', exact: true }).click()
    await addGroup(ana.page, 'Hilltop Seed Library')
    const unseen = ar('nav.homeUnseen', { count: 1 }).replace(/^[،,]\s*/, '')
    const homeTab = ben.page.getByRole('link', { name: unseen })
    await homeTab.waitFor({ timeout: 10_000 })
    await homeTab.click()
    await ben.page
      .getByRole('region', { name: ar('home.newTitle') })
      .getByRole('link', { name: ar('home.groupAdded', { name: 'Hilltop Seed Library' }) })
      .waitFor()
    expect(await ben.page.getByRole('link', { name: unseen }).count()).toBe(0)

    expect(unexpectedProblems(anaWatch.problems, [])).toEqual([])
    expect(unexpectedProblems(benWatch.problems, [])).toEqual([])
  })

  it('opens the notes of the next meeting from the list of spaces in two taps', async () => {
    const { page } = await app.launch({ viewport: PHONE })
    await firstRun(page, app.url, 'Ana')
    await createSpace(page, 'Hall Network', { stay: 'home' })
    await page.getByRole('link', { name: 'New meeting' }).click()
    await page.getByRole('button', { name: 'Or set the title, date and groups first' }).click()
    await page.getByRole('textbox', { name: 'Title' }).fill('Spring gathering')
    await page.getByRole('button', { name: 'Create meeting' }).click()
    await page.getByRole('textbox', { name: 'Meeting notes' }).waitFor()
    await page.getByRole('link', { name: 'Spaces' }).click()

    // before: the space (on its groups), the Meetings tab, the meeting: 3 taps
    const taps = tapCounter()
    await taps.tap(page.getByRole('link', { name: 'Hall Network' }))
    const next = page.getByRole('region', { name: /^(Next|Last) meeting$/ })
    await taps.tap(next.getByRole('link', { name: /Spring gathering/ }))
    await page.getByRole('textbox', { name: 'Meeting notes' }).waitFor()
    reportTaps('open the next meeting’s notes from the spaces list', taps.count)
    expect(taps.count).toBe(2)
  })
})
