import { describe, expect, it } from 'vitest'
import { newSpaceId, newSpaceKey } from '../../../src/domain/ids'
import { formatInvite, parseInvite, type Invite } from '../../../src/domain/invite'

const invite: Invite = { spaceId: newSpaceId(), key: newSpaceKey(), name: 'Food & Land, Leeds' }

describe('invite links', () => {
  it('carry the space in the fragment and come back whole', () => {
    const link = formatInvite('https://weave.example', invite)
    const url = new URL(link)
    expect(url.pathname).toBe('/join')
    expect(url.search).toBe('') // nothing a server would see
    expect(url.hash).toContain(invite.key)
    expect(parseInvite(link)).toEqual({ ok: true, value: invite })
    expect(parseInvite(url.hash)).toEqual({ ok: true, value: invite })
  })

  it('are found inside a pasted message', () => {
    const link = formatInvite('http://192.168.1.20:8080', invite)
    expect(parseInvite(`Join us!\n${link}\nsee you Tuesday`)).toEqual({ ok: true, value: invite })
  })

  it('say what is wrong with what was pasted', () => {
    const link = formatInvite('https://weave.example', invite)
    expect(parseInvite('  ')).toEqual({ ok: false, error: 'empty' })
    expect(parseInvite('https://weave.example/')).toEqual({ ok: false, error: 'not-an-invite' })
    expect(parseInvite('hello there')).toEqual({ ok: false, error: 'not-an-invite' })
    expect(parseInvite(link.slice(0, link.indexOf('key=') + 10))).toEqual({
      ok: false,
      error: 'bad-key',
    })
    expect(parseInvite(link.replace(invite.spaceId, 'a%2Fb'))).toEqual({
      ok: false,
      error: 'bad-space-id',
    })
  })

  it('keep a name short and free of control and direction characters', () => {
    const link = formatInvite('https://weave.example', {
      ...invite,
      name: `\u202eevil\u0007 ${'x'.repeat(200)}`,
    })
    const parsed = parseInvite(link)
    expect(parsed.ok && parsed.value.name).toBe(`evil ${'x'.repeat(73)}`) // cut at 80 when made
  })
})
