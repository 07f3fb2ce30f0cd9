import { describe, expect, it } from 'vitest'
import { isTimeZone, zonedInstant } from '../../../src/domain/zoned-time'

describe('zoned time', () => {
  it('reads a local time in its zone, summer and winter', () => {
    expect(zonedInstant('2026-12-10T18:30', 'Europe/London')).toBe(Date.UTC(2026, 11, 10, 18, 30))
    expect(zonedInstant('2026-07-10T18:30', 'Europe/London')).toBe(Date.UTC(2026, 6, 10, 17, 30))
    expect(zonedInstant('2026-12-10T18:30', 'Africa/Cairo')).toBe(Date.UTC(2026, 11, 10, 16, 30))
    expect(zonedInstant('2026-12-10T18:30', 'Asia/Karachi')).toBe(Date.UTC(2026, 11, 10, 13, 30))
    expect(zonedInstant('2026-12-10T18:30', 'America/Sao_Paulo')).toBe(
      Date.UTC(2026, 11, 10, 21, 30),
    )
  })

  it('gives the hour after for a time skipped when clocks go forward, the first of a repeated one', () => {
    // 29 March 2026, London: 01:00 → 02:00
    expect(zonedInstant('2026-03-29T01:30', 'Europe/London')).toBe(Date.UTC(2026, 2, 29, 1, 30))
    // 25 October 2026, London: 01:30 happens twice; the first is still summer time (UTC+1)
    expect(zonedInstant('2026-10-25T01:30', 'Europe/London')).toBe(Date.UTC(2026, 9, 25, 0, 30))
  })

  it('refuses an unknown zone or a malformed time', () => {
    expect(isTimeZone('Mars/Olympus')).toBe(false)
    expect(zonedInstant('2026-12-10T18:30', 'Mars/Olympus')).toBeUndefined()
    expect(zonedInstant('10/12/2026 18:30', 'Europe/London')).toBeUndefined()
  })
})
