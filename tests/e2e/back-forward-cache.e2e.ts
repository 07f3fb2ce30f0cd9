/**
 * Back to the app is instant: a space with live sync on leaves its signalling connection when
 * the page is hidden, so the browser keeps the page in its back/forward cache, and live sync
 * connects again when the page is shown. (An open WebSocket keeps a page out of that cache in
 * many Chrome versions phones run, so Back would start the whole app again.)
 */
import { describe, expect, it } from 'vitest'
import { useApp } from '../support/app-server'
import { launch, unexpectedProblems, watchConsole, type AllowedError } from '../support/chromium'

/** A busy machine may hide the page while its socket is still connecting; closing it logs. */
const ALLOWED: AllowedError[] = [
  { name: 'closed while connecting', pattern: /WebSocket is closed before the connection/ },
]

const app = useApp()

describe('the back/forward cache', () => {
  it('keeps a space with live sync, and live sync comes back after Back', async () => {
    const { context, page } = await launch({ backForwardCache: true })
    const { problems } = watchConsole(context)
    try {
      const cdp = await context.newCDPSession(page)
      const sockets: string[] = []
      const notRestored: string[] = []
      await cdp.send('Network.enable')
      await cdp.send('Page.enable')
      cdp.on('Network.webSocketCreated', () => sockets.push('open'))
      cdp.on('Network.webSocketClosed', () => sockets.push('closed'))
      cdp.on('Page.backForwardCacheNotUsed', (event) => {
        for (const why of event.notRestoredExplanations) notRestored.push(why.reason)
      })

      await page.goto(app.url)
      await page.getByRole('textbox', { name: 'Your name' }).fill('Amina')
      await page.getByRole('button', { name: 'Try it with example data' }).click()
      await page.getByRole('heading', { name: 'Groups', exact: true, level: 1 }).waitFor()
      await expect.poll(() => sockets).toEqual(['open'])
      const spaceUrl = page.url()
      // The page remembers, in its own memory, that it was restored rather than loaded again.
      await page.evaluate(() => {
        window.addEventListener('pageshow', (event) => {
          if (event.persisted) document.documentElement.dataset.restored = 'yes'
        })
      })

      await page.goto(`${app.url}/robots.txt`)
      await page.goBack({ waitUntil: 'commit' })
      await page.waitForFunction(() => document.documentElement.dataset.restored === 'yes')
      expect(page.url()).toBe(spaceUrl)
      expect(notRestored).toEqual([])
      // live sync connected again once shown (whether the old socket's close is reported for a
      // frozen page varies, so only the new connection is counted)
      await expect.poll(() => sockets.filter((s) => s === 'open').length).toBe(2)
      await page.getByRole('heading', { name: 'Groups', exact: true, level: 1 }).waitFor()
      expect(unexpectedProblems(problems, ALLOWED).map((p) => p.text)).toEqual([])
    } finally {
      await context.close()
    }
  })
})
