/**
 * The minutes' job on a phone: from a space's meetings, share a meeting's minutes as a message
 * would be shared. The share sheet is stubbed in the page to capture what it is given; the text
 * must read as minutes (network, title, date, notes headings, decisions, actions with a due
 * date in words), with no Markdown showing. Starts from "Try it with example data" with no
 * name typed. Prints the taps the job takes.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { axeViolations } from '../support/a11y'
import { useApp } from '../support/app-server'
import { launch, PHONE, unexpectedProblems, watchConsole } from '../support/chromium'
import { reportTaps, tapCounter } from '../support/taps'

const app = useApp()

declare global {
  interface Window {
    shared?: { title?: string; text?: string }[]
  }
}

/** A share sheet that records what it was given, as a phone's would hand it to an app. */
async function stubShareSheet(page: Page) {
  await page.addInitScript(() => {
    window.shared = []
    Object.defineProperty(navigator, 'share', {
      configurable: true,
      value: (data: { title?: string; text?: string }) => {
        window.shared?.push(data)
        return Promise.resolve()
      },
    })
  })
}

describe('sharing the minutes', () => {
  it('shares a meeting of the example network as readable text, in few taps', async () => {
    const { context, page } = await launch({ viewport: PHONE })
    const watcher = watchConsole(context)
    await stubShareSheet(page)
    await page.goto(app.url)
    // the example needs no name
    await page.getByRole('button', { name: 'Try it with example data' }).click()
    await page.getByRole('heading', { name: 'Groups', level: 1 }).waitFor()
    await page.getByRole('link', { name: 'Meetings' }).click()

    const taps = tapCounter()
    await taps.tap(page.getByRole('link', { name: /Dialogue round: how are our groups doing/ }))
    await taps.tap(page.getByRole('button', { name: 'Share the minutes', exact: true }))
    await page.waitForFunction(() => (window.shared?.length ?? 0) > 0)
    reportTaps('share the minutes', taps.count)

    const [shared] = (await page.evaluate(() => window.shared)) ?? []
    expect(shared?.title).toBe('Dialogue round: how are our groups doing?')
    const text = shared?.text ?? ''
    const lines = text.split('\n')
    expect(lines.slice(0, 3)).toEqual([
      'Example network (fictional)',
      'Dialogue round: how are our groups doing?',
      expect.stringMatching(/^Date and time: \w{3} \d{1,2}, \d{4}, \d/),
    ])
    for (const line of [
      'Notes',
      'Riverside Food Co-op',
      'Hillside Tenants Union',
      'Decisions',
      '• Hold a shared bookkeeping day for every group that wants one (Consent, agreed)',
      'Actions',
    ])
      expect(lines).toContain(line)
    expect(text).toMatch(
      /☐ Book the hall for the workshop — Jo Okafor, by (Mon|Tue|Wed|Thu|Fri|Sat|Sun), \w{3} \d{1,2}\n/,
    )
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|##|\*\*|\\/) // no ISO dates, no Markdown
    expect(await axeViolations(page)).toEqual([])

    // printing: the network's name on top, none of the screen's controls
    await page.emulateMedia({ media: 'print' })
    const networkShown = await page
      .getByText('Example network (fictional)', { exact: true })
      .evaluateAll((found) => found.some((element) => element.checkVisibility()))
    expect(networkShown).toBe(true)
    expect(
      await page.getByRole('button', { name: 'Share the minutes', exact: true }).isVisible(),
    ).toBe(false)
    expect(await page.getByRole('link', { name: 'Edit details' }).isVisible()).toBe(false)
    expect(await page.getByRole('link', { name: 'Meetings' }).isVisible()).toBe(false)
    await context.close()
    expect(unexpectedProblems(watcher.problems, [])).toEqual([])
  })
})
