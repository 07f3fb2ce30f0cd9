/**
 * Joining by scanning an invite's QR code, in real Chromium with a fake camera fed from a file
 * (a YUV4MPEG2 video of the code, made here from the app's own invite link). Two separate
 * browser processes and the app's own signalling server: Ana invites, Ben scans and joins and
 * sees her group. A code that is not an invite, and a refused camera, each say what to do.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import encodeQR from 'qr'
import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { axeViolations } from '../support/a11y'
import { useApp } from '../support/app-server'
import { unexpectedProblems } from '../support/chromium'
import { addGroup, createSpace } from '../support/flows'

const app = useApp()
const videoDir = mkdtempSync(join(tmpdir(), 'weave-e2e-camera-'))
let videos = 0

/**
 * A one-frame 640x480 YUV4MPEG2 (4:2:0) video of `text` as a QR code, black on white with a
 * quiet zone; Chromium's fake camera plays it in a loop.
 */
function qrVideo(text: string): string {
  const [width, height] = [640, 480]
  const modules = encodeQR(text, 'raw', { ecc: 'medium', border: 4 })
  const scale = Math.floor(height / modules.length)
  const left = Math.floor((width - modules.length * scale) / 2)
  const top = Math.floor((height - modules.length * scale) / 2)
  const luma = Buffer.alloc(width * height, 235) // video white
  modules.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (!dark) return
      for (let dy = 0; dy < scale; dy++) {
        const start = (top + y * scale + dy) * width + left + x * scale
        luma.fill(16, start, start + scale) // video black
      }
    }),
  )
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128) // no colour
  const file = join(videoDir, `qr-${videos++}-${Date.now()}.y4m`)
  writeFileSync(
    file,
    Buffer.concat([
      Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\nFRAME\n`),
      luma,
      chroma,
    ]),
  )
  return file
}

/** Keeps every camera stream the page opens, so a test can see that each track was stopped. */
async function recordCameraStreams(context: BrowserContext) {
  await context.addInitScript(() => {
    const streams: MediaStream[] = []
    Object.assign(window, { __cameraStreams: streams })
    const devices = navigator.mediaDevices as MediaDevices | undefined
    if (!devices) return
    const original = devices.getUserMedia.bind(devices)
    devices.getUserMedia = async (constraints) => {
      const stream = await original(constraints)
      streams.push(stream)
      return stream
    }
  })
}

/** How many camera tracks the page opened, and how many of them are still live. */
function cameraTracks(page: Page) {
  return page.evaluate(() => {
    const streams = (window as unknown as { __cameraStreams: MediaStream[] }).__cameraStreams
    const tracks = streams.flatMap((stream) => stream.getTracks())
    return { opened: tracks.length, live: tracks.filter((t) => t.readyState === 'live').length }
  })
}

/** Resource loads of the lazily loaded QR decoder chunk so far. */
function decoderLoads(page: Page) {
  return page.evaluate(
    () =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => /\/assets\/decode-[\w-]+\.js$/.test(entry.name)).length,
  )
}

const person = (name: string, args: readonly string[] = []) =>
  app.person(name, { args, beforeFirstRun: recordCameraStreams })

const fakeCamera = (file: string) => [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  `--use-file-for-fake-video-capture=${file}`,
]

async function inviteLink(page: Page): Promise<string> {
  await page.getByRole('link', { name: 'Share', exact: true }).click()
  await page.getByRole('heading', { name: 'Share and sync' }).waitFor()
  await page.getByRole('button', { name: 'Show the invite' }).click()
  return await page.getByRole('textbox', { name: 'Invite link' }).inputValue()
}

const scanStatus = (page: Page) => page.getByRole('status').filter({ hasText: /camera|QR code/ })

describe('joining by scanning an invite’s QR code', () => {
  it('scans the invite, turns the camera off, joins and sees the inviter’s group', async () => {
    const ana = await person('Ana')
    await createSpace(ana.page, 'Scan Network')
    await addGroup(ana.page, 'Riverside Pantry')
    const link = await inviteLink(ana.page)

    const ben = await person('Ben', fakeCamera(qrVideo(link)))
    expect(await decoderLoads(ben.page)).toBe(0) // not in the main bundle, not loaded up front
    await ben.page.getByRole('button', { name: 'Scan a QR code' }).click()
    await ben.page.getByRole('heading', { name: 'Join “Scan Network”?' }).waitFor()
    expect(await decoderLoads(ben.page)).toBe(1)
    expect(new URL(ben.page.url()).pathname).toBe('/join')
    expect(await cameraTracks(ben.page)).toEqual({ opened: 1, live: 0 })

    await ben.page.getByRole('button', { name: 'Join space' }).click()
    // the space opens on its home, where the inviter's group shows as new
    await ben.page
      .getByRole('link', { name: 'New group: Riverside Pantry' })
      .waitFor({ timeout: 20_000 })
    expect(ben.page.url()).not.toContain('key=')

    expect(unexpectedProblems(ana.watcher.problems, [])).toEqual([])
    expect(unexpectedProblems(ben.watcher.problems, [])).toEqual([])
  })

  it('says a QR code that is not an invite is not one, keeps scanning, and cancels', async () => {
    const cleo = await person('Cleo', fakeCamera(qrVideo('hello')))
    await cleo.page.getByRole('button', { name: 'Scan a QR code' }).click()
    await scanStatus(cleo.page).filter({ hasText: 'This QR code is not a Weave invite.' }).waitFor()
    await cleo.page.waitForTimeout(1_000) // five more frames read: still here
    expect(new URL(cleo.page.url()).pathname).toBe('/')
    await cleo.page.getByRole('heading', { name: 'Your spaces' }).waitFor()
    expect(await cameraTracks(cleo.page)).toEqual({ opened: 1, live: 1 })
    expect(
      await cleo.page.getByLabel('Camera view for scanning the invite’s QR code').count(),
    ).toBe(1)
    expect(await axeViolations(cleo.page)).toEqual([])

    await cleo.page.getByRole('button', { name: 'Cancel scanning' }).click()
    expect(await cameraTracks(cleo.page)).toEqual({ opened: 1, live: 0 })
    await expect
      .poll(() => cleo.page.evaluate(() => document.activeElement?.textContent))
      .toBe('Scan a QR code')
    expect(unexpectedProblems(cleo.watcher.problems, [])).toEqual([])
  })

  it('points to pasting the link when the camera is not allowed', async () => {
    // a camera exists, but no fake UI says yes, and the grant that launch() gives is taken back
    const dan = await person('Dan', ['--use-fake-device-for-media-stream'])
    await dan.context.clearPermissions()
    await dan.page.getByRole('button', { name: 'Scan a QR code' }).click()
    await scanStatus(dan.page)
      .filter({ hasText: /not allowed to use the camera\. Paste the invite link/ })
      .waitFor()
    expect(await cameraTracks(dan.page)).toEqual({ opened: 0, live: 0 })
    expect(await axeViolations(dan.page)).toEqual([])
    await dan.page.getByRole('button', { name: 'Cancel scanning' }).click()
    const paste = dan.page.getByRole('textbox', { name: 'Invite link' })
    await expect.poll(() => paste.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(unexpectedProblems(dan.watcher.problems, [])).toEqual([])
  })
})
