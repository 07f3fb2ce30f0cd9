/**
 * Room codes in real Chromium: two SEPARATE browser processes connect a data channel having
 * exchanged nothing but the encoded codes (offer → text → offer, answer → text → answer), as two
 * phones will through their cameras. The codec runs in the pages as the app ships it: the test
 * bundles src/sync/room-code.ts with vite and adds it to a blank page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { build, type Rolldown } from 'vite'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { CHROMIUM_ARGS, CHROMIUM_PATH, launch, newProfileDir } from '../support/chromium'
import type * as Codec from '../../src/sync/room-code'

declare global {
  interface Window {
    RoomCode: typeof Codec
    peer: RTCPeerConnection
    channel: RTCDataChannel
    received: string[]
  }
}

const QR_ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]+$/

async function bundleCodec(): Promise<string> {
  const output = (await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: true,
      lib: {
        entry: join(import.meta.dirname, '../../src/sync/room-code.ts'),
        formats: ['iife'],
        name: 'RoomCode',
      },
    },
  })) as Rolldown.RolldownOutput[] | Rolldown.RolldownOutput
  const first = Array.isArray(output) ? output[0] : output
  const chunk = first?.output.find((item) => item.type === 'chunk')
  if (!chunk) throw new Error('no bundle for the codec')
  return chunk.code
}

/**
 * In the page: one negotiated data channel; the local description once gathering completed
 * (or after 5 s), as a room code. With `scanned`, the page answers that code; without, it offers.
 * `options` go to compactDescription.
 */
async function makeCode(
  page: Page,
  scanned?: string,
  options: Codec.CompactOptions = {},
): Promise<string> {
  return page.evaluate(
    async ({ scanned, options }) => {
      const { compactDescription, decodeRoomCode, encodeRoomCode, expandDescription } =
        window.RoomCode
      const peer = new RTCPeerConnection()
      const channel = peer.createDataChannel('weave', { negotiated: true, id: 0 })
      Object.assign(window, { peer, channel, received: [] })
      channel.onmessage = (event) => window.received.push(String(event.data))
      const gathered = new Promise<void>((done) => {
        peer.addEventListener('icegatheringstatechange', () => {
          if (peer.iceGatheringState === 'complete') done()
        })
        setTimeout(done, 5000)
      })
      let pairingId: Uint8Array = crypto.getRandomValues(new Uint8Array(8))
      if (scanned === undefined) {
        await peer.setLocalDescription(await peer.createOffer())
      } else {
        const offer = decodeRoomCode(scanned)
        if (!offer.ok) throw new Error(`could not read the offer: ${offer.error}`)
        pairingId = offer.value.pairingId
        await peer.setRemoteDescription(expandDescription(offer.value.description, 'offer'))
        await peer.setLocalDescription(await peer.createAnswer())
      }
      await gathered
      const description = compactDescription(peer.localDescription?.sdp ?? '', options)
      if (!description.ok) throw new Error(`could not compact: ${description.error}`)
      return encodeRoomCode({
        kind: scanned === undefined ? 'offer' : 'answer',
        spaceTag: Uint8Array.from([1, 2, 3, 4]),
        pairingId,
        createdAt: Math.floor(Date.now() / 1000),
        description: description.value,
      })
    },
    { scanned, options },
  )
}

async function acceptAnswer(page: Page, text: string): Promise<void> {
  await page.evaluate(async (text) => {
    const answer = window.RoomCode.decodeRoomCode(text)
    if (!answer.ok) throw new Error(`could not read the answer: ${answer.error}`)
    await window.peer.setRemoteDescription(
      window.RoomCode.expandDescription(answer.value.description, 'answer'),
    )
  }, text)
}

async function whenOpen(page: Page): Promise<void> {
  await page.waitForFunction(() => window.channel.readyState === 'open', undefined, {
    timeout: 20_000,
  })
}

describe('room codes between two Chromium processes', () => {
  let codec: string
  const contexts: BrowserContext[] = []

  beforeAll(async () => {
    codec = await bundleCodec()
  })
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()))
  })

  async function phone(hideAddresses = false): Promise<Page> {
    const { context, page } = hideAddresses ? await launchHidingAddresses() : await launch()
    contexts.push(context)
    await page.goto('about:blank')
    await page.addScriptTag({ content: codec })
    return page
  }

  it('a data channel opens and carries messages both ways, from codes alone', async () => {
    const [amal, ben] = [await phone(), await phone()]

    const offer = await makeCode(amal)
    expect(offer).toMatch(QR_ALPHANUMERIC)
    const answer = await makeCode(ben, offer)
    expect(answer).toMatch(QR_ALPHANUMERIC)
    console.log(`room codes: offer ${offer.length} characters, answer ${answer.length}`)
    await acceptAnswer(amal, answer)

    await connects(amal, ben)
  })

  it('connects when only the answer carries candidates (the offer finds its way as peer-reflexive)', async () => {
    const [amal, ben] = [await phone(), await phone()]
    const offer = await makeCode(amal, undefined, { maxCandidates: 0 })
    const answer = await makeCode(ben, offer)
    console.log(`room codes: offer without candidates ${offer.length} characters`)
    await acceptAnswer(amal, answer)
    await connects(amal, ben)
  })

  it('connects with mDNS names in place of addresses, as a phone that was not asked for its camera', async () => {
    const [amal, ben] = [await phone(true), await phone(true)]
    const offer = await makeCode(amal)
    const carried = await amal.evaluate((text) => {
      const code = window.RoomCode.decodeRoomCode(text)
      return code.ok ? code.value.description.candidates.map((c) => c.ip) : []
    }, offer)
    expect(carried.length).toBeGreaterThan(0)
    for (const name of carried) expect(name).toMatch(/^[0-9a-f-]{36}\.local$/)
    const answer = await makeCode(ben, offer)
    await acceptAnswer(amal, answer)
    await connects(amal, ben)
  })
})

async function connects(amal: Page, ben: Page) {
  await Promise.all([whenOpen(amal), whenOpen(ben)])
  await amal.evaluate(() => window.channel.send('hello from Amal'))
  await ben.evaluate(() => window.channel.send('hello from Ben'))
  await ben.waitForFunction(() => window.received.includes('hello from Amal'))
  await amal.waitForFunction(() => window.received.includes('hello from Ben'))
  const path = await amal.evaluate(async () => {
    const stats = [...(await window.peer.getStats()).values()] as Record<string, unknown>[]
    const pair = stats.find((s) => s.type === 'candidate-pair' && s.nominated === true)
    const end = (id: unknown) => {
      const c = stats.find((s) => s.id === id)
      return `${String(c?.candidateType)} ${String(c?.address)}:${String(c?.port)}`
    }
    return pair ? `${end(pair.localCandidateId)} → ${end(pair.remoteCandidateId)}` : 'unknown'
  })
  console.log(`room codes: connected over ${path}`)
}

/** Chromium as a page gets it without camera permission: host addresses as `.local` names. */
async function launchHidingAddresses() {
  const profileDir = newProfileDir()
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS.filter((arg) => !arg.includes('WebRtcHideLocalIpsWithMdns')),
  })
  const page = context.pages()[0] ?? (await context.newPage())
  return { context, page }
}
