import { describe, expect, it } from 'vitest'
import {
  formatIceLines,
  parseIceLines,
  parseSignallingLines,
} from '../../../src/domain/sync-settings'

describe('sync settings as typed', () => {
  it('accept ws:// and wss:// signalling addresses, one per line, without repeats', () => {
    expect(
      parseSignallingLines(
        '\n wss://signal.example.org \nws://10.0.0.2:4444\nwss://signal.example.org',
      ),
    ).toEqual({
      ok: true,
      value: ['wss://signal.example.org', 'ws://10.0.0.2:4444'],
    })
    expect(parseSignallingLines('')).toEqual({ ok: true, value: [] })
  })

  it('point at the line that is not a signalling address', () => {
    expect(parseSignallingLines('wss://a.example\nhttps://b.example')).toEqual({
      ok: false,
      line: 2,
      error: 'signalling-not-websocket',
    })
    expect(parseSignallingLines('signal.example.org')).toMatchObject({ ok: false, line: 1 })
    expect(parseSignallingLines('wss://')).toMatchObject({ ok: false, line: 1 })
    const many = Array.from({ length: 9 }, (_, i) => `wss://s${i}.example`).join('\n')
    expect(parseSignallingLines(many)).toEqual({ ok: false, line: 9, error: 'too-many' })
  })

  it('read STUN and TURN servers, TURN with its username and password', () => {
    const text = 'stun:stun.example.org:3478\nturn:turn.example.org:3478 ana s3cret'
    const parsed = parseIceLines(text)
    expect(parsed).toEqual({
      ok: true,
      value: [
        { urls: 'stun:stun.example.org:3478' },
        { urls: 'turn:turn.example.org:3478', username: 'ana', credential: 's3cret' },
      ],
    })
    expect(parsed.ok && formatIceLines(parsed.value)).toBe(text)
  })

  it('refuse a TURN server without credentials and an address of another kind', () => {
    expect(parseIceLines('turn:turn.example.org')).toEqual({
      ok: false,
      line: 1,
      error: 'turn-needs-credentials',
    })
    expect(parseIceLines('stun:a.example\nhttps://b.example')).toEqual({
      ok: false,
      line: 2,
      error: 'ice-bad-scheme',
    })
    expect(parseIceLines('stun:a.example user pass')).toMatchObject({ ok: false, line: 1 })
  })
})
