import { describe, expect, it } from 'vitest'
import {
  matchContact,
  normalisePhone,
  parseContact,
  phoneLinks,
} from '../../../src/domain/contact-links'

describe('contact links', () => {
  it('normalises numbers to digits with a leading +', () => {
    expect(normalisePhone('+44 (0)113 496-0000')).toBe('+4401134960000')
    expect(normalisePhone('0113 496 0000')).toBe('01134960000')
    expect(normalisePhone('0044 113 496 0000')).toBe('+441134960000')
    expect(normalisePhone('12')).toBeUndefined()
  })

  it('offers WhatsApp and Signal only for international numbers', () => {
    expect(phoneLinks('+44 113 496 0000').map((l) => l.href)).toEqual([
      'tel:+441134960000',
      'sms:+441134960000',
      'https://wa.me/441134960000',
      'https://signal.me/#p/+441134960000',
    ])
    expect(phoneLinks('0113 496 0000').map((l) => l.kind)).toEqual(['call', 'sms'])
    expect(phoneLinks('+44 113 496 0000')[0]?.shown).toBe('+44 113 496 0000')
  })

  it('reads a name, a number and an address out of free text', () => {
    const tom = parseContact('Tom, +44 7700 900123, tom@harehills.example.org')
    expect(tom.name).toBe('Tom')
    expect(tom.links.map((l) => l.kind)).toEqual(['call', 'sms', 'whatsapp', 'signal', 'mail'])
    expect(tom.links.at(-1)?.href).toBe('mailto:tom@harehills.example.org')
    expect(parseContact('Ask Amina at the Friday stall')).toEqual({
      name: 'Ask Amina at the Friday stall',
      links: [],
    })
  })

  it("falls back to the group's phone and email for what the entry does not give", () => {
    const both = matchContact('Tom 07700 900123', {
      phone: '+44 113 496 0000',
      email: 'hello@group.example.org',
    })
    expect(both.name).toBe('Tom')
    expect(both.links.map((l) => l.href)).toEqual([
      'tel:07700900123',
      'sms:07700900123',
      'https://wa.me/441134960000',
      'https://signal.me/#p/+441134960000',
      'mailto:hello@group.example.org',
    ])
    expect(matchContact('', undefined)).toEqual({ name: '', links: [] })
  })
})
