/**
 * What a person types in a space's sync settings, checked line by line: signalling servers
 * (ws:// or wss://) and ICE servers (stun:, turn:, turns:, a TURN server with its username and
 * password after it on the same line). Nothing here has a default host: an empty list means
 * "the server this app came from" for signalling and "none" for ICE.
 */
import { ok, type Result } from './result'

export interface IceServerSetting {
  readonly urls: string
  readonly username?: string
  readonly credential?: string
}

export type SettingsLineError =
  'signalling-not-websocket' | 'ice-bad-scheme' | 'turn-needs-credentials' | 'too-many'

/** The servers, or the first line at fault (counted from 1) and what is wrong with it. */
export type LinesResult<T> = Result<readonly T[], SettingsLineError, { readonly line: number }>

export const MAX_SERVERS = 8

const lines = (text: string) =>
  text
    .split('\n')
    .map((line, index) => ({ line: index + 1, text: line.trim() }))
    .filter((entry) => entry.text !== '')

function isUrl(text: string, schemes: readonly string[]): boolean {
  try {
    const url = new URL(text)
    return schemes.includes(url.protocol) && (url.hostname !== '' || url.pathname !== '')
  } catch {
    return false
  }
}

export function parseSignallingLines(text: string): LinesResult<string> {
  const out: string[] = []
  for (const { line, text: value } of lines(text)) {
    if (out.length >= MAX_SERVERS) return { ok: false, error: 'too-many', line }
    if (!isUrl(value, ['ws:', 'wss:']) || !/^wss?:\/\/[^/\s]/.test(value))
      return { ok: false, error: 'signalling-not-websocket', line }
    if (!out.includes(value)) out.push(value)
  }
  return ok(out)
}

export function parseIceLines(text: string): LinesResult<IceServerSetting> {
  const out: IceServerSetting[] = []
  for (const { line, text: value } of lines(text)) {
    if (out.length >= MAX_SERVERS) return { ok: false, error: 'too-many', line }
    const [urls = '', username, credential, ...rest] = value.split(/\s+/)
    if (!/^(stun|turns?):[^\s]+$/.test(urls) || rest.length > 0)
      return { ok: false, error: 'ice-bad-scheme', line }
    const isTurn = urls.startsWith('turn')
    if (!isTurn && username !== undefined) return { ok: false, error: 'ice-bad-scheme', line }
    if (isTurn && (username === undefined || credential === undefined))
      return { ok: false, error: 'turn-needs-credentials', line }
    out.push(
      isTurn && username !== undefined && credential !== undefined
        ? { urls, username, credential }
        : { urls },
    )
  }
  return ok(out)
}

export function formatIceLines(servers: readonly IceServerSetting[]): string {
  return servers
    .map((s) => [s.urls, s.username, s.credential].filter((part) => part !== undefined).join(' '))
    .join('\n')
}
