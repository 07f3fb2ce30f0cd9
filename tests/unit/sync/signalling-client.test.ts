import { afterEach, describe, expect, it, vi } from 'vitest'
import { deriveRoomKey, encryptJson } from '../../../src/sync/room-crypto'
import { createSignallingClient } from '../../../src/sync/signalling-client'

/** A WebSocket stand-in that records what the client sends and lets a test play the server. */
class FakeSocket {
  static made: FakeSocket[] = []
  sent: string[] = []
  onopen: (() => void) | null = null
  onmessage: ((event: { data: unknown }) => void) | null = null
  onclose: (() => void) | null = null
  onerror: (() => void) | null = null
  constructor(readonly url: string) {
    FakeSocket.made.push(this)
  }
  send(text: string) {
    this.sent.push(text)
  }
  close() {
    this.onclose?.()
  }
}

afterEach(() => {
  FakeSocket.made = []
  vi.unstubAllGlobals()
})

async function client(urls: string[], onMessage = vi.fn()) {
  const key = await deriveRoomKey('secret', 'room')
  const signalling = createSignallingClient({
    urls,
    topic: 'room',
    key,
    onMessage,
    createSocket: (url) => new FakeSocket(url) as unknown as WebSocket,
  })
  return { signalling, key, onMessage }
}

describe('signalling client', () => {
  it('subscribes to the room on every server and delivers a message once, decrypted', async () => {
    const { signalling, key, onMessage } = await client(['ws://a.test', 'ws://b.test'])
    signalling.start()
    expect(FakeSocket.made.map((s) => s.url)).toEqual(['ws://a.test', 'ws://b.test'])
    for (const socket of FakeSocket.made) socket.onopen?.()
    expect(JSON.parse(FakeSocket.made[0]!.sent[0]!)).toEqual({
      type: 'subscribe',
      topics: ['room'],
    })
    expect(signalling.openCount).toBe(2)

    const data = await encryptJson({ type: 'announce', from: 'x', mid: 'm1' }, key)
    const frame = JSON.stringify({ type: 'publish', topic: 'room', data })
    for (const socket of FakeSocket.made) socket.onmessage?.({ data: frame }) // same via both
    socket0NoiseAndOtherRooms()
    await vi.waitFor(() => expect(onMessage).toHaveBeenCalledTimes(1))
    expect(onMessage).toHaveBeenCalledWith({ type: 'announce', from: 'x', mid: 'm1' })
    signalling.stop()
  })

  it('does not try to connect while the browser is offline, and does when asked again', async () => {
    vi.stubGlobal('navigator', { onLine: false })
    const { signalling } = await client(['ws://a.test'])
    signalling.start()
    expect(FakeSocket.made).toEqual([])
    expect(signalling.connectingCount).toBe(0)
    vi.stubGlobal('navigator', { onLine: true })
    signalling.reconnectNow()
    expect(FakeSocket.made).toHaveLength(1)
    expect(signalling.connectingCount).toBe(1)
    signalling.stop()
  })
})

/** Frames a client must ignore: not JSON, another room, not a publish. */
function socket0NoiseAndOtherRooms() {
  const socket = FakeSocket.made[0]!
  socket.onmessage?.({ data: 'not json {' })
  socket.onmessage?.({ data: JSON.stringify({ type: 'publish', topic: 'other', data: 'x' }) })
  socket.onmessage?.({ data: JSON.stringify({ type: 'pong' }) })
}
