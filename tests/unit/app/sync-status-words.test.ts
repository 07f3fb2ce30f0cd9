import { describe, expect, it } from 'vitest'
import { syncWording } from '../../../src/app/sync-indicator'
import { formatInvite, parseInvite } from '../../../src/domain/invite'
import { newSpaceId, newSpaceKey } from '../../../src/domain/ids'
import { readableLink } from '../../../src/features/share/share-screen'

const status = (state: 'offline' | 'connecting' | 'looking' | 'connected', peers = 0) => ({
  state,
  peers,
})

describe('the status says what is true', () => {
  it('a space never shared is only on this phone, online or not', () => {
    expect(syncWording(status('looking'), false, true)).toBe('alone')
    expect(syncWording(status('connecting'), false, true)).toBe('alone')
    expect(syncWording(status('offline'), false, true)).toBe('aloneOffline')
    expect(syncWording(status('offline'), false, false)).toBe('alone') // no live sync at all
  })

  it('a shared space says nobody else is here, offline, or with whom it is in sync', () => {
    expect(syncWording(status('looking'), true, true)).toBe('shared')
    expect(syncWording(status('connecting'), true, true)).toBe('shared')
    expect(syncWording(status('offline'), true, true)).toBe('sharedOffline')
    expect(syncWording(status('offline'), true, false)).toBe('noLive')
    expect(syncWording(status('connected', 2), true, true)).toBe('with')
    // another phone here makes it shared, whatever this phone remembered
    expect(syncWording(status('connected', 1), false, true)).toBe('with')
  })
})

describe('the invite link as a person reads it', () => {
  it('shows an Arabic name in Arabic letters, and still reads as the same invite', () => {
    const invite = { spaceId: newSpaceId(), key: newSpaceKey(), name: 'شبكة الغذاء & co' }
    const link = formatInvite('https://weave.example', invite)
    expect(link).toContain('%D8%B4') // what is copied and shared stays encoded
    const shown = readableLink(link)
    expect(shown).toContain('name=شبكة+الغذاء+%26+co') // '&' keeps its escape: it is not text
    expect(shown).not.toMatch(/%D8/)
    expect(parseInvite(shown)).toEqual({ ok: true, value: invite })
    expect(parseInvite(`Here it is: ${shown} see you`)).toEqual({ ok: true, value: invite })
  })

  it('leaves a link with nothing to decode as it was', () => {
    const link = formatInvite('https://weave.example', {
      spaceId: newSpaceId(),
      key: newSpaceKey(),
      name: 'Food Network',
    })
    expect(readableLink(link)).toBe(link)
    expect(readableLink('https://x.example/join#name=%E2%82')).toBe(
      'https://x.example/join#name=%E2%82',
    )
  })
})
