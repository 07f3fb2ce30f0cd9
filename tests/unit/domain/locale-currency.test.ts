import { describe, expect, it } from 'vitest'
import { currencyForLocale, regionalTag } from '../../../src/domain/locale-currency'

describe('a currency to suggest from the reader’s language and region', () => {
  it('takes the region of the tag, or the likely one of a language alone', () => {
    expect(currencyForLocale('ar-EG')).toBe('EGP')
    expect(currencyForLocale('en-GB')).toBe('GBP')
    expect(currencyForLocale('pl')).toBe('PLN')
    expect(currencyForLocale('ro')).toBe('RON')
    expect(currencyForLocale('ur-PK')).toBe('PKR')
    expect(currencyForLocale('pt-PT')).toBe('EUR')
    expect(currencyForLocale('es-MX')).toBe('MXN')
  })

  it('suggests nothing for a region it does not know or a tag that is not one', () => {
    expect(currencyForLocale('en-AQ')).toBe('')
    expect(currencyForLocale('not a tag!')).toBe('')
    expect(currencyForLocale('')).toBe('')
  })

  it('finds the region in the device’s languages, in the app’s language', () => {
    expect(regionalTag('ar', ['en-GB', 'ar-EG'])).toBe('ar-EG')
    expect(regionalTag('pl', ['en-GB'])).toBe('pl')
    expect(currencyForLocale(regionalTag('en', ['en-GB', 'en']))).toBe('GBP')
  })
})
