/**
 * Sync in the room, in the built app: two SEPARATE Chromium processes (each its own profile),
 * no signalling server running and every WebSocket refused. Each phone scans the other's code
 * through the real camera path: Chromium's fake camera plays a video made here from the code
 * text the other page shows (its `data-room-code`), so the QR decoder really runs on camera
 * frames. A 5 MB space and the groups made on each phone arrive both ways, both phones show
 * the same check number, and a code of another space and an expired one are refused with their
 * messages.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSpaceStores } from '../../src/doc/space-stores'
import type { SpaceId, SpaceKey } from '../../src/domain/ids'
import { parseInvite } from '../../src/domain/invite'
import { decodeRoomCode, encodeRoomCode } from '../../src/sync/room-code'
import { spaceTagOf } from '../../src/sync/room-pairing'
import { exportSpaceFile } from '../../src/sync/space-file'
import { axeViolations } from '../support/a11y'
import { writeQrVideo } from '../support/camera'
import { startApp, type RunningApp } from '../support/app-server'
import { launch, unexpectedProblems, watchConsole } from '../support/chromium'
import { addGroup, createSpace, firstRun } from '../support/flows'

let app: RunningApp | undefined
const contexts: BrowserContext[] = []
const videoDir = mkdtempSync(join(tmpdir(), 'weave-e2e-room-camera-'))
const figures: string[] = []

beforeAll(async () => {
  app = await startApp({ signalling: false })
})
afterAll(async () => {
  console.log(`\n[room e2e figures]\n  ${figures.join('\n  ')}\n`)
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)))
  await app?.stop()
})

/** A phone: its own browser process and profile, a camera fed from its own file, no sockets. */
async function phone(name: string) {
  const camera = join(videoDir, `${name}.y4m`)
  writeQrVideo(camera, 'nothing to scan yet')
  const launched = await launch({
    args: [
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${camera}`,
    ],
  })
  contexts.push(launched.context)
  /** every WebSocket the page opens is refused on the spot (and counted) */
  const sockets: string[] = []
  await launched.context.routeWebSocket(/.*/, (ws) => {
    sockets.push(ws.url())
    void ws.close()
  })
  const watcher = watchConsole(launched.context)
  await firstRun(launched.page, app!.url, name)
  await launched.page.getByRole('heading', { name: 'Your spaces' }).waitFor()
  return { ...launched, camera, sockets, watcher }
}
type Phone = Awaited<ReturnType<typeof phone>>

/** The code this phone shows right now, as its QR code says it. */
async function shownCode(page: Page): Promise<string> {
  const card = page.locator('[data-room-code]')
  await card.getByRole('img', { name: 'QR code for the other phone to scan' }).waitFor()
  return (await card.getAttribute('data-room-code')) ?? ''
}

const checkNumber = async (page: Page) =>
  (
    await page
      .getByText(/^Check number: \d{4}$/)
      .first()
      .textContent()
  )?.replace(/\D/g, '')

/** A space of about 5 MB: 1,100 groups with long stories, as one sync file. */
async function bigSpaceFile(spaceId: SpaceId, spaceKey: SpaceKey) {
  const stores = createSpaceStores()
  const story = 'We share tools, seeds and skills with the neighbourhood. '.repeat(84)
  stores.doc.transact(() => {
    for (let i = 0; i < 1100; i++)
      stores.groups.addGroup({ name: `Big group ${i}`, summary: 'From the big space', story })
  })
  const file = await exportSpaceFile(stores.doc, { spaceId, spaceKey, spaceName: 'Hall' })
  if (!file.ok) throw new Error(file.error)
  return { name: file.value.fileName, mimeType: 'text/plain', buffer: Buffer.from(file.value.text) }
}

/** The Home tab (its name also counts what is new there). */
const homeTab = (page: Page) => page.getByRole('navigation').getByRole('link', { name: /^Home/ })

async function openRoom(page: Page) {
  await homeTab(page).click()
  await page.getByRole('link', { name: 'Sync in the room' }).click()
  await page.getByRole('heading', { name: 'Sync in the room', level: 1 }).waitFor()
  await page.getByRole('button', { name: 'Start' }).click()
}

/** The groups list shows a page at a time: search finds a group among 1,100. */
async function hasGroup(page: Page, name: string) {
  await page.getByRole('link', { name: 'Groups', exact: true }).click()
  await page.getByRole('searchbox', { name: 'Search groups' }).fill(name)
  await page.getByRole('heading', { name, level: 2 }).waitFor({ timeout: 30_000 })
}

describe('sync in the room: two phones, no server, by scanning each other', () => {
  let amal: Phone
  let ben: Phone
  let spaceKey = ''

  it('pairs by scanning both ways; 5 MB and both phones’ groups arrive; checks match', async () => {
    amal = await phone('Amal')
    await createSpace(amal.page, 'Hall meeting')
    await addGroup(amal.page, 'Riverside Pantry')
    await amal.page.getByRole('link', { name: 'Share', exact: true }).click()
    await amal.page.getByRole('button', { name: 'Show the invite' }).click()
    const link = await amal.page.getByRole('textbox', { name: 'Invite link' }).inputValue()
    const invite = parseInvite(link)
    if (!invite.ok) throw new Error(invite.error)
    spaceKey = invite.value.key
    await amal.page
      .getByLabel('Open a sync file')
      .setInputFiles(await bigSpaceFile(invite.value.spaceId, invite.value.key))
    await amal.page
      .getByRole('status')
      .filter({ hasText: /^Merged: 1,100 groups/ })
      .waitFor()

    ben = await phone('Ben')
    await ben.page.goto(link) // joins on this phone alone: nothing reaches it yet
    await ben.page.getByRole('button', { name: 'Join space' }).click()
    await ben.page.getByRole('heading', { name: 'Home', level: 1 }).waitFor()
    await ben.page.getByRole('link', { name: 'Groups', exact: true }).click()
    await addGroup(ben.page, 'Seed Library')

    // 1. Amal shows her code; Ben scans it with his camera and shows his answer
    const t0 = Date.now()
    await openRoom(amal.page)
    const offer = await shownCode(amal.page)
    figures.push(`offer code: ${offer.length} characters (Start → code ${Date.now() - t0} ms)`)
    writeQrVideo(ben.camera, offer)
    await openRoom(ben.page)
    await shownCode(ben.page) // Ben's own offer first: whoever scans first answers
    await ben.page.getByRole('button', { name: 'Scan the other phone' }).click()
    await ben.page.getByText('Now show this code to the other phone so it can scan it.').waitFor()
    const answer = await shownCode(ben.page)
    figures.push(`answer code: ${answer.length} characters`)
    expect(
      await ben.page.getByLabel('Camera view for scanning the other phone’s code').count(),
    ).toBe(0)

    // 2. Amal scans Ben's answer: the link opens
    writeQrVideo(amal.camera, answer)
    const t1 = Date.now()
    await amal.page.getByRole('button', { name: 'Scan the other phone' }).click()
    await amal.page.getByText('Connected in the room: Ben').waitFor({ timeout: 30_000 })
    figures.push(`Amal taps Scan → "Connected in the room: Ben": ${Date.now() - t1} ms`)
    await ben.page.getByText('Connected in the room: Amal').waitFor({ timeout: 30_000 })
    for (const page of [amal.page, ben.page])
      await page
        .getByRole('status')
        .filter({ hasText: 'All up to date' })
        .waitFor({ timeout: 60_000 })
    figures.push(`Amal taps Scan → both "All up to date" (5 MB): ${Date.now() - t1} ms`)
    const [amalCheck, benCheck] = [await checkNumber(amal.page), await checkNumber(ben.page)]
    expect(amalCheck).toMatch(/^\d{4}$/)
    expect(benCheck).toBe(amalCheck)
    const arrived = await ben.page.getByText(/^[\d.,]+ MB arrived/).textContent()
    expect(Number(arrived?.match(/[\d.]+/)?.[0])).toBeGreaterThan(5)
    figures.push(`on Ben: ${arrived}`)
    expect(await axeViolations(amal.page)).toEqual([])

    // what each phone made is on the other
    await hasGroup(ben.page, 'Riverside Pantry')
    await hasGroup(ben.page, 'Big group 1099')
    await hasGroup(amal.page, 'Seed Library')

    // an edit made now arrives live over the same link
    // (searched first: among 1,100 groups the list's first page may not show it)
    await amal.page.getByRole('searchbox', { name: 'Search groups' }).fill('Tool Share')
    await addGroup(amal.page, 'Tool Share')
    await hasGroup(ben.page, 'Tool Share')

    // the app still tries its host's signalling server; every attempt was refused
    figures.push(
      `WebSockets tried and refused: Amal ${amal.sockets.length}, Ben ${ben.sockets.length}`,
    )
    expect(unexpectedProblems(amal.watcher.problems, [])).toEqual([])
    expect(unexpectedProblems(ben.watcher.problems, [])).toEqual([])
  })

  it('refuses a code of another space and an expired code, each with its message', async () => {
    const real = decodeRoomCode(
      await (async () => {
        await openRoom(ben.page)
        return shownCode(ben.page)
      })(),
    )
    if (!real.ok) throw new Error(real.error)
    const now = Math.floor(Date.now() / 1000)
    const foreign = encodeRoomCode({ ...real.value, spaceTag: new Uint8Array([1, 2, 3, 4]) })
    const expired = encodeRoomCode({
      ...real.value,
      spaceTag: await spaceTagOf(spaceKey),
      pairingId: crypto.getRandomValues(new Uint8Array(8)),
      createdAt: now - 3 * 60,
    })
    const refused = (text: string) =>
      amal.page.getByRole('status').filter({ hasText: text }).waitFor()

    await homeTab(amal.page).click()
    writeQrVideo(amal.camera, foreign)
    await openRoom(amal.page)
    await amal.page.getByRole('button', { name: 'Scan the other phone' }).click()
    await refused('This code is for another space. Open the same space on both phones.')
    expect(await axeViolations(amal.page)).toEqual([])
    await amal.page.getByRole('button', { name: 'Cancel' }).click()

    writeQrVideo(amal.camera, expired)
    await amal.page.getByRole('button', { name: 'Scan the other phone' }).click()
    await refused('This code has expired')
    // still scanning, still one link: nothing was paired with either code
    expect(await amal.page.getByText(/^Connected in the room/).count()).toBe(1)
    expect(unexpectedProblems(amal.watcher.problems, [])).toEqual([])
  })
})
