/**
 * The foundation as a new user meets it, in real Chromium against the built app served the
 * way `npm start` serves it: first run, a space that survives reload, a browser restart and
 * going offline, an installable manifest, and no accessibility violations on any screen.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { axeViolations } from '../support/a11y'
import { useApp } from '../support/app-server'
import {
  addGroup,
  createSpace,
  firstRun as firstRunAt,
  waitForServiceWorker,
} from '../support/flows'
import {
  DESKTOP,
  installabilityErrors,
  killBrowser,
  launch,
  PHONE,
  unexpectedProblems,
  watchConsole,
  type AllowedError,
  type ConsoleProblem,
} from '../support/chromium'

/** Console errors the app may log, each with its reason. None yet: nothing here can fail. */
const ALLOWED: readonly AllowedError[] = []

const app = useApp()
const problems: ConsoleProblem[] = []

async function firstRun(page: Page, name = 'Amina') {
  await firstRunAt(page, app.url, name)
  await page.getByRole('heading', { name: 'Your spaces' }).waitFor()
}

async function expectSpaceWithGroup(page: Page, space: string, group: string) {
  await page.getByRole('link', { name: 'Spaces' }).click()
  await page.getByRole('link', { name: space }).click()
  // a space opens on its home; its groups are one tab away
  await page.getByRole('heading', { name: 'Home', exact: true, level: 1 }).waitFor()
  await page.getByRole('link', { name: 'Groups', exact: true }).click()
  await page.getByRole('heading', { name: group, level: 2 }).waitFor()
}

describe('Weave in Chromium', () => {
  it('keeps a new space through a reload and a browser restart on the same profile', async () => {
    const first = await launch()
    const watcher = watchConsole(first.context)
    await firstRun(first.page)
    await createSpace(first.page, 'Leeds Solidarity Network')
    await addGroup(first.page, 'Chapeltown Food Co-op')

    await first.page.reload()
    await first.page.getByRole('heading', { name: 'Chapeltown Food Co-op', level: 2 }).waitFor()

    await first.context.close() // the browser process ends
    problems.push(...watcher.problems)

    const second = await launch({ profileDir: first.profileDir })
    const watcher2 = watchConsole(second.context)
    await second.page.goto(app.url)
    await second.page.getByRole('heading', { name: 'Your spaces' }).waitFor()
    await expectSpaceWithGroup(second.page, 'Leeds Solidarity Network', 'Chapeltown Food Co-op')
    await second.context.close()
    problems.push(...watcher2.problems)
  })

  it('keeps a group typed just before the browser process is killed', async () => {
    const first = await launch()
    await firstRun(first.page, 'Kai')
    await createSpace(first.page, 'Crash Test Network')
    await addGroup(first.page, 'Allotment Society') // waits until the screen says saved
    await killBrowser(first.context) // SIGKILL: no unload, no flush, as when a battery dies

    const second = await launch({ profileDir: first.profileDir })
    await second.page.goto(app.url)
    await expectSpaceWithGroup(second.page, 'Crash Test Network', 'Allotment Society')
    await second.context.close()
  })

  it('loads offline once the service worker has taken control, with the data there', async () => {
    const { context, page } = await launch()
    const watcher = watchConsole(context)
    await firstRun(page, 'Jo')
    await createSpace(page, 'Bristol Mutual Aid')
    await addGroup(page, 'Easton Tenants Union')
    await waitForServiceWorker(page)

    await context.setOffline(true)
    await page.reload()
    await page.getByRole('heading', { name: 'Groups' }).waitFor()
    await page.getByRole('heading', { name: 'Easton Tenants Union', level: 2 }).waitFor()
    await page.getByRole('link', { name: 'Settings' }).click()
    await page.getByRole('heading', { name: 'Settings' }).waitFor()
    await context.setOffline(false)
    await context.close()
    problems.push(...watcher.problems)
  })

  it('shows an edit made in one tab in another tab of the same space, without a reload', async () => {
    const { context, page } = await launch()
    const watcher = watchConsole(context)
    await firstRun(page, 'Tomás')
    await createSpace(page, 'Two Tabs')
    const other = await context.newPage()
    await other.goto(page.url())
    await other.getByRole('heading', { name: 'Groups' }).waitFor()
    // offline, so live sync is off and only the tabs' own channel can carry the edit
    await context.setOffline(true)
    for (const tab of [page, other]) await tab.getByRole('link', { name: 'Offline' }).waitFor()
    await addGroup(page, 'Added in the first tab')
    await other.getByRole('heading', { name: 'Added in the first tab', level: 2 }).waitFor()
    await addGroup(other, 'Added in the second tab')
    await page.getByRole('heading', { name: 'Added in the second tab', level: 2 }).waitFor()
    problems.push(...watcher.problems)
    await context.close()
  })

  it('offers an installable app (manifest, icons, service worker)', async () => {
    const { context, page } = await launch()
    const watcher = watchConsole(context)
    await page.goto(app.url)
    await waitForServiceWorker(page)
    expect(await installabilityErrors(page)).toEqual([])
    const manifest = (await (await fetch(`${app.url}/manifest.webmanifest`)).json()) as {
      icons: { sizes: string; purpose?: string }[]
    }
    expect(manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`).sort()).toEqual([
      '192x192 any',
      '512x512 any',
      '512x512 maskable',
    ])
    await context.close()
    problems.push(...watcher.problems)
  })

  for (const [label, viewport] of [
    ['phone (360 px)', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`has no axe violations on any screen: ${label}`, async () => {
      const { context, page } = await launch({ viewport })
      const watcher = watchConsole(context)
      const found: string[] = []
      const check = async (screen: string) => {
        for (const line of await axeViolations(page)) found.push(`${screen}: ${line}`)
      }
      await page.goto(app.url)
      await page.getByRole('heading', { name: 'Welcome to Weave' }).waitFor()
      await check('first run')
      await page.getByRole('button', { name: 'Start' }).click()
      await page.getByRole('alert').waitFor()
      await check('first run with an error')
      await page.getByRole('textbox', { name: 'Your name' }).fill('Sam')
      await page.getByRole('button', { name: 'Start' }).click()
      await page.getByRole('heading', { name: 'Your spaces' }).waitFor()
      await check('spaces, empty')
      await createSpace(page, 'Network', { stay: 'home' })
      await check('home, empty')
      await page.getByRole('link', { name: 'Groups', exact: true }).click()
      await page.getByRole('heading', { name: 'Groups', exact: true, level: 1 }).waitFor()
      await check('groups, empty')
      await addGroup(page, 'Seed Library')
      await page.getByRole('button', { name: 'Delete Seed Library' }).click()
      await addGroup(page, 'Bike Kitchen')
      await check('groups with a form, a group and the trash')
      await page.getByRole('link', { name: 'Home', exact: true }).click()
      await page.getByRole('link', { name: 'Invite someone' }).waitFor()
      await check('home')
      await page.getByRole('link', { name: 'Share', exact: true }).click()
      await page.getByRole('heading', { name: 'Share and sync' }).waitFor()
      await page.getByText('Advanced: servers and keys').click()
      await check('share, advanced open')
      await page.getByRole('link', { name: 'Skills' }).click()
      await page.getByRole('heading', { name: 'Skills' }).waitFor()
      await check('skills')
      await page.getByRole('link', { name: 'Meetings' }).click()
      await page.getByRole('heading', { name: 'Meetings' }).waitFor()
      await check('meetings')
      await page.getByRole('link', { name: 'Spaces' }).click()
      await page.getByRole('heading', { name: 'Your spaces' }).waitFor()
      await check('spaces')
      await page.getByRole('button', { name: 'Leave Network' }).click()
      await page.getByRole('dialog', { name: 'Leave Network?' }).waitFor()
      await check('leave dialog')
      await page.getByRole('button', { name: 'Cancel' }).click()
      await page.getByRole('link', { name: 'Settings' }).click()
      await page.getByText('Advanced: storage and updates').click()
      await page.getByText(/Using .* of .* available/).waitFor()
      await check('settings')
      await page.getByRole('link', { name: 'Install Weave on this phone' }).click()
      await page.getByRole('heading', { name: 'Install Weave' }).waitFor()
      await check('install')
      expect(found).toEqual([])
      await context.close()
      problems.push(...watcher.problems)
    })
  }

  it('logs no uncaught errors and no console errors', () => {
    expect(unexpectedProblems(problems, ALLOWED)).toEqual([])
  })
})
