/**
 * The groups jobs a person does most, counted in taps at phone size (360 × 760, touch):
 * "add a minimal group" from the groups list. Each job prints `taps: <job>: n` for the issue
 * notes, and the height of the add form, so a redesign can be compared with what was there.
 */
import { describe, expect, it } from 'vitest'
import { useApp } from '../support/app-server'
import { launch, PHONE } from '../support/chromium'
import { createSpace, firstRun } from '../support/flows'
import { reportTaps, tapCounter } from '../support/taps'

const app = useApp()

describe('group jobs at phone size', () => {
  it('adds a minimal group in a few taps, and it is there after a reload', async () => {
    const { context, page } = await launch({ viewport: PHONE })
    await firstRun(page, app.url)
    await page.getByRole('heading', { name: 'Your spaces' }).waitFor()
    await createSpace(page, 'Tap Network')

    const taps = tapCounter()
    await taps.tap(page.getByRole('button', { name: 'Add group' }))
    await page.getByRole('heading', { name: 'New group', level: 1 }).waitFor()
    const { pageHeight, formBottom } = await page.evaluate(() => ({
      pageHeight: document.documentElement.scrollHeight,
      formBottom: Math.round(
        (document.querySelector('form')?.getBoundingClientRect().bottom ?? 0) + window.scrollY,
      ),
    }))
    console.log(`add-group page at 360 px: ${pageHeight} px tall, form ends at ${formBottom} px`)
    await taps.fill(page.getByRole('textbox', { name: 'Group name' }), 'Bike Kitchen')
    await taps.tap(page.getByRole('button', { name: 'Add group' }))
    const heading = page.getByRole('heading', { name: 'Bike Kitchen' })
    await heading.waitFor()
    const inView = await heading.evaluate((el) => {
      const box = el.getBoundingClientRect()
      return box.top >= 0 && box.bottom <= window.innerHeight
    })
    console.log(`new group visible without scrolling: ${inView}`)
    reportTaps('add a minimal group', taps.count)
    expect(taps.count).toBeGreaterThan(0)

    await page.getByRole('status').filter({ hasText: 'Saved on this phone' }).waitFor()
    await page.reload()
    await page.getByRole('heading', { name: 'Bike Kitchen' }).waitFor()
    expect(await page.getByRole('heading', { name: 'Bike Kitchen' }).count()).toBe(1)
    await context.close()
  })
})
