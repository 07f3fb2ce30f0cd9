/**
 * Joining by scanning an invite's QR code, in real Chromium with a fake camera fed from a file
 * (a YUV4MPEG2 video of the code, made here from the app's own invite link). Two separate
 * browser processes and the app's own signalling server: Ana invites, Ben scans and joins and
 * sees her group. A code that is not an invite, and a refused camera, each say what to do.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { axeViolations } from '../support/a11y'
import { writeQrVideo } from '../support/camera'
import { useApp } from '../support/app-server'
import { unexpectedProblems } from '../support/chromium'
import { createSpaceWithGroups, inviteLink } from '../support/flows'

const app = useApp()
const videoDir = mkdtempSync(join(tmpdir(), 'weave-e2e-camera-'))
let videos = 0

/** A fake camera's video of `text` as a QR code, in a file of its own. */
const qrVideo = (text: string): string =>
  writeQrVideo(join(videoDir, `qr-${videos++}-${Date.now()}.y4m`), text)

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

const scanStatus = (page: Page) => page.getByRole('status').filter({ hasText: /camera|QR code/ })

describe('joining by scanning an invite’s QR code', () => {
  it('scans the invite, turns the camera off, joins and sees the inviter’s group', async () => {
    const ana = await person('Ana')
    await createSpaceWithGroups(ana.page, 'Scan Network', ['Riverside Pantry'])
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
