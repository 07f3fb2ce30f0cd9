/**
 * Every main screen at phone size in English, Arabic and Urdu (the device's language picks
 * it): no axe-core violations, controls at least 44 px to a finger, and a page that never
 * scrolls sideways (in Arabic and Urdu, right to left), and a bottom tab bar that nothing is
 * drawn over, at the top of each screen or scrolled to its end.
 * Elements are found by the names the catalogs give them, so the Arabic run reads Arabic.
 * E2E_SCREENSHOTS=<folder> also saves a PNG of each screen, to look at the layout.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { axeViolations } from '../support/a11y'
import { useApp } from '../support/app-server'
import { launch, unexpectedProblems, watchConsole } from '../support/chromium'
import { catalog, type Said } from '../support/catalog'

const app = useApp()

interface Layout {
  readonly dir: string
  readonly lang: string
  readonly overflow: number
}

/** What a person would notice about the layout: its direction and any sideways scrolling. */
function layoutOf(page: Page): Promise<Layout> {
  return page.evaluate(() => ({
    dir: document.documentElement.dir,
    lang: document.documentElement.lang,
    overflow: document.documentElement.scrollWidth - window.innerWidth,
  }))
}

/**
 * Controls smaller than 44 × 44 px to a finger. A box to tick counts with its label (the
 * label is what a finger taps); a link inside a sentence is exempt, as WCAG 2.5.8 says.
 */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const small: string[] = []
    const controls = document.querySelectorAll<HTMLElement>(
      'a[href], button, select, input, textarea, summary, [role="button"]',
    )
    for (const control of controls) {
      const target = control.closest('label') ?? control
      const box = target.getBoundingClientRect()
      if (box.width === 0 || box.height === 0 || target.closest('[hidden], .visually-hidden'))
        continue
      const text = control.textContent.trim()
      const parent = control.parentElement
      const inSentence =
        control instanceof HTMLAnchorElement &&
        parent !== null &&
        ['P', 'LI', 'DD', 'TD', 'SPAN'].includes(parent.tagName) &&
        parent.textContent.trim() !== text
      if (inSentence) continue
      if (box.height < 44 || box.width < 44)
        small.push(
          `${control.tagName.toLowerCase()} "${text}" ${Math.round(box.width)}×${Math.round(box.height)}`,
        )
    }
    return small
  })
}

/**
 * Tabs that something else is drawn over: a thumb on a tab's centre must reach the tab itself,
 * with the page at its top and scrolled to its end (where sticky table parts and the notes
 * editor used to cover the bar).
 */
async function coveredTabs(page: Page): Promise<string[]> {
  const covered: string[] = []
  for (const where of ['top', 'end'] as const) {
    await page.evaluate((end) => {
      window.scrollTo(0, end ? document.documentElement.scrollHeight : 0)
    }, where === 'end')
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))))
    const hits = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.tabs a')].map((tab) => {
        const box = tab.getBoundingClientRect()
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
        return {
          tab: tab.textContent.trim(),
          reached: hit !== null && tab.contains(hit),
          hit: hit ? `${hit.tagName.toLowerCase()}.${[...hit.classList].join('.')}` : 'nothing',
        }
      }),
    )
    for (const { tab, reached, hit } of hits)
      if (!reached) covered.push(`tab "${tab}" is covered by ${hit} (page at its ${where})`)
  }
  await page.evaluate(() => window.scrollTo(0, 0))
  return covered
}

/** Where each of the two notes lines sits: an English line at the left, Arabic at the right. */
async function lineSides(notes: Locator): Promise<string[]> {
  const [latin, arabic] = await notes.locator('.cm-line').evaluateAll((lines) =>
    lines.map((line) => {
      const range = document.createRange()
      range.selectNodeContents(line)
      const text = range.getBoundingClientRect()
      const box = line.getBoundingClientRect()
      return { fromLeft: text.left - box.left, fromRight: box.right - text.right }
    }),
  )
  const problems: string[] = []
  if (!latin || latin.fromLeft >= latin.fromRight)
    problems.push('notes: the English line is not at the left')
  if (!arabic || arabic.fromRight >= arabic.fromLeft)
    problems.push('notes: the Arabic line is not at the right')
  return problems
}

const shots = process.env.E2E_SCREENSHOTS

/** Checks the screen as it is now; returns problems as readable lines (none is a pass). */
async function checkScreen(page: Page, say: Said, screen: string): Promise<string[]> {
  await page.locator('#main-heading').waitFor()
  if (shots) {
    mkdirSync(shots, { recursive: true })
    await page.screenshot({ path: join(shots, `${say.locale}-${screen}.png`), fullPage: true })
  }
  const problems = (await axeViolations(page)).map((v) => `${screen}: ${v}`)
  // the page is named after its heading, for screen readers, tabs and history
  const titled = () =>
    document.title === `${document.getElementById('main-heading')?.textContent.trim()} · Weave`
  await page.waitForFunction(titled, undefined, { timeout: 5_000 }).catch(async () => {
    problems.push(`${screen}: the page is titled "${await page.title()}"`)
  })
  const layout = await layoutOf(page)
  if (layout.lang !== say.locale) problems.push(`${screen}: lang is "${layout.lang}"`)
  if (layout.dir !== say.dir) problems.push(`${screen}: dir is "${layout.dir}"`)
  if (layout.overflow > 0) problems.push(`${screen}: ${layout.overflow}px wider than the screen`)
  for (const small of await smallTargets(page)) problems.push(`${screen}: small target ${small}`)
  for (const covered of await coveredTabs(page)) problems.push(`${screen}: ${covered}`)
  return problems
}

async function visitEveryScreen(page: Page, say: Said): Promise<string[]> {
  const problems: string[] = []
  const check = async (screen: string) => problems.push(...(await checkScreen(page, say, screen)))
  const heading = (key: Parameters<Said>[0], values?: Parameters<Said>[1]) =>
    page.getByRole('heading', { name: say(key, values), level: 1 }).waitFor()
  const link = (key: Parameters<Said>[0]) =>
    page.getByRole('link', { name: say(key), exact: true }).first()

  await page.goto(app.url)
  await heading('firstRun.title')
  await check('first-run')
  await page.getByRole('textbox', { name: say('firstRun.name') }).fill('Amina')
  await page.getByRole('button', { name: say('firstRun.continue') }).click()

  await heading('spaces.title')
  await check('spaces')
  await page.getByRole('button', { name: say('example.try') }).click()
  await heading('groups.title')
  await check('groups')
  // the home tab's name may go on with how many changes are new
  await page
    .getByRole('navigation', { name: /./ })
    .getByRole('link', { name: say('nav.home') })
    .first()
    .click()
  await heading('home.title')
  await check('home')
  await link('nav.groups').click()
  await heading('groups.title')

  const firstGroup = page.getByRole('main').getByRole('heading', { level: 2 }).first()
  const groupName = await firstGroup.innerText()
  await firstGroup.getByRole('link').click()
  await page.getByRole('heading', { name: groupName, level: 1 }).waitFor()
  await check('group-profile')
  await link('groups.editProfile').click()
  await page.getByRole('textbox', { name: say('groups.name') }).waitFor()
  await check('group-form')

  await link('nav.meetings').click()
  await heading('meetings.title')
  await check('meetings')
  await link('meetings.new').click()
  await page.getByRole('button', { name: say('meetings.detailsFirst') }).click()
  await page.getByRole('textbox', { name: say('meetings.titleLabel') }).fill(say('templates.topic'))
  await page.getByRole('button', { name: say('meetings.create') }).click()
  await page.getByRole('heading', { name: say('templates.topic'), level: 1 }).waitFor()
  const notes = page.getByRole('textbox', { name: say('meetings.notesLabel') })
  await notes.click()
  // Notes mix scripts: each line reads in its own direction, whatever the app's language.
  await page.keyboard.type('Seed swap on Saturday')
  await page.keyboard.press('Enter')
  await page.keyboard.type('تبادل البذور يوم السبت')
  problems.push(...(await lineSides(notes)))
  await check('meeting')

  // A proposal on the meeting, answered: the stances are big choices, the counts are bars.
  const escaped = say('proposals.title').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  await page.getByRole('button', { name: new RegExp(`^${escaped}`) }).click()
  await page.getByRole('button', { name: say('proposals.new') }).click()
  await page
    .getByRole('textbox', { name: say('proposals.titleLabel') })
    .fill(say('templates.topic'))
  await page.getByRole('button', { name: say('proposals.start') }).click()
  await page.getByRole('radio', { name: say('proposals.stance.agree'), exact: true }).check()
  await page.getByRole('button', { name: say('proposals.sendAnswer') }).click()
  await page.getByRole('button', { name: say('proposals.changeAnswer') }).waitFor()
  await check('proposal')

  await link('nav.meetings').click()
  await heading('meetings.title')
  await link('proposals.title').click()
  await heading('proposals.title')
  await check('proposals')

  await link('nav.meetings').click()
  await heading('meetings.title')
  await link('stipends.title').click()
  await heading('stipends.title')
  await check('stipends')

  await link('nav.skills').click()
  await heading('skills.title')
  await check('skills')
  const views = page.getByRole('navigation', { name: say('skills.viewsLabel') })
  for (const view of ['matrix', 'list', 'groups', 'time', 'network'] as const) {
    await views.getByRole('link', { name: say(`skills.view.${view}`), exact: true }).click()
    await heading(`skills.view.${view}`)
    if (view === 'network') await page.getByRole('img').first().waitFor() // loaded on demand
    await check(`skills-${view}`)
  }
  await link('skills.view.add').click()
  await heading('skills.view.add')
  await check('skills-add')
  await views.getByRole('link', { name: say('skills.view.list'), exact: true }).click()
  await page.getByRole('main').getByRole('listitem').getByRole('link').first().click()
  await page.getByRole('heading', { name: say('skills.manage'), level: 2 }).waitFor()
  await check('skill')

  await page.getByRole('status').getByRole('link').click()
  await heading('share.title')
  await check('share')

  await link('nav.settings').click()
  await heading('settings.title')
  await check('settings')
  await link('settings.installLink').click()
  await heading('install.title')
  await check('install')
  return problems
}

describe('choosing the language', () => {
  it('starts in the phone’s language, changes in Settings at once, and can follow the phone again', async () => {
    const [ar, en] = [catalog('ar'), catalog('en')]
    const { context, page } = await launch({ locale: 'ar-EG' })
    try {
      await page.goto(app.url)
      await page.getByRole('textbox', { name: ar('firstRun.name') }).fill('Amina')
      await page.getByRole('button', { name: ar('firstRun.continue') }).click()
      await page.getByRole('link', { name: ar('nav.settings') }).click()
      const language = page.getByRole('combobox', { name: ar('settings.languageLabel') })
      await language.selectOption({ label: 'English' })
      await page.getByRole('heading', { name: en('settings.title'), level: 1 }).waitFor()
      expect(await layoutOf(page)).toMatchObject({ lang: 'en', dir: 'ltr' })

      const english = page.getByRole('combobox', { name: en('settings.languageLabel') })
      await english.selectOption({ label: en('settings.languageDevice', { language: 'العربية' }) })
      await page.getByRole('heading', { name: ar('settings.title'), level: 1 }).waitFor()
      expect(await layoutOf(page)).toMatchObject({ lang: 'ar', dir: 'rtl' })
    } finally {
      await context.close()
    }
  })
})

const DEVICE_LANGUAGES = { en: 'en-GB', ar: 'ar-EG', ur: 'ur-PK' } as const

describe('every main screen in English, Arabic and Urdu at 360 px', () => {
  for (const locale of ['en', 'ar', 'ur'] as const) {
    it(`${locale}: passes axe, runs ${locale === 'en' ? 'left to right' : 'right to left'} and never scrolls sideways, with 44 px targets`, async () => {
      const say = catalog(locale)
      const { context, page } = await launch({ locale: DEVICE_LANGUAGES[locale] })
      const watcher = watchConsole(context)
      try {
        expect(await visitEveryScreen(page, say)).toEqual([])
        expect(unexpectedProblems(watcher.problems, [])).toEqual([])
      } finally {
        await context.close()
      }
    })
  }
})
