/**
 * Group profiles in real Chromium at phone size: create by name alone (with validation), add
 * more details section by section, edit, search, filter, delete with Undo and restore; export a Murmurations profile that holds the public fields and
 * none of the network-only ones; a draft that survives a reload; no axe violations on the
 * list, the profile and the form. Screenshots go to /tmp/groups-*.png for a person to look at.
 */
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { axeViolations } from '../support/a11y'
import { useApp } from '../support/app-server'
import { launch, unexpectedProblems, watchConsole } from '../support/chromium'
import { addGroup, createSpace, firstRun, waitForServiceWorker } from '../support/flows'

const app = useApp()

const saved = (page: Page) =>
  page.getByRole('status').filter({ hasText: 'Saved on this phone' }).waitFor()

/** A section of "Add more details" in the form, by its title. */
const section = (page: Page, title: string) =>
  page
    .locator('details.form-section')
    .filter({ has: page.locator('summary', { hasText: new RegExp(`^${title}$`) }) })

async function open(page: Page, title: string) {
  const details = section(page, title)
  if (!(await details.evaluate((el: HTMLDetailsElement) => el.open)))
    await details.locator('summary').click()
  return details
}

async function expectNoAxeViolations(page: Page) {
  expect(await axeViolations(page)).toEqual([])
}

describe('group profiles in Chromium', () => {
  it('creates, edits, finds, exports, deletes and restores a group', async () => {
    const { context, page } = await launch()
    const watcher = watchConsole(context)
    await firstRun(page, app.url)
    await page.getByRole('heading', { name: 'Your spaces' }).waitFor()
    await createSpace(page, 'Leeds Network')
    await addGroup(page, 'Seed Library')

    // The form refuses a group without a name, says why, and moves focus to the name.
    await page.getByRole('button', { name: 'Add group' }).click()
    await page.getByRole('heading', { name: 'New group', level: 1 }).waitFor()
    await expectNoAxeViolations(page)
    await page.getByRole('textbox', { name: 'In one line: what the group does' }).fill('Bulk food')
    await page.getByRole('button', { name: 'Add group' }).click()
    const name = page.getByRole('textbox', { name: 'Group name' })
    expect(await name.getAttribute('aria-invalid')).toBe('true')
    expect(await name.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.getByText('Please write the group’s name.').waitFor()
    await expectNoAxeViolations(page)

    await name.fill('Chapeltown Food Co-op')
    await page.getByRole('button', { name: 'Add group' }).click()
    // the new group's profile opens, with the sections still to fill in
    await page.getByRole('heading', { name: 'Chapeltown Food Co-op', level: 1 }).waitFor()
    await page.getByText('Chapeltown Food Co-op added.').waitFor()
    await saved(page)
    const more = page.getByRole('region', { name: 'Add more details' })
    await more.getByRole('link', { name: 'Where' }).click()
    const where = section(page, 'Where')
    await where.getByRole('textbox', { name: 'Town or neighbourhood' }).fill('Leeds')
    await where.getByRole('textbox', { name: 'Region', exact: true }).fill('Yorkshire')
    await where.getByRole('combobox', { name: 'Country' }).selectOption('GB')
    await where.getByRole('combobox', { name: 'Who can see this' }).selectOption('public')
    const about = await open(page, 'About the group')
    await about.getByRole('combobox', { name: 'Who can see this' }).selectOption('public')
    const work = await open(page, 'What the group does')
    await work.getByRole('checkbox', { name: 'Food', exact: true }).check()
    const contact = await open(page, 'Contact')
    await contact
      .getByRole('textbox', { name: 'Email', exact: true })
      .fill('hello@chapeltown.example')
    await contact.getByRole('textbox', { name: 'Phone', exact: true }).fill('0113 496 0000')
    await contact.getByRole('combobox', { name: 'Who can see this' }).selectOption('each')
    await contact
      .getByRole('group', { name: 'In the public profile' })
      .getByRole('checkbox', { name: 'Email' })
      .check()
    const people = await open(page, 'People')
    await people.getByRole('button', { name: 'Add a person' }).click()
    await people.getByRole('textbox', { name: 'Name', exact: true }).fill('Rosa Park')
    await people.getByRole('textbox', { name: 'Role', exact: true }).fill('Treasurer')
    const membership = await open(page, 'Membership criteria')
    await membership
      .getByRole('group', { name: 'Working in the solidarity economy' })
      .getByRole('radio', { name: 'Yes' })
      .check()
    await expectNoAxeViolations(page)
    await page.screenshot({ path: '/tmp/groups-form.png', fullPage: true })
    await page.getByRole('button', { name: 'Save' }).click()
    await page.getByText('Chapeltown Food Co-op saved.').waitFor()
    await saved(page)
    await page.getByRole('link', { name: 'Back' }).click()
    await page.getByRole('heading', { name: 'Chapeltown Food Co-op', level: 2 }).waitFor()

    // Search and filters, with counts.
    await page.getByRole('searchbox', { name: 'Search groups' }).fill('leeds')
    await page.getByText('1 of 2 groups').waitFor()
    expect(await page.getByRole('heading', { name: 'Seed Library' }).count()).toBe(0)
    await page.getByRole('searchbox', { name: 'Search groups' }).fill('zzz')
    await page.getByText('No group matches this search').waitFor()
    await page.getByRole('button', { name: 'Clear search and filters' }).click()
    await page.getByText('2 groups').waitFor()
    await page.getByText('Filter', { exact: true }).click()
    await page.getByRole('combobox', { name: 'Activity' }).selectOption({ label: 'Food' })
    await page.getByText('1 of 2 groups').waitFor()
    await page.getByRole('combobox', { name: 'Region' }).selectOption('Yorkshire')
    await page.getByRole('heading', { name: 'Chapeltown Food Co-op', level: 2 }).waitFor()
    await page.getByRole('button', { name: 'Clear search and filters' }).click()
    await page.getByRole('heading', { name: 'Seed Library', level: 2 }).waitFor()
    await expectNoAxeViolations(page)
    await page.screenshot({ path: '/tmp/groups-list.png', fullPage: true })

    // The profile shows what is filled, public or not, and who changed it.
    await page.getByRole('link', { name: 'Chapeltown Food Co-op', exact: true }).click()
    await page.getByRole('heading', { name: 'Chapeltown Food Co-op', level: 1 }).waitFor()
    await page.getByText('Last changed by Amina').waitFor()
    await page.getByText('Rosa Park').waitFor()
    const offers = page.getByRole('region', { name: 'Offers and needs' })
    await offers.getByText('No offers or needs on the skills map yet.').waitFor()
    await offers.getByRole('link', { name: 'Add an offer or need' }).waitFor()
    await expectNoAxeViolations(page)
    await page.screenshot({ path: '/tmp/groups-profile.png', fullPage: true })

    // Edit: the summary changes, the rest stays.
    await page.getByRole('link', { name: 'Edit profile' }).click()
    const summary = page.getByRole('textbox', { name: 'In one line: what the group does' })
    await summary.fill('Bulk food for 40 households')
    // A reload keeps what was typed.
    await page.reload()
    await page.getByText('it is not saved yet').waitFor()
    expect(await summary.inputValue()).toBe('Bulk food for 40 households')
    await page.getByRole('button', { name: 'Save' }).click()
    await page.getByText('Chapeltown Food Co-op saved.').waitFor()
    await page.getByText('Bulk food for 40 households').first().waitFor()

    // Export: public fields only.
    await page.getByText('Public profile for other networks').click() // folded at the end
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export for Murmurations' }).click(),
    ])
    const profile = JSON.parse(readFileSync(await download.path(), 'utf8')) as Record<
      string,
      unknown
    >
    expect(profile).toMatchObject({
      linked_schemas: ['organizations_schema-v1.0.0'],
      name: 'Chapeltown Food Co-op',
      description: 'Bulk food for 40 households',
      locality: 'Leeds',
      region: 'Yorkshire',
      country_iso_3166: 'GB',
      contact_details: { email: 'hello@chapeltown.example' },
    })
    expect(profile.telephone).toBeUndefined()
    expect(profile.tags).toBeUndefined() // activities were left network-only
    expect(JSON.stringify(profile)).not.toContain('Rosa')

    // Delete, at the end of the profile, goes back to the list and offers Undo.
    await page.getByRole('button', { name: 'Delete Chapeltown Food Co-op' }).click()
    await page.getByText('Chapeltown Food Co-op deleted.').waitFor()
    await page.getByText('1 group', { exact: true }).waitFor()
    await page.getByRole('button', { name: 'Undo' }).click()
    await page.getByRole('heading', { name: 'Chapeltown Food Co-op', level: 2 }).waitFor()
    await page.getByText('2 groups', { exact: true }).waitFor()
    // From the list too, into the trash; restore brings it back.
    await page.getByRole('button', { name: 'Delete Chapeltown Food Co-op' }).click()
    await page.getByText('1 group', { exact: true }).waitFor()
    await page.getByText('Trash: 1 group').click()
    await page.getByRole('button', { name: 'Restore Chapeltown Food Co-op' }).click()
    await page.getByRole('heading', { name: 'Chapeltown Food Co-op', level: 2 }).waitFor()
    await saved(page)

    await context.close()
    expect(unexpectedProblems(watcher.problems, [])).toEqual([])
  })

  it('starts with an example network from the first-run screen', async () => {
    const { context, page } = await launch()
    await page.goto(app.url)
    await page.getByRole('textbox', { name: 'Your name' }).fill('Kai')
    await page.getByRole('button', { name: 'Try it with example data' }).click()
    await page.getByRole('heading', { name: 'Groups', level: 1 }).waitFor()
    await page.getByRole('heading', { name: 'Riverside Food Co-op', level: 2 }).waitFor()
    expect(await page.getByText('Fictional example:').count()).toBeGreaterThanOrEqual(4)
    await context.close()
  })
  it('fills in a profile and exports it on a phone with no network at all', async () => {
    const { context, page } = await launch()
    await firstRun(page, app.url)
    await page.getByRole('heading', { name: 'Your spaces' }).waitFor()
    await waitForServiceWorker(page)
    await context.setOffline(true)
    await page.reload() // from the service worker's cache
    await createSpace(page, 'Offline Network')
    await page.getByRole('button', { name: 'Add group' }).click()
    await page.getByRole('textbox', { name: 'Group name' }).fill('Hillside Water Co-op')
    await page.getByRole('button', { name: 'Add group' }).click()
    await page.getByRole('link', { name: 'About the group' }).click()
    await section(page, 'About the group')
      .getByRole('combobox', { name: 'Who can see this' })
      .selectOption('public')
    const where = await open(page, 'Where')
    await where.getByRole('textbox', { name: 'Town or neighbourhood' }).fill('Hillside')
    await page.getByRole('button', { name: 'Save' }).click()
    await page.getByText('Hillside Water Co-op saved.').waitFor()
    await page.getByText('Public profile for other networks').click() // folded at the end
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export for Murmurations' }).click(),
    ])
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as Record<
      string,
      unknown
    >
    expect(exported.name).toBe('Hillside Water Co-op')
    expect(JSON.stringify(exported)).not.toContain('Hillside"') // the town stayed network-only
    expect(await page.evaluate(() => navigator.onLine)).toBe(false)
    await context.close()
  })
  it('lets a network choose its own membership criteria, which the group form then asks', async () => {
    const { context, page } = await launch()
    await firstRun(page, app.url)
    await createSpace(page, 'Criteria Network')
    await page.getByRole('link', { name: 'Membership criteria of this network' }).click()
    await page.getByRole('heading', { name: 'Membership criteria', level: 1 }).waitFor()
    const list = page.getByRole('list', { name: 'Criteria, in order' })
    expect(await list.getByRole('listitem').count()).toBe(6)
    expect(await axeViolations(page)).toEqual([])

    await page.getByRole('button', { name: 'Add criterion' }).click()
    await page.getByRole('alert').filter({ hasText: 'Please write the criterion.' }).waitFor()
    await page.getByRole('textbox', { name: 'Wording' }).fill('Meets at least once a month')
    await page.getByRole('button', { name: 'Add criterion' }).click()
    await page.getByText('Criterion added.').waitFor()
    await page.getByRole('button', { name: 'Move up: Meets at least once a month' }).click()
    expect(await list.getByRole('listitem').nth(5).textContent()).toContain('Meets at least once')
    await page.getByRole('button', { name: 'Take off the list: Unfunded or underfunded' }).click()
    expect(await list.getByRole('listitem').count()).toBe(6)
    await page.getByRole('button', { name: 'Put back: Unfunded or underfunded' }).click()
    expect(await list.getByRole('listitem').count()).toBe(7)
    expect(await axeViolations(page)).toEqual([])

    // the group form asks the network's own list
    await page.getByRole('link', { name: 'Back' }).click()
    await addGroup(page, 'Bike Kitchen')
    await page.getByRole('link', { name: 'Bike Kitchen', exact: true }).click()
    await page.getByRole('link', { name: 'Membership criteria' }).click()
    await page.getByRole('group', { name: 'Meets at least once a month' }).waitFor()
    await context.close()
  })
})
