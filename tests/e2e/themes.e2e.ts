/**
 * Light and dark at phone size: dark colours when the phone asks for them, with AA contrast
 * (axe-core), a choice in Settings that overrides the phone and is remembered; and text at
 * twice the size still fits the screen, with nothing cut off in the section tabs.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { axeViolations } from '../support/a11y'
import { useApp } from '../support/app-server'
import { launch, unexpectedProblems, watchConsole } from '../support/chromium'
import { firstRun } from '../support/flows'

const app = useApp()

/** How light the page's background is, from 0 (black) to 1 (white): WCAG relative luminance. */
function backgroundLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    const [r = 0, g = 0, b = 0] = (
      getComputedStyle(document.documentElement).backgroundColor.match(/\d+/g) ?? []
    ).map((c) => {
      const v = Number(c) / 255
      return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
    })
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
  })
}

async function startWithExample(page: Page) {
  await firstRun(page, app.url)
  await page.getByRole('button', { name: 'Try it with example data' }).click()
  await page.getByRole('heading', { name: 'Groups', level: 1 }).waitFor()
}

describe('themes and text size', () => {
  it('is dark on a phone set to dark, passes axe there, and Settings can override it', async () => {
    const { context, page } = await launch({ colorScheme: 'dark' })
    const watcher = watchConsole(context)
    try {
      await startWithExample(page)
      expect(await backgroundLuminance(page)).toBeLessThan(0.05)
      expect(await axeViolations(page)).toEqual([])
      await page
        .getByRole('main')
        .getByRole('heading', { level: 2 })
        .first()
        .getByRole('link')
        .click()
      await page.getByRole('link', { name: 'Edit profile' }).waitFor()
      expect(await axeViolations(page)).toEqual([])
      await page.getByRole('link', { name: 'Meetings', exact: true }).click()
      await page.getByRole('link', { name: 'New meeting' }).click()
      await page.getByRole('button', { name: 'Or set the title, date and groups first' }).click()
      await page.getByRole('textbox', { name: 'Title' }).fill('Harvest planning')
      await page.getByRole('button', { name: 'Create meeting' }).click()
      await page.getByRole('textbox', { name: 'Meeting notes' }).waitFor()
      expect(await axeViolations(page)).toEqual([])
      // the skills map's own colours: matches, the table's offer and need cells, the picture
      await page.getByRole('link', { name: 'Skills', exact: true }).click()
      await page.getByRole('heading', { name: 'Skills', level: 1 }).waitFor()
      expect(await axeViolations(page)).toEqual([])
      const views = page.getByRole('navigation', { name: 'Parts of the skills map' })
      await views.getByRole('link', { name: 'Table' }).click()
      await page.getByRole('table').getByText('Teaches').first().waitFor()
      expect(await axeViolations(page)).toEqual([])
      await views.getByRole('link', { name: 'Network picture' }).click()
      await page.getByRole('img', { name: /Picture of/ }).waitFor()
      expect(await axeViolations(page)).toEqual([])

      await page.getByRole('link', { name: 'Settings' }).click()
      const phone = page.getByRole('radio', { name: 'Same as this phone' })
      expect(await phone.isChecked()).toBe(true)
      expect(await axeViolations(page)).toEqual([])
      await page.getByRole('radio', { name: 'Light' }).check()
      await page.waitForFunction(() => document.documentElement.dataset.theme === 'light')
      expect(await backgroundLuminance(page)).toBeGreaterThan(0.8)
      expect(await axeViolations(page)).toEqual([])

      await page.reload()
      await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor()
      expect(await page.getByRole('radio', { name: 'Light' }).isChecked()).toBe(true)
      expect(await backgroundLuminance(page)).toBeGreaterThan(0.8)
      await phone.check()
      await page.waitForFunction(() => document.documentElement.dataset.theme === undefined)
      expect(await backgroundLuminance(page)).toBeLessThan(0.05)
      expect(unexpectedProblems(watcher.problems, [])).toEqual([])
    } finally {
      await context.close()
    }
  })

  it('fits text at twice the size on a 360 px screen, with the section tabs readable', async () => {
    const { context, page } = await launch()
    try {
      await startWithExample(page)
      await page.evaluate(() => (document.documentElement.style.fontSize = '200%'))
      const check = async (screen: string) => {
        return page.evaluate((name) => {
          const problems: string[] = []
          const overflow = document.documentElement.scrollWidth - window.innerWidth
          if (overflow > 0) problems.push(`${name}: ${overflow}px wider than the screen`)
          for (const tab of document.querySelectorAll<HTMLElement>('.tabs a'))
            if (tab.scrollWidth > tab.clientWidth || tab.scrollHeight > tab.clientHeight)
              problems.push(`${name}: tab "${tab.innerText}" is cut off`)
          // a label on two lines has been broken in the middle of a word (they are short)
          for (const label of document.querySelectorAll<HTMLElement>('.tabs a, .top-bar a')) {
            const texts = document.createTreeWalker(label, NodeFilter.SHOW_TEXT)
            for (let node = texts.nextNode(); node; node = texts.nextNode()) {
              const range = document.createRange()
              range.selectNodeContents(node)
              const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)))
              if (lines.size > 1) problems.push(`${name}: "${node.textContent}" is broken up`)
            }
          }
          return problems
        }, screen)
      }
      const problems = [...(await check('groups'))]
      await page
        .getByRole('main')
        .getByRole('heading', { level: 2 })
        .first()
        .getByRole('link')
        .click()
      await page.getByRole('link', { name: 'Edit profile' }).waitFor()
      problems.push(...(await check('group profile')))
      await page.getByRole('link', { name: 'Meetings', exact: true }).click()
      await page.getByRole('heading', { name: 'Meetings', level: 1 }).waitFor()
      problems.push(...(await check('meetings')))
      await page.getByRole('link', { name: 'Settings' }).click()
      await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor()
      problems.push(...(await check('settings')))
      expect(problems).toEqual([])
    } finally {
      await context.close()
    }
  })
})
