/**
 * Photos and voice notes at a meeting, at phone size, with Chromium's fake microphone: a photo
 * from the camera (a 3200×2400 JPEG carrying a GPS position, as a phone camera writes one) is
 * kept at 1600×1200 without it, opens full size and takes a caption; an SVG is refused; a 3-second voice note is recorded, heard and
 * saved; both are still there and playable after a reload offline. A second phone that joins
 * gets the record before the bytes and shows whose phone it is on, never a broken image.
 */
import { createHash } from 'node:crypto'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { axeViolations } from '../support/a11y'
import { useApp } from '../support/app-server'
import { unexpectedProblems } from '../support/chromium'
import { createSpace, inviteLink, joinByLink, reloadOffline } from '../support/flows'
import { greyJpeg } from '../support/jpeg'

const app = useApp()

const FAKE_MEDIA = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']

async function newMeeting(page: Page, title: string) {
  await page.getByRole('link', { name: 'Meetings' }).click()
  await page.getByRole('link', { name: 'New meeting' }).click()
  await page.getByRole('button', { name: 'Or set the title, date and groups first' }).click()
  await page.getByRole('textbox', { name: 'Title' }).fill(title)
  await page.getByRole('button', { name: 'Create meeting' }).click()
  await page.getByRole('heading', { name: title, level: 1 }).waitFor()
}

async function pickFile(page: Page, button: string, file: { name: string; buffer: Buffer }) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: button }).click(),
  ])
  await chooser.setFiles({ ...file, mimeType: 'application/octet-stream' })
}

/** The rows of this phone's media table, as IndexedDB holds them. */
function storedMedia(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ hash: string; mime: string; bytes: number[] }[]>((resolve, reject) => {
        const open = indexedDB.open('weave')
        open.onerror = () => reject(new Error(String(open.error)))
        open.onsuccess = () => {
          const all = open.result.transaction('media').objectStore('media').getAll()
          all.onsuccess = () => {
            const rows = all.result as { hash: string; mime: string; bytes: Uint8Array }[]
            resolve(rows.map((r) => ({ hash: r.hash, mime: r.mime, bytes: [...r.bytes] })))
            open.result.close()
          }
        }
      }),
  )
}

/** Width and height from a JPEG's frame header. */
function jpegSize(bytes: Buffer): { width: number; height: number } {
  for (let at = 2; at < bytes.length;) {
    const marker = bytes[at + 1] ?? 0
    if (marker >= 0xc0 && marker <= 0xc2)
      return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) }
    at += 2 + bytes.readUInt16BE(at + 2)
  }
  throw new Error('no frame header')
}

const photoShows = (page: Page, name: string) =>
  page
    .getByRole('button', { name: `Open full size: ${name}` })
    .locator('img')
    .evaluate(async (img: HTMLImageElement) => {
      await img.decode()
      return img.naturalWidth
    })

/** Plays a voice note for a moment: true when its time moved on. */
const plays = (page: Page, name: RegExp) =>
  page
    .getByRole('list', { name: 'Voice notes' })
    .getByLabel(name)
    .evaluate(async (audio: HTMLAudioElement) => {
      audio.muted = true
      await audio.play()
      await new Promise((done) => setTimeout(done, 600))
      audio.pause()
      return audio.currentTime > 0 && audio.error === null
    })

describe('photos and voice notes in Chromium', () => {
  it('keeps a photo without its GPS and a 3-second voice note, offline after a reload', async () => {
    const { context, page, watcher } = await app.person('Amal', { args: FAKE_MEDIA })
    await createSpace(page, 'Food co-op')
    await newMeeting(page, 'March assembly')
    await page.getByRole('heading', { name: 'Photos and voice notes' }).waitFor()

    // an SVG is refused with its reason, and nothing is stored
    await pickFile(page, 'Choose photo', {
      name: 'logo.jpg',
      buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
    })
    await page.getByText('This is a drawing file (SVG), not a photo').waitFor()
    expect(await storedMedia(page)).toEqual([])

    // the camera's photo, with a GPS position in its EXIF
    const camera = Buffer.from(greyJpeg({ width: 3200, height: 2400, gps: true, xmp: true }))
    expect(camera.includes('Exif')).toBe(true)
    await pickFile(page, 'Take photo', { name: 'IMG_0042.jpg', buffer: camera })
    await page.getByText('Photo saved on this phone').waitFor()
    const [row] = await storedMedia(page)
    if (!row) throw new Error('no photo stored')
    const stored = Buffer.from(row.bytes)
    expect(row.hash).toBe(createHash('sha256').update(stored).digest('hex'))
    expect(jpegSize(stored)).toEqual({ width: 1600, height: 1200 })
    for (const trace of ['Exif', 'GPS', 'ns.adobe.com', 'Example Street'])
      expect(stored.includes(trace), trace).toBe(false)
    expect(await photoShows(page, 'Photo from Amal')).toBe(1600)

    // tapping the thumbnail opens it full size in a dialog
    await page.getByRole('button', { name: 'Open full size: Photo from Amal' }).click()
    const dialog = page.getByRole('dialog', { name: 'Photo from Amal' })
    await dialog.getByRole('img', { name: 'Photo from Amal' }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    // its caption is written there, and names it from then on
    await dialog.getByRole('textbox', { name: 'Caption (optional)' }).fill('Flipchart: our plan')
    await dialog.getByRole('button', { name: 'Save caption' }).click()
    const captioned = page.getByRole('dialog', { name: 'Flipchart: our plan' })
    await captioned.getByText('Caption saved.').waitFor()
    await captioned.getByRole('button', { name: 'Close' }).click()
    await captioned.waitFor({ state: 'hidden' })

    // a voice note: tap to start, a timer and a level, tap to stop, listen, caption, save
    await page.getByRole('button', { name: 'Record voice note' }).click()
    const timer = page.getByRole('timer', { name: 'Recording time' })
    await timer.getByText('0:03 of 5:00').waitFor({ timeout: 10_000 })
    expect(await page.getByRole('meter', { name: 'Sound level' }).count()).toBe(1)
    await page.waitForTimeout(400)
    await page.getByRole('button', { name: 'Stop recording' }).click()
    await page.getByText('Recorded 0:03. Listen before saving:').waitFor()
    await page.getByLabel('Listen to the recording').waitFor()
    await page.getByRole('textbox', { name: 'Caption (optional)' }).fill('Treasurer’s report')
    await page.getByRole('button', { name: 'Save voice note' }).click()
    await page.getByText('Voice note saved on this phone.').waitFor()
    const voices = page.getByRole('list', { name: 'Voice notes' })
    await voices.getByText('Treasurer’s report').waitFor()
    await voices.getByText('0:03').waitFor()
    expect(await plays(page, /^Play Treasurer’s report \(0:03\)$/)).toBe(true)
    expect((await storedMedia(page)).map((r) => r.mime.split(';')[0]).sort()).toEqual([
      'audio/webm',
      'image/jpeg',
    ])

    // offline, after a reload: both still there, shown and playable
    await reloadOffline(page)
    await page.getByRole('heading', { name: 'March assembly', level: 1 }).waitFor()
    expect(await photoShows(page, 'Flipchart: our plan')).toBe(1600)
    expect(await plays(page, /^Play Treasurer’s report \(0:03\)$/)).toBe(true)
    expect(unexpectedProblems(watcher.problems, [])).toEqual([])
    await context.setOffline(false)
  })

  it('shows a joining phone whose phone a photo is on, never a broken image', async () => {
    const amal = await app.person('Amal', { args: FAKE_MEDIA })
    await createSpace(amal.page, 'Tenants union')
    await newMeeting(amal.page, 'Street meeting')
    await pickFile(amal.page, 'Take photo', {
      name: 'sheet.jpg',
      buffer: Buffer.from(greyJpeg({ width: 640, height: 480 })),
    })
    await amal.page.getByText('Photo saved on this phone').waitFor()
    const link = await inviteLink(amal.page)

    const ben = await app.person('Ben')
    await joinByLink(ben.page, link, 'Amal')
    await ben.page.getByRole('link', { name: 'Meetings' }).click()
    await ben.page.getByRole('link', { name: /Street meeting/ }).click()
    await ben.page
      .getByText('Photo from Amal’s phone: it will arrive when you sync.')
      .waitFor({ timeout: 20_000 })
    expect(await ben.page.locator('.media-section img').count()).toBe(0)
    expect(await axeViolations(ben.page)).toEqual([])
  })
})
