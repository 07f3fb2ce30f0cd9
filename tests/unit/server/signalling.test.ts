// The signalling server must keep relaying for everyone while one client misbehaves: the
// y-webrtc package's own server dies on a single frame that is not JSON.
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { startSignallingServer } from '../../../server/signalling'

type Server = Awaited<ReturnType<typeof startSignallingServer>>
type Message = Record<string, unknown>

interface Client {
  ws: WebSocket
  /** Resolves with the first message (already received or future) matching the predicate. */
  next: (match: (m: Message) => boolean, timeoutMs?: number) => Promise<Message>
  /** Resolves with the close code once the server (or the network) closed the connection. */
  closed: Promise<number>
  send: (m: unknown) => void
}

const servers: Server[] = []
const clients: WebSocket[] = []
const lines: string[] = []
const logger = { info: (l: string) => lines.push(l), warn: (l: string) => lines.push(l) }

afterEach(async () => {
  for (const ws of clients.splice(0)) ws.terminate()
  await Promise.all(servers.splice(0).map((s) => s.close()))
  lines.length = 0
})

type Options = NonNullable<Parameters<typeof startSignallingServer>[0]>

async function start(options: Options = {}): Promise<Server> {
  const server = await startSignallingServer({ port: 0, host: '127.0.0.1', logger, ...options })
  servers.push(server)
  return server
}

function text(data: WebSocket.RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8')
  return Array.isArray(data)
    ? Buffer.concat(data).toString('utf8')
    : Buffer.from(data).toString('utf8')
}

function parse(data: WebSocket.RawData): Message | null {
  try {
    const value: unknown = JSON.parse(text(data))
    return typeof value === 'object' && value !== null ? (value as Message) : null
  } catch {
    return null
  }
}

async function connect(server: Server): Promise<Client> {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}`)
  clients.push(ws)
  // A client the server cuts off may see EPIPE/ECONNRESET: that is the expected outcome here.
  ws.on('error', () => undefined)
  const inbox: Message[] = []
  const waiters = new Set<() => void>()
  ws.on('message', (data) => {
    const m = parse(data)
    if (m) inbox.push(m)
    for (const wake of waiters) wake()
  })
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)))
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  const next = (match: (m: Message) => boolean, timeoutMs = 2000) =>
    new Promise<Message>((resolve, reject) => {
      const check = () => {
        const i = inbox.findIndex(match)
        if (i === -1) return
        const [found] = inbox.splice(i, 1)
        waiters.delete(check)
        clearTimeout(timer)
        resolve(found!)
      }
      const timer = setTimeout(() => {
        waiters.delete(check)
        reject(new Error('no matching message in time'))
      }, timeoutMs)
      waiters.add(check)
      check()
    })
  const send = (m: unknown) => ws.send(typeof m === 'string' ? m : JSON.stringify(m))
  return { ws, next, closed, send }
}

/** Frames on one connection are handled in order: a pong means everything before it was. */
async function settle(client: Client): Promise<void> {
  client.send({ type: 'ping' })
  await client.next((m) => m.type === 'pong')
}

async function subscribe(client: Client, ...topics: string[]): Promise<void> {
  client.send({ type: 'subscribe', topics })
  await settle(client)
}

const isPublish = (topic: string, data: unknown) => (m: Message) =>
  m.type === 'publish' && m.topic === topic && m.data === data

/** Two fresh, well-behaved clients still reach each other through the server. */
async function expectRelayWorks(server: Server): Promise<void> {
  const a = await connect(server)
  const b = await connect(server)
  await subscribe(a, 'after')
  await subscribe(b, 'after')
  a.send({ type: 'publish', topic: 'after', data: 'still here' })
  const got = await b.next(isPublish('after', 'still here'))
  expect(got.clients).toBe(2)
  const health = await fetch(`http://127.0.0.1:${server.port}/health`)
  expect(health.status).toBe(200)
}

describe('signalling server: y-webrtc protocol', () => {
  it('relays a publish to every subscriber of the topic, with the subscriber count', async () => {
    const server = await start()
    const a = await connect(server)
    const b = await connect(server)
    await subscribe(a, 'room-1')
    await subscribe(b, 'room-1')

    a.send({ type: 'publish', topic: 'room-1', data: { signal: 'offer-from-a' } })
    const atB = await b.next((m) => m.type === 'publish')
    expect(atB).toEqual({
      type: 'publish',
      topic: 'room-1',
      data: { signal: 'offer-from-a' },
      clients: 2,
    })
    // y-webrtc relies on the sender getting its own message back too (like the original).
    await a.next((m) => m.type === 'publish')

    b.send({ type: 'publish', topic: 'room-1', data: 'answer-from-b' })
    expect((await a.next(isPublish('room-1', 'answer-from-b'))).clients).toBe(2)
  })

  it('answers ping with pong, and plain HTTP with "okay" and /health JSON', async () => {
    const server = await start()
    const a = await connect(server)
    a.send({ type: 'ping' })
    expect(await a.next((m) => m.type === 'pong')).toEqual({ type: 'pong' })

    const plain = await fetch(`http://127.0.0.1:${server.port}/`)
    expect(await plain.text()).toBe('okay')
    const health = await fetch(`http://127.0.0.1:${server.port}/health`)
    expect(health.headers.get('content-type')).toContain('application/json')
    expect(await health.json()).toMatchObject({ status: 'ok', connections: 1 })
  })

  it('stops relaying to a client after it unsubscribes', async () => {
    const server = await start()
    const a = await connect(server)
    const b = await connect(server)
    await subscribe(a, 'room-u')
    await subscribe(b, 'room-u')
    b.send({ type: 'unsubscribe', topics: ['room-u'] })
    await settle(b)
    a.send({ type: 'publish', topic: 'room-u', data: 'alone' })
    expect((await a.next(isPublish('room-u', 'alone'))).clients).toBe(1)
  })

  it('drops a connection that stops answering keepalive pings', async () => {
    const server = await start({ limits: { pingIntervalMs: 50 } })
    const alive = await connect(server)
    // A client whose network died: it never answers the server's WebSocket pings.
    const dead = new WebSocket(`ws://127.0.0.1:${server.port}`, { autoPong: false })
    clients.push(dead)
    dead.on('error', () => undefined)
    const code = await new Promise<number>((resolve) => dead.on('close', (c) => resolve(c)))
    expect(code).toBe(1006) // cut, not closed politely: it would not have answered anyway
    await settle(alive) // the well-behaved client answered its pings and is still connected
    expect(alive.ws.readyState).toBe(WebSocket.OPEN)
  })
})

describe('signalling server: hostile and broken clients', () => {
  it('closes a client that sends a frame that is not JSON, and keeps serving others', async () => {
    const server = await start()
    const bad = await connect(server)
    bad.send('not json {')
    expect(await bad.closed).toBe(1007)
    await expectRelayWorks(server)
    expect(lines.some((l) => l.includes('not JSON'))).toBe(true)
  })

  it('closes a client that sends JSON of the wrong shape', async () => {
    const server = await start()
    const bad = await connect(server)
    bad.send({ type: 'subscribe', topics: 'not-an-array' })
    expect(await bad.closed).toBe(1007)
    const worse = await connect(server)
    worse.send('null')
    expect(await worse.closed).toBe(1007)
    await expectRelayWorks(server)
  })

  it('refuses a 10 MB frame with 1009 (message too big), and keeps serving others', async () => {
    const server = await start()
    const bad = await connect(server)
    const huge = JSON.stringify({
      type: 'publish',
      topic: 'room-1',
      data: 'x'.repeat(10 * 1024 * 1024),
    })
    bad.ws.send(huge)
    expect(await bad.closed).toBe(1009)
    await expectRelayWorks(server)
  })

  it('caps subscriptions per connection: 1,000 topics from one client hold at most 64', async () => {
    const server = await start()
    const greedy = await connect(server)
    const topics = Array.from({ length: 1000 }, (_, i) => `t-${i}`)
    for (let i = 0; i < topics.length; i += 100)
      greedy.send({ type: 'subscribe', topics: topics.slice(i, i + 100) })
    await settle(greedy) // still connected and answering: refusing extras is not a reason to close

    const other = await connect(server)
    await subscribe(other, 't-0', 't-999')
    other.send({ type: 'publish', topic: 't-0', data: 'first' })
    expect((await other.next(isPublish('t-0', 'first'))).clients).toBe(2)
    await greedy.next(isPublish('t-0', 'first'))
    other.send({ type: 'publish', topic: 't-999', data: 'last' })
    expect((await other.next(isPublish('t-999', 'last'))).clients).toBe(1) // greedy was refused

    const health = (await (await fetch(`http://127.0.0.1:${server.port}/health`)).json()) as {
      topics: number
    }
    expect(health.topics).toBe(65) // t-0..t-63 plus t-999
    await expectRelayWorks(server)
  })

  it('caps the topics of the whole server', async () => {
    const server = await start({ limits: { maxTopics: 3 } })
    const a = await connect(server)
    await subscribe(a, 'one', 'two', 'three', 'four')
    a.send({ type: 'publish', topic: 'four', data: 'nobody' })
    a.send({ type: 'publish', topic: 'three', data: 'me' })
    const got = await a.next((m) => m.type === 'publish')
    expect(got.topic).toBe('three') // 'four' was never created, so nothing came back for it
  })

  it('drops a flood beyond the rate limit and closes the flooder with 1008', async () => {
    const server = await start()
    const victim = await connect(server)
    await subscribe(victim, 'flooded')
    const flooder = await connect(server)
    await subscribe(flooder, 'flooded')
    let received = 0
    victim.ws.on('message', () => (received += 1))

    for (let i = 0; i < 1000; i += 1) flooder.send({ type: 'publish', topic: 'flooded', data: i })
    expect(await flooder.closed).toBe(1008)
    // The burst (200 tokens, one of them spent on the subscribe and one on its ping) got through;
    // the rest was dropped before it reached anybody.
    await settle(victim)
    expect(received).toBeGreaterThan(100)
    expect(received).toBeLessThan(300)
    await expectRelayWorks(server)
  })

  it('refuses new connections past maxConnections with HTTP 503', async () => {
    const server = await start({ limits: { maxConnections: 1 } })
    await connect(server)
    await expect(connect(server)).rejects.toThrow(/503/)
  })

  it('cuts off a receiver that stops reading instead of queueing for it without bound', async () => {
    const maxBufferedBytes = 256 * 1024
    // Lift the byte rate limit: this test is about the receiver, not the sender.
    const server = await start({
      limits: { maxBufferedBytes, bytesPerSecond: 1e9, byteBurst: 1e9 },
    })
    const slow = await connect(server)
    await subscribe(slow, 'big')
    const sender = await connect(server)
    await subscribe(sender, 'big')
    // Stop reading: the kernel buffers fill, then the server's own queue would grow.
    const socket = (slow.ws as unknown as { _socket: { pause: () => void; resume: () => void } })
      ._socket
    socket.pause()

    const chunk = 'y'.repeat(200 * 1024)
    for (let i = 0; i < 150; i += 1) {
      sender.send({ type: 'publish', topic: 'big', data: chunk })
      await sender.next(isPublish('big', chunk))
      if (lines.some((l) => l.includes('too slow'))) break
    }
    expect(lines.some((l) => l.includes('too slow'))).toBe(true)
    socket.resume() // once it reads again, it finds its connection gone
    expect(await slow.closed).toBe(1006)
    sender.send({ type: 'publish', topic: 'big', data: 'small' })
    expect((await sender.next(isPublish('big', 'small'))).clients).toBe(1)
  })
})
