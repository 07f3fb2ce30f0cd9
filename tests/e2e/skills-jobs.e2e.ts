/**
 * Taps per job on the skills map at 360 × 760: "log an exchange from a match". Before, a person
 * read the match, tapped "Time given" and filled the whole form (two groups and the skill
 * again); now the match's "log time given" opens the form filled in and only the hours are
 * left. Both ways are performed and counted; the exchange must land in the log either way.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useApp } from '../support/app-server'
import { PHONE } from '../support/chromium'
import { addGroup, createSpace, firstRun } from '../support/flows'
import { reportTaps, tapCounter } from '../support/taps'

const app = useApp()

const views = (page: Page) => page.getByRole('navigation', { name: 'Parts of the skills map' })

async function addEntry(page: Page, group: string, kind: 'offer' | 'need', how: string) {
  if (!(await page.getByRole('heading', { name: 'Add offer or need', level: 1 }).isVisible()))
    await page.getByRole('link', { name: 'Add offer or need' }).click()
  await page.getByRole('combobox', { name: 'Group' }).selectOption({ label: group })
  await page
    .getByRole('radio', { name: kind === 'offer' ? 'We can offer this' : 'We need this' })
    .check()
  await page
    .getByRole('combobox', { name: 'Skill', exact: true })
    .selectOption({ label: 'Bookkeeping' })
  await page
    .getByRole('combobox', { name: kind === 'offer' ? 'How well' : 'How soon' })
    .selectOption({ label: how })
  if (kind === 'offer')
    await page.getByRole('textbox', { name: 'Who to ask (optional)' }).fill('Maya +44 7700 900123')
  await page.getByRole('button', { name: 'Add', exact: true }).click()
  await page.getByRole('status').filter({ hasText: 'Added:' }).last().waitFor()
}

async function logged(page: Page, hours: RegExp) {
  const log = page.getByRole('region', { name: 'Time given, newest first' })
  await log.getByText(hours).waitFor()
}

describe('skills jobs at 360 px', () => {
  it('logs an exchange from a match: counted before (Time given form) and after', async () => {
    const { page } = await app.launch({ viewport: PHONE })
    await firstRun(page, app.url, 'Ana')
    await createSpace(page, 'Skills Network')
    await addGroup(page, 'Riverside Pantry')
    await addGroup(page, 'Leeds Renters')
    await page.getByRole('link', { name: 'Skills', exact: true }).click()
    await addEntry(page, 'Riverside Pantry', 'need', 'Needed now')
    await addEntry(page, 'Leeds Renters', 'offer', 'Can teach it')

    // BEFORE: see the match, then Time given and the whole form
    await views(page).getByRole('link', { name: 'Who can help' }).click()
    const matches = page.getByRole('list', { name: 'Who could help with Bookkeeping' })
    await matches.getByText('Leeds Renters').first().waitFor()
    const before = tapCounter()
    await before.tap(views(page).getByRole('link', { name: 'Time given' }))
    await before.select(page.getByRole('combobox', { name: 'Group that gave its time' }), {
      label: 'Leeds Renters',
    })
    await before.select(page.getByRole('combobox', { name: 'Group that received it' }), {
      label: 'Riverside Pantry',
    })
    await before.select(page.getByRole('combobox', { name: 'Skill', exact: true }), {
      label: 'Bookkeeping',
    })
    await before.fill(page.getByRole('textbox', { name: 'Hours' }), '2')
    await before.tap(page.getByRole('button', { name: 'Log it' }))
    await logged(page, /^Leeds Renters gave Riverside Pantry 2 hours of Bookkeeping$/)
    reportTaps('log an exchange from a match (before: via Time given)', before.count)

    // AFTER: the match's own "log time given"
    await views(page).getByRole('link', { name: 'Who can help' }).click()
    const after = tapCounter()
    await after.tap(
      matches.getByRole('link', { name: 'Log time Leeds Renters gave for Bookkeeping' }),
    )
    await after.fill(page.getByRole('textbox', { name: 'Hours' }), '1.5')
    await after.tap(page.getByRole('button', { name: 'Log it' }))
    await logged(
      page,
      /^Leeds Renters gave Riverside Pantry 1\S* hours? (30 minutes )?of Bookkeeping$/,
    )
    reportTaps('log an exchange from a match', after.count)
    expect(after.count).toBeLessThan(before.count)

    // the match also leads to the group and to Maya's phone
    await views(page).getByRole('link', { name: 'Who can help' }).click()
    expect(
      await matches.getByRole('link', { name: 'Call Maya at Leeds Renters' }).getAttribute('href'),
    ).toBe('tel:+447700900123')
  })
})
