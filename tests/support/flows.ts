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

/** Waits until the page says what was typed is saved on this phone. */
export const saved = (page: Page) =>
  page.getByRole('status').filter({ hasText: 'Saved on this phone' }).waitFor()

/** Adds a group by its name alone (its profile opens), then goes back to the groups list. */
export async function addGroup(page: Page, name: string) {
  await page.getByRole('button', { name: 'Add group' }).click()
  await page.getByRole('textbox', { name: 'Group name' }).fill(name)
  await page.getByRole('button', { name: 'Add group' }).click()
  await page.getByRole('heading', { name, level: 1 }).waitFor()
  await saved(page)
  await page.getByRole('link', { name: 'Back' }).click()
  await page.getByRole('heading', { name, level: 2 }).waitFor()
}

/** Waits until the service worker controls the page (it does from the second load on). */
export async function waitForServiceWorker(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready)
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload()
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
}

/** Creates a space and adds these groups to it by name, ending on its groups list. */
export async function createSpaceWithGroups(page: Page, name: string, groups: readonly string[]) {
  await createSpace(page, name)
  for (const group of groups) await addGroup(page, group)
}

/** Once the service worker controls the page, the network goes and the page reloads from its cache. */
export async function reloadOffline(page: Page) {
  await waitForServiceWorker(page)
  await page.context().setOffline(true)
  await page.reload()
}

/** From inside a space: its Share screen, the invite shown; resolves to the invite link. */
export async function inviteLink(page: Page): Promise<string> {
  await page.getByRole('link', { name: 'Share', exact: true }).click()
  await page.getByRole('heading', { name: 'Share and sync' }).waitFor()
  await page.getByRole('button', { name: 'Show the invite' }).click()
  return await page.getByRole('textbox', { name: 'Invite link' }).inputValue()
}

/** Opens an invite link, joins the space, and waits until it is in sync with the inviter. */
export async function joinByLink(page: Page, link: string, inviter: string) {
  await page.goto(link)
  await page.getByRole('button', { name: 'Join space' }).click()
  await page.getByRole('link', { name: `In sync with ${inviter}` }).waitFor({ timeout: 20_000 })
}
