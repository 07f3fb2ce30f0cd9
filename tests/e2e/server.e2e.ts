// The server `npm start` runs, as built (dist-server/ beside dist/): one Content-Security-Policy
// in the served header and the built page's <meta>, and signalling at /signal and on its port;
// the signalling server also runs alone from its own bundle.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { HEADER_ONLY_DIRECTIVES } from '../../server/csp'
import { freePort, startApp, type RunningApp } from '../support/app-server'

const root = join(import.meta.dirname, '../..')
let app: RunningApp

beforeAll(async () => {
  app = await startApp()
})
afterAll(async () => {
  await app.stop()
})

/** Resolves with the answer to a signalling ping, or rejects when the socket fails. */
function ping(url: string): Promise<unknown> {
  const ws = new WebSocket(url)
  return new Promise<unknown>((resolve, reject) => {
    ws.on('open', () => ws.send(JSON.stringify({ type: 'ping' })))
    ws.on('message', (data: Buffer) => resolve(JSON.parse(data.toString('utf8'))))
    ws.on('error', reject)
  }).finally(() => ws.terminate())
}

const directives = (policy: string) => policy.split(';').map((d) => d.trim())

describe('the built server', () => {
  it('sends the policy the built index.html carries, plus what only a header can say', async () => {
    const response = await fetch(app.url)
    const header = response.headers.get('content-security-policy') ?? ''
    const html = await response.text()
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1]
    expect(meta).toBeDefined()
    const headerOnly = (d: string) => HEADER_ONLY_DIRECTIVES.includes(d.split(' ')[0] ?? '')
    expect(directives(meta ?? '')).toEqual(directives(header).filter((d) => !headerOnly(d)))
    expect(directives(header).filter(headerOnly)).toEqual(["frame-ancestors 'none'"])
    expect(html.match(/Content-Security-Policy/g)).toHaveLength(1)
  })

  it('answers signalling at /signal on the app port and on the signalling port', async () => {
    const appSignal = `${app.url.replace('http:', 'ws:')}/signal`
    expect(await ping(appSignal)).toEqual({ type: 'pong' })
    expect(await ping(app.signalUrl)).toEqual({ type: 'pong' })
  })

  it('runs the signalling server alone from dist-server/signalling.js', async () => {
    const port = await freePort()
    const child = spawn(process.execPath, ['dist-server/signalling.js'], {
      cwd: root,
      env: { ...process.env, SIGNAL_PORT: String(port), SIGNAL_HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const exited = new Promise<void>((done) => child.once('exit', () => done()))
    try {
      const listening = new Promise<void>((resolve) =>
        child.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('listening')) resolve()
        }),
      )
      await listening
      expect(await ping(`ws://127.0.0.1:${port}`)).toEqual({ type: 'pong' })
    } finally {
      child.kill('SIGTERM')
      await exited
    }
  })
})
