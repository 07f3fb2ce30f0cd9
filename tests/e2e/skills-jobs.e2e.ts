/**
 * The skills map's job on a phone: a group needs something, another could help; from that
 * match, reach them and log the time given. A match leads to the group's profile and to a call
 * or message where a number was given; "Log time given" opens the time log with both groups and
 * the skill chosen, so only the hours are left. Prints the taps the job takes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations } from '../support/a11y'
import { startApp, type RunningApp } from '../support/app-server'
import { launch, unexpectedProblems, watchConsole } from '../support/chromium'
import { reportTaps, tapCounter } from '../support/taps'

let app: RunningApp | undefined
beforeAll(async () => {
  app = await startApp()
})
afterAll(async () => {
  await app?.stop()
})

describe('acting on a match', () => {
  it('logs time given from a match in a few taps, and the log shows it', async () => {
    const { context, page } = await launch()
    const watcher = watchConsole(context)
    try {
      await page.goto(app!.url)
      await page.getByRole('button', { name: 'Try it with example data' }).click()
      await page.getByRole('heading', { name: 'Groups', level: 1 }).waitFor()
      await page.getByRole('link', { name: 'Skills', exact: true }).click()
      await page.getByRole('heading', { name: 'Skills', level: 1 }).waitFor()

      // the first need with a group that could help, as the screen lists it
      const match = page.getByRole('list', { name: /^Who could help with / }).first()
      const helper = match.getByRole('listitem').first()
      const logTime = helper.getByRole('link', { name: /^Log time given by / })
      const name = (await logTime.getAttribute('aria-label')) ?? ''
      const [, from, to] = /^Log time given by (.+) to (.+)$/.exec(name) ?? []
      expect(from && to).toBeTruthy()
      // the group that could help is one tap away
      await helper.getByRole('link', { name: from, exact: true }).waitFor()
      expect(await axeViolations(page)).toEqual([])

      const taps = tapCounter()
      await taps.tap(logTime)
      await page.getByRole('heading', { name: 'Time given', level: 1 }).waitFor()
      const given = page.getByRole('combobox', { name: 'Group that gave its time' })
      expect(await given.locator('option:checked').innerText()).toBe(from)
      await taps.fill(page.getByRole('textbox', { name: 'Hours' }), '2')
      await taps.tap(page.getByRole('button', { name: 'Log it' }))
      await page.getByText(`Logged: time from ${from} to ${to}.`).waitFor()
      reportTaps('log an exchange from a match', taps.count)
      expect(taps.count).toBeLessThanOrEqual(3)

      // the log names both groups, the hours and the need's skill
      const logged = page.getByRole('listitem').filter({ hasText: `${from} gave ${to} 2 hours` })
      expect(await logged.count()).toBe(1)
      expect(unexpectedProblems(watcher.problems, [])).toEqual([])
    } finally {
      await context.close()
    }
  })
})
