// A test client of the post box (server/postbox/box.ts): JSON requests in, replies out in order.
import { WebSocket } from 'ws'
import { BOX_PATH } from '../../src/sync/wire/postbox'

export type Reply = { t: string; id?: number; reason?: string; [field: string]: unknown }

const sockets: WebSocket[] = []

/** Ends every client connectBox() opened (afterEach). */
export function closeBoxClients() {
  for (const socket of sockets.splice(0)) socket.terminate()
}

/** A client of the box: sends requests, hands back each reply in order. */
export async function connectBox(port: number) {
  const socket = new WebSocket(`ws://127.0.0.1:${port}${BOX_PATH}`)
  sockets.push(socket)
  const replies: Reply[] = []
  const waiting: ((reply: Reply) => void)[] = []
  socket.on('message', (data: Buffer) => {
    const reply = JSON.parse(data.toString('utf8')) as Reply
    const next = waiting.shift()
    if (next) next(reply)
    else replies.push(reply)
  })
  const closed = new Promise<number>((done) => socket.on('close', (code) => done(code)))
  await new Promise((open, failed) => socket.once('open', open).once('error', failed))
  const next = () =>
    new Promise<Reply>((done) => {
      const ready = replies.shift()
      if (ready) done(ready)
      else waiting.push(done)
    })
  const send = (request: object | string) =>
    socket.send(typeof request === 'string' ? request : JSON.stringify(request))
  const ask = (request: object | string) => {
    send(request)
    return next()
  }
  return { socket, send, ask, next, closed }
}
