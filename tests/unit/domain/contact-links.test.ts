import { describe, expect, it } from 'vitest'
import { contactLinks } from '../../../src/domain/contact-links'

const kinds = (text: string) => contactLinks(text).map((l) => `${l.kind} ${l.href}`)

describe('ways to reach a contact', () => {
  it('calls and texts a local number as digits, with no WhatsApp or Signal (they need a country code)', () => {
    expect(kinds('Tom 07700 900-123')).toEqual(['call tel:07700900123', 'sms sms:07700900123'])
  })

  it('offers WhatsApp and Signal for an international number, written with + or 00', () => {
    const links = [
      'call tel:+447700900123',
      'sms sms:+447700900123',
      'whatsapp https://wa.me/447700900123',
      'signal https://signal.me/#p/+447700900123',
    ]
    expect(kinds('+44 (0)7700 900123'.replace('(0)', ''))).toEqual(links)
    expect(kinds('0044 7700 900123')).toEqual(links)
  })

  it('reads numbers typed with Arabic-Indic or Urdu digits', () => {
    expect(kinds('أمل ٠٧٧٠٠٩٠٠١٢٣')[0]).toBe('call tel:07700900123')
    expect(kinds('۰۳۰۰ ۱۲۳۴۵۶۷')[0]).toBe('call tel:03001234567')
  })

  it('emails an address and calls a number given together', () => {
    expect(kinds('tom@example.org, 07700 900123')).toEqual([
      'email mailto:tom@example.org',
      'call tel:07700900123',
      'sms sms:07700900123',
    ])
  })

  it('offers nothing for a name alone, a year or a short number', () => {
    expect(contactLinks('Ask Tom at the Tuesday market')).toEqual([])
    expect(contactLinks('since 2012')).toEqual([])
    expect(contactLinks('room 12-34')).toEqual([])
  })

  it('never makes a link that runs script, whatever is typed', () => {
    for (const link of contactLinks('javascript:alert(1)@x.org +44 7700 900123'))
      expect(link.href).toMatch(/^(mailto:|tel:|sms:|https:\/\/)/)
  })
})
