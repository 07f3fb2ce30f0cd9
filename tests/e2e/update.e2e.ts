/**
 * A new version is offered, and applied only when the person accepts: the page is not
 * reloaded under them, and after "Update now" the new service worker is in control.
 */
import { appendFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { useApp } from '../support/app-server'
import { launch } from '../support/chromium'

const app = useApp({ copy: true })

it('offers a new version and switches to it only when asked', async () => {
  const { context, page } = await launch()
  await page.goto(app.url)
  await page.getByRole('textbox', { name: 'Your name' }).fill('Ana')
  await page.getByRole('button', { name: 'Start' }).click()
  await page.evaluate(() => navigator.serviceWorker.ready)
  await page.reload()
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
  const firstWorker = await page.evaluate(() => navigator.serviceWorker.controller?.state)
  expect(firstWorker).toBe('activated')

  // A new version is published: the service worker script changes.
  appendFileSync(join(app.root, 'sw.js'), '\n// next version\n')

  await page.getByRole('link', { name: 'Settings' }).click()
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'))
  await page.getByText('Advanced: storage and updates').click()
  await page.getByRole('button', { name: 'Check for updates' }).click()
  const banner = page.getByRole('complementary', { name: 'New version' })
  await banner.waitFor()
  expect(await banner.innerText()).toContain('A new version of Weave is ready.')

  // Offered, not forced: nothing reloads while the person is busy.
  await page.waitForTimeout(1500)
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe(
    'same page',
  )

  await Promise.all([
    page.waitForEvent('load'),
    banner.getByRole('button', { name: 'Update now' }).click(),
  ])
  await page.getByRole('heading', { name: 'Settings' }).waitFor()
  expect(
    await page.evaluate(() => (window as unknown as { marker?: string }).marker),
  ).toBeUndefined()
  expect(await page.getByRole('complementary', { name: 'New version' }).count()).toBe(0)
  const scriptText = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration()
    return registration?.waiting === null && registration.active !== null
  })
  expect(scriptText).toBe(true)
  await context.close()
})
