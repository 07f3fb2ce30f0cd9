/** What a person does again and again in the e2e tests, found by role and name. */
import type { Page } from 'playwright-core'

export async function firstRun(page: Page, url: string, name = 'Amina') {
  await page.goto(url)
  await page.getByRole('heading', { name: 'Welcome to Weave' }).waitFor()
  await page.getByRole('textbox', { name: 'Your name' }).fill(name)
  await page.getByRole('button', { name: 'Start' }).click()
}

/**
 * Creates a space from the spaces screen. A new space opens on its home; most tests go on to
 * add groups, so this then taps the Groups tab, unless told to stay on the home.
 */
export async function createSpace(page: Page, name: string, options: { stay?: 'home' } = {}) {
  await page.getByRole('textbox', { name: 'Name of the space' }).fill(name)
  await page.getByRole('button', { name: 'Create space' }).click()
  await page.getByRole('heading', { name: 'Home', exact: true, level: 1 }).waitFor()
  if (options.stay === 'home') return
  await page.getByRole('link', { name: 'Groups', exact: true }).click()
  await page.getByRole('heading', { name: 'Groups', exact: true, level: 1 }).waitFor()
}

/** Adds a group by its name alone (its profile opens), then goes back to the groups list. */
export async function addGroup(page: Page, name: string) {
  await page.getByRole('button', { name: 'Add group' }).click()
  await page.getByRole('textbox', { name: 'Group name' }).fill(name)
  await page.getByRole('button', { name: 'Add group' }).click()
  await page.getByRole('heading', { name, level: 1 }).waitFor()
  await page.getByRole('status').filter({ hasText: 'Saved on this phone' }).waitFor()
  await page.getByRole('link', { name: 'Back' }).click()
  await page.getByRole('heading', { name, level: 2 }).waitFor()
}

/** Waits until the service worker controls the page (it does from the second load on). */
export async function waitForServiceWorker(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready)
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload()
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
}
