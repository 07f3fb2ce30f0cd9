// The signalling wire format the app and the server share: what is accepted, what is refused
// and why, and that a frame encoded by one side decodes the same on the other.
import { describe, expect, it } from 'vitest'
import {
  decodeSignallingFrame,
  encodeSignallingMessage,
  MAX_TOPIC_LENGTH,
  SIGNAL_PATH,
} from '../../../src/sync/wire/signalling'

describe('signalling wire format', () => {
  it('round-trips every message the app sends', () => {
    const messages = [
      { type: 'subscribe', topics: ['a'.repeat(64)] },
      { type: 'unsubscribe', topics: ['room'] },
      { type: 'publish', topic: 'room', data: 'ciphertext' },
      { type: 'ping' },
      { type: 'pong' },
    ] as const
    for (const message of messages) {
      expect(decodeSignallingFrame(encodeSignallingMessage(message))).toEqual({
        ok: true,
        value: { known: true, message },
      })
    }
  })

  it('keeps the fields of a publish it relays (y-webrtc sends its own)', () => {
    const frame = JSON.stringify({ type: 'publish', topic: 't', data: { to: 'x' }, clients: 2 })
    expect(decodeSignallingFrame(frame)).toEqual({
      ok: true,
      value: {
        known: true,
        message: { type: 'publish', topic: 't', data: { to: 'x' }, clients: 2 },
      },
    })
  })

  it('treats missing topics as none, as y-webrtc does', () => {
    expect(decodeSignallingFrame('{"type":"subscribe"}')).toEqual({
      ok: true,
      value: { known: true, message: { type: 'subscribe', topics: [] } },
    })
  })

  it('refuses frames of the wrong shape with a fixed reason that repeats nothing sent', () => {
    const cases: [string, string][] = [
      ['not json {', 'frame is not JSON'],
      ['[1,2]', 'message is not an object with a type'],
      ['{"type":3}', 'message is not an object with a type'],
      ['null', 'message is not an object with a type'],
      ['{"type":"subscribe","topics":"secret"}', 'subscribe without a valid topics array'],
      ['{"type":"unsubscribe","topics":[""]}', 'unsubscribe without a valid topics array'],
      ['{"type":"publish","topic":42}', 'publish without a valid topic'],
      [
        JSON.stringify({ type: 'publish', topic: 'x'.repeat(MAX_TOPIC_LENGTH + 1) }),
        'publish without a valid topic',
      ],
    ]
    for (const [frame, reason] of cases) {
      expect(decodeSignallingFrame(frame), frame).toEqual({ ok: false, error: reason })
    }
  })

  it('applies a server-chosen topic length', () => {
    const frame = JSON.stringify({ type: 'subscribe', topics: ['abcd'] })
    expect(decodeSignallingFrame(frame, 3).ok).toBe(false)
    expect(decodeSignallingFrame(frame, 4).ok).toBe(true)
  })

  it('passes unknown types through as unknown, so newer peers keep working', () => {
    expect(decodeSignallingFrame('{"type":"announce","x":1}')).toEqual({
      ok: true,
      value: { known: false, message: { type: 'announce', x: 1 } },
    })
  })

  it('names one path for the app and the server', () => {
    expect(SIGNAL_PATH).toBe('/signal')
  })
})
