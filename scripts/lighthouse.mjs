// Lighthouse (mobile, simulated throttling) on the screens issue "phone first" names, with the
// example network's data: the first run screen, the space home, the groups list, the skills
// table and a meeting with notes. Prints one line per run; asserts nothing.
//
// Usage, from a built checkout (`npm run build`): node scripts/lighthouse.mjs [runs]
// Lighthouse is not a dependency: set LIGHTHOUSE to its CLI (a path to lighthouse's cli/index.js
// or its bin), otherwise `npx --yes lighthouse@12.8.2` fetches it on first use.
import { execFileSync, spawn } from 'node:child_process'
import { CHROMIUM_PATH, freePort, launchChromium, newProfileDir } from './bench-support.mjs'

const runs = Number(process.argv[2] ?? 2)
const CHROME_FLAGS = '--headless=new --no-sandbox --disable-gpu --no-first-run'

const port = await freePort()
const server = spawn(process.execPath, ['dist-server/serve.js', 'dist'], {
  env: { ...process.env, PORT: String(port), SIGNAL_PORT: 'off', HOST: '127.0.0.1' },
  stdio: 'ignore',
})
const origin = `http://127.0.0.1:${port}`

/** Runs Lighthouse once on `url` in its own Chromium on `profile` (its storage kept). */
function lighthouse(url, profile) {
  const args = [
    url,
    `--chrome-flags=${CHROME_FLAGS} --user-data-dir=${profile}`,
    '--form-factor=mobile',
    '--only-categories=performance,accessibility',
    '--disable-storage-reset',
    '--output=json',
    '--quiet',
  ]
  const [command, prefix] = process.env.LIGHTHOUSE
    ? [process.execPath, [process.env.LIGHTHOUSE]]
    : ['npx', ['--yes', 'lighthouse@12.8.2']]
  const out = execFileSync(command, [...prefix, ...args], {
    maxBuffer: 1 << 28,
    env: { ...process.env, CHROME_PATH: CHROMIUM_PATH },
  })
  return JSON.parse(out.toString())
}

/** One line: scores, the timings behind them, the main script's start-up cost. */
function summary(report) {
  const audit = report.audits
  const score = (category) => Math.round(report.categories[category].score * 100)
  const ms = (id) => `${Math.round(audit[id].numericValue)} ms`
  const failing = report.categories.accessibility.auditRefs
    .map((ref) => audit[ref.id])
    .filter((result) => result.score !== null && result.score < 1)
    .map((result) => result.id)
  const main = (audit['bootup-time']?.details?.items ?? [])
    .filter((item) => /\/assets\/index-[^/]*\.js$/.test(item.url))
    .map(
      (item) =>
        `${Math.round(item.scripting)} ms scripting, ${Math.round(item.scriptParseCompile)} ms parse`,
    )
  return [
    `performance ${score('performance')}`,
    `accessibility ${score('accessibility')}${failing.length ? ` (failing: ${failing.join(', ')})` : ''}`,
    `FCP ${ms('first-contentful-paint')}`,
    `LCP ${ms('largest-contentful-paint')}`,
    `TBT ${ms('total-blocking-time')}`,
    `CLS ${audit['cumulative-layout-shift'].numericValue.toFixed(3)}`,
    `main script ${main.join('; ') || 'n/a'}`,
    ...(audit['bf-cache']
      ? [`back/forward cache ${audit['bf-cache'].score === 1 ? 'works' : 'fails'}`]
      : []),
  ].join(', ')
}

try {
  await new Promise((ready) => setTimeout(ready, 1500))
  const fresh = newProfileDir()
  const profile = newProfileDir()
  const context = await launchChromium(profile, { viewport: { width: 360, height: 760 } })
  const page = context.pages()[0]
  await page.goto(origin + '/')
  await page
    .getByRole('button', { name: /example/i })
    .first()
    .click()
  await page.waitForURL(/spaces\//)
  const space = page.url().replace(/\/spaces\/([^/]+).*/, '/spaces/$1')
  await page.goto(space + '/meetings')
  const meetingLink = /\/meetings\/[A-Za-z0-9_-]{12,}$/
  await page.waitForFunction(
    (pattern) =>
      [...document.querySelectorAll('main a')].some((a) => new RegExp(pattern).test(a.href)),
    meetingLink.source,
  )
  const links = await page.locator('main a').evaluateAll((as) => as.map((a) => a.href))
  const meeting = links.find((href) => meetingLink.test(href))
  await context.close()
  const screens = [
    ['first run (welcome)', origin + '/', fresh],
    ['space home', space + '/home', profile],
    ['groups list', space + '/groups', profile],
    ['skills table', space + '/skills', profile],
    ['meeting with notes', meeting, profile],
  ]
  for (const [name, url, dir] of screens)
    for (let run = 1; run <= runs; run++)
      console.log(`${name}, run ${run}: ${summary(lighthouse(url, dir))}`)
} finally {
  server.kill()
}
