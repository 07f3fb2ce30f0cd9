/**
 * The bar above every screen of a space, on a 360 × 760 phone in English and Arabic: a long
 * network name and a long status still fit in two rows (the name beside Share, the status
 * beside "Saved"), the page never scrolls sideways, and with no sync server to reach (the app
 * served alone) the status says the phone is online but cannot reach the server, not that it
 * is offline.
 */
import { describe, expect, it } from 'vitest'
import { useApp } from '../support/app-server'
import { catalog } from '../support/catalog'
import { launch, PHONE } from '../support/chromium'

const app = useApp({ signalling: false })

const NAMES = {
  en: 'Solidarity Economy Organisers Network of Greater Manchester and Cheshire',
  ar: 'شبكة منظمي الاقتصاد التضامني في القاهرة الكبرى والإسكندرية والدلتا',
} as const

describe('the space bar on a small phone', () => {
  for (const locale of ['en', 'ar'] as const) {
    it(`keeps a long name and a long status to two rows and says the server is out of reach (${locale})`, async () => {
      const say = catalog(locale)
      const { context, page } = await launch({ viewport: PHONE, locale })
      try {
        await page.goto(app.url)
        await page.getByRole('textbox', { name: say('firstRun.name') }).fill('Amina')
        await page.getByRole('button', { name: say('firstRun.continue') }).click()
        await page.getByRole('textbox', { name: say('spaces.nameLabel') }).fill(NAMES[locale])
        await page.getByRole('button', { name: say('spaces.create') }).click()
        // showing the invite shares the space: its status is then about the others
        await page.getByRole('link', { name: say('space.share'), exact: true }).click()
        await page.getByRole('button', { name: say('share.showInvite') }).click()
        const status = page.getByRole('status').getByRole('link')
        await page.getByRole('link', { name: say('sync.sharedUnreachable') }).waitFor()
        expect(await status.innerText()).not.toContain(say('sync.sharedOffline'))
        await page
          .getByRole('link', { name: say('nav.home'), exact: true })
          .first()
          .click()
        await page.getByRole('heading', { name: say('home.title'), level: 1 }).waitFor()

        const share = await page
          .getByRole('link', { name: say('space.share'), exact: true })
          .boundingBox()
        const saved = page.getByRole('status').filter({ hasText: say('save.saved') })
        await saved.waitFor()
        const savedBox = await saved.boundingBox()
        const statusBox = await status.boundingBox()
        // two rows of 44 px targets and a little air: it was three rows (about 140 px)
        expect(savedBox!.y + savedBox!.height - share!.y).toBeLessThanOrEqual(100)
        expect(
          Math.abs(savedBox!.y + savedBox!.height / 2 - (statusBox!.y + statusBox!.height / 2)),
        ).toBeLessThan(4)
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        )
        expect(overflow).toBe(0)
      } finally {
        await context.close()
      }
    })
  }
})
