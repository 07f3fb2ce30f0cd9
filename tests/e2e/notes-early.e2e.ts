/**
 * Notes typed the moment a meeting opens, before the notes editor has loaded (it is a chunk of
 * its own, slow on a cheap phone's first visit; here held back on purpose): a plain text area
 * stands in, the editor takes over what was typed with the caret where it was, typing goes on
 * without a tap, and everything is still there after a reload.
 */
import { describe, expect, it } from 'vitest'
import { useApp } from '../support/app-server'
import { launch, unexpectedProblems, watchConsole } from '../support/chromium'
import { createSpace, firstRun } from '../support/flows'

const app = useApp()

describe('notes typed before the editor loads', () => {
  it('are kept, taken over by the editor with the caret, and survive a reload', async () => {
    const { context, page } = await launch()
    const watcher = watchConsole(context)
    try {
      // the editor's code arrives late, as on a slow first visit (no service worker yet)
      let held = 0
      await context.route(/\/assets\/notes-editor-[^/]*\.js$/, async (route) => {
        held += 1
        await new Promise((done) => setTimeout(done, 2_500))
        await route.continue()
      })
      await firstRun(page, app.url, 'Ana')
      await createSpace(page, 'Early Network', { stay: 'home' })
      await page.getByRole('link', { name: 'Meetings', exact: true }).click()
      await page.getByRole('link', { name: 'New meeting' }).click()
      await page.getByRole('button', { name: 'Or set the title, date and groups first' }).click()
      await page.getByRole('textbox', { name: 'Title' }).fill('Harvest planning')
      await page.getByRole('button', { name: 'Create meeting' }).click()
      await page.getByRole('heading', { name: 'Harvest planning', level: 1 }).waitFor()

      const notes = page.getByRole('textbox', { name: 'Meeting notes' })
      await notes.click()
      await page.keyboard.type('Seed swap on Saturday')
      // typed into the stand-in: the editor had not loaded yet
      expect(await notes.evaluate((el) => el.tagName)).toBe('TEXTAREA')
      expect(held).toBeGreaterThan(0) // the page (and the service worker precaching) asked for it

      // the editor takes over the text, the focus and the caret: typing goes on, no tap
      await page.locator('.cm-content').waitFor()
      await page.keyboard.type(', bring jars')
      await notes.getByText('Seed swap on Saturday, bring jars').waitFor()
      expect(await notes.evaluate((el) => el.tagName)).toBe('DIV')
      await page.getByRole('status').filter({ hasText: 'Saved on this phone' }).waitFor()

      await page.reload()
      await page.getByRole('heading', { name: 'Harvest planning', level: 1 }).waitFor()
      await page.locator('.cm-content').waitFor()
      await notes.getByText('Seed swap on Saturday, bring jars').waitFor()
      expect(unexpectedProblems(watcher.problems, [])).toEqual([])
    } finally {
      await context.close()
    }
  })
})
