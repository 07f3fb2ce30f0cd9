/**
 * A keyboard-only walk at phone size, in English and in Arabic: after the first page load
 * nothing is clicked, only Tab, Shift+Tab, arrow keys, Enter and typing. Start Weave, make a
 * space, add a group, say what it needs on the skills map, make a meeting and take notes in
 * it; each new screen puts focus on its heading.
 */
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useApp } from '../support/app-server'
import { catalog, type Said } from '../support/catalog'
import { launch, unexpectedProblems, watchConsole } from '../support/chromium'

const app = useApp()

const isFocused = (target: Locator) =>
  target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))

/** Presses Tab (or Shift+Tab) until the target has focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab') {
  await target.waitFor()
  for (let presses = 0; presses < 80; presses++) {
    if (await isFocused(target)) return
    await page.keyboard.press(key)
  }
  throw new Error(`${key} never reached ${target.toString()}`)
}

async function expectHeadingFocused(page: Page, name: string) {
  const heading = page.getByRole('heading', { name, level: 1 })
  await heading.waitFor()
  await page.waitForFunction(() => document.activeElement?.id === 'main-heading')
  expect(await isFocused(heading)).toBe(true)
}

describe('Weave with a keyboard only', () => {
  for (const locale of ['en', 'ar'] as const) {
    it(`${locale}: starts, makes a space, adds a group and a need, makes a meeting, takes notes`, async () => {
      const say = catalog(locale)
      const { context, page } = await launch({ locale: locale === 'ar' ? 'ar-EG' : 'en-GB' })
      const watcher = watchConsole(context)
      try {
        await walk(page, say)
        expect(unexpectedProblems(watcher.problems, [])).toEqual([])
      } finally {
        await context.close()
      }
    })
  }
})

async function walk(page: Page, say: Said) {
  await page.goto(app.url)
  await page.getByRole('heading', { name: say('firstRun.title') }).waitFor()
  await tabTo(page, page.getByRole('textbox', { name: say('firstRun.name') }))
  await page.keyboard.type('Amina')
  await page.keyboard.press('Enter')

  await expectHeadingFocused(page, say('spaces.title'))
  await tabTo(page, page.getByRole('textbox', { name: say('spaces.nameLabel') }))
  await page.keyboard.type('Food Network')
  await page.keyboard.press('Enter')

  // a new space opens on its home; the section tabs come before it in reading order
  await expectHeadingFocused(page, say('home.title'))
  await tabTo(page, page.getByRole('link', { name: say('nav.groups') }), 'Shift+Tab')
  await page.keyboard.press('Enter')
  await expectHeadingFocused(page, say('groups.title'))
  await tabTo(page, page.getByRole('button', { name: say('groups.add') }))
  await page.keyboard.press('Enter')
  await tabTo(page, page.getByRole('textbox', { name: say('groups.name') }))
  await page.keyboard.type('Seed Library')
  await page.keyboard.press('Enter')
  await page.getByRole('heading', { name: 'Seed Library', level: 1 }).waitFor() // its profile
  const added = say('groups.added', { name: 'Seed Library' })
  await page.getByRole('status').filter({ hasText: added }).waitFor()

  // The section tabs come before the page in reading order: go back up to them.
  await tabTo(page, page.getByRole('link', { name: say('nav.skills') }), 'Shift+Tab')
  await page.keyboard.press('Enter')
  await expectHeadingFocused(page, say('skills.title'))
  await tabTo(page, page.getByRole('link', { name: say('skills.view.add') }))
  await page.keyboard.press('Enter')
  await expectHeadingFocused(page, say('skills.view.add'))
  const group = page.getByRole('combobox', { name: say('skills.groupLabel'), exact: true })
  await tabTo(page, group)
  await page.keyboard.press('ArrowDown') // the first group: Seed Library
  expect(await group.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.text)).toBe(
    'Seed Library',
  )
  await tabTo(page, page.getByRole('radio', { name: say('skills.kind.offer') }))
  await page.keyboard.press('ArrowDown') // radios move with the arrows: "we need this"
  expect(await page.getByRole('radio', { name: say('skills.kind.need') }).isChecked()).toBe(true)
  const skill = page.getByRole('combobox', { name: say('skills.skillLabel'), exact: true })
  await tabTo(page, skill)
  await page.keyboard.press('ArrowDown') // past "a skill not on the list"
  await page.keyboard.press('ArrowDown') // the first skill of the first kind
  const skillName = await skill.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.text)
  await tabTo(page, page.getByRole('button', { name: say('skills.addEntry'), exact: true }))
  await page.keyboard.press('Enter')
  const needAdded = say('skills.needAdded', { group: 'Seed Library', skill: skillName ?? '' })
  await page.getByRole('status').filter({ hasText: needAdded }).waitFor()

  await tabTo(page, page.getByRole('link', { name: say('nav.meetings') }), 'Shift+Tab')
  await page.keyboard.press('Enter')
  await expectHeadingFocused(page, say('meetings.title'))
  await tabTo(page, page.getByRole('link', { name: say('meetings.new') }))
  await page.keyboard.press('Enter')
  // templates start a meeting in one tap; a title of one's own is behind "details first"
  await tabTo(page, page.getByRole('button', { name: say('meetings.detailsFirst') }))
  await page.keyboard.press('Enter')
  await tabTo(page, page.getByRole('textbox', { name: say('meetings.titleLabel') }))
  await page.keyboard.type('Seed swap planning')
  await page.keyboard.press('Enter')

  // a new meeting opens as a notebook: the cursor is already in the notes
  await page.getByRole('heading', { name: 'Seed swap planning', level: 1 }).waitFor()
  const notes = page.getByRole('textbox', { name: say('meetings.notesLabel') })
  await page.waitForFunction(() => document.activeElement?.closest('.cm-content') !== null)
  expect(await isFocused(notes)).toBe(true)
  await page.keyboard.type('Forty packets of seeds to share.')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Next swap in spring.')
  expect(await notes.innerText()).toBe('Forty packets of seeds to share.\nNext swap in spring.')
  await page
    .getByRole('status')
    .filter({ hasText: say('save.saved') })
    .waitFor()
}
