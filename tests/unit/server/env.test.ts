// PORT, SIGNAL_PORT and SIGNAL_MAX_PAYLOAD: a typo gets a clear message, not a server on a
// port nobody asked for.
import { afterEach, describe, expect, it } from 'vitest'
import { intFromEnv, portFromEnv } from '../../../server/net'

const NAME = 'WEAVE_TEST_SETTING'

afterEach(() => {
  delete process.env.WEAVE_TEST_SETTING
})

describe('settings from the environment', () => {
  it('reads a port, with the fallback when unset or empty, and 0 for a free port', () => {
    expect(portFromEnv(NAME, 8080)).toBe(8080)
    process.env[NAME] = ''
    expect(portFromEnv(NAME, 8080)).toBe(8080)
    process.env[NAME] = '0'
    expect(portFromEnv(NAME, 8080)).toBe(0)
    process.env[NAME] = '9000'
    expect(portFromEnv(NAME, 8080)).toBe(9000)
  })

  it('refuses what is not a port, saying which setting and what it got', () => {
    for (const value of ['abc', '70000', '-1', '80.5', 'off']) {
      process.env[NAME] = value
      expect(() => portFromEnv(NAME, 8080), value).toThrow(
        `${NAME} must be a port number (0-65535), got "${value}".`,
      )
    }
  })

  it('reads a whole number and refuses anything else', () => {
    expect(intFromEnv(NAME, 5)).toBe(5)
    process.env[NAME] = '2048'
    expect(intFromEnv(NAME, 5)).toBe(2048)
    process.env[NAME] = '1e3x'
    expect(() => intFromEnv(NAME, 5)).toThrow(`${NAME} must be a whole number, got "1e3x"`)
  })
})
