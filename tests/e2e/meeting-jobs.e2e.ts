/**
 * The meeting jobs as a person does them on a phone (360 × 760, touch), counted in taps:
 * (a) make a meeting from a template and start typing notes, (b) record who came: six people
 * from three groups, first when nobody is listed yet and then at the next meeting, by ticking.
 * Each job ends by checking what the person sees after a reload. Before the notebook redesign
 * the same jobs took 9 taps (a, groups ticked for the round) and 14 taps (b, typed names).
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { axeViolations } from '../support/a11y'
import { useApp } from '../support/app-server'
import { launch, PHONE } from '../support/chromium'
import { addGroup, createSpace, firstRun } from '../support/flows'
import { reportTaps, tapCounter } from '../support/taps'

const app = useApp()

const GROUPS = {
  'Riverside Pantry': ['Ana', 'Ben'],
  'Seed Library': ['Cleo', 'Dev'],
  'Bike Kitchen': ['Eli', 'Fay'],
} as const
const notes = (page: Page) => page.getByRole('textbox', { name: 'Meeting notes' })
const whoCame = (page: Page) => page.getByRole('button', { name: /^Who came/ })

/** A meeting from the dialogue-round template, typing in its notes at once. */
async function newRound(page: Page, taps: ReturnType<typeof tapCounter>) {
  await taps.tap(page.getByRole('link', { name: 'New meeting' }))
  await taps.tap(page.getByRole('button', { name: 'A dialogue round (a section per group)' }))
  await notes(page).getByText('## Riverside Pantry').waitFor()
  // the cursor is already in the notes, after the first question: typing needs no tap
  // (the editor may still be taking over from the plain text area that stands in while it loads)
  await expect
    .poll(() => notes(page).evaluate((el) => el.contains(document.activeElement)))
    .toBe(true)
  await page.keyboard.type('Forty families this month.')
}

describe('meeting jobs in taps', () => {
  it('makes a meeting from a template, types notes, and takes the register by ticking', async () => {
    const { page, context } = await launch({ viewport: PHONE })
    await firstRun(page, app.url, 'Ana')
    await createSpace(page, 'Jobs Network')
    for (const group of Object.keys(GROUPS)) await addGroup(page, group)
    await page.getByRole('link', { name: 'Meetings' }).click()

    const start = tapCounter()
    await newRound(page, start)
    reportTaps('create a meeting from a template and start typing notes', start.count)
    expect(await notes(page).getByText('Our work: Forty families this month.').count()).toBe(1)
    // the notes are on the first screen, under the title line
    const box = await notes(page).boundingBox()
    expect(box!.y + 100).toBeLessThan(760)

    const first = tapCounter()
    await first.tap(whoCame(page))
    for (const [group, people] of Object.entries(GROUPS))
      for (const name of people) {
        await first.fill(page.getByRole('textbox', { name: `New person in ${group}` }), name)
        await first.tap(page.getByRole('button', { name: `Add to ${group}` }))
        await page.getByRole('checkbox', { name }).waitFor()
      }
    reportTaps('record attendance of 6 people from 3 groups, none listed yet', first.count)
    await page.getByRole('status').filter({ hasText: 'Saved on this phone' }).waitFor()
    await page.waitForTimeout(600) // past the write batch
    await page.reload()
    await notes(page).getByText('Our work: Forty families this month.').waitFor()
    await page.getByRole('button', { name: 'Who came · 6 people, 3 groups' }).click()
    for (const name of Object.values(GROUPS).flat())
      expect(await page.getByRole('checkbox', { name }).isChecked()).toBe(true)
    await page.getByRole('link', { name: 'Counts for stipends: 3 groups' }).waitFor()
    // the register fits the phone: nothing scrolls the page sideways
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    expect(await axeViolations(page)).toEqual([])

    // the next meeting: the same people are listed in their groups; the register is ticks
    await page.getByRole('link', { name: 'Back' }).click()
    await newRound(page, tapCounter())
    const next = tapCounter()
    await next.tap(whoCame(page))
    for (const name of Object.values(GROUPS).flat())
      await next.tap(page.getByRole('checkbox', { name }))
    reportTaps('record attendance of 6 people from 3 groups, listed in their groups', next.count)
    await page.waitForTimeout(600)
    await page.reload()
    await page.getByRole('button', { name: 'Who came · 6 people, 3 groups' }).click()
    for (const group of Object.keys(GROUPS))
      expect(await page.getByRole('checkbox', { name: group, exact: true }).isChecked()).toBe(true)
    await context.close()
  })
})
