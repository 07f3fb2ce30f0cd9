import { describe, expect, it } from 'vitest'
import { directionOf, LOCALE_NAMES, LOCALES, matchLocale } from '../../../src/i18n/locales'

describe('locales', () => {
  it('follows the first device language Weave has, by its base language', () => {
    expect(matchLocale(['ar-EG', 'en-GB'])).toBe('ar')
    expect(matchLocale(['fr-FR', 'ur-PK', 'en'])).toBe('ur')
    expect(matchLocale(['es-419'])).toBe('es')
    expect(matchLocale(['fr-FR', 'de'])).toBe('en')
  })

  it('lays Arabic and Urdu out right to left, and the others left to right', () => {
    expect(directionOf('ar')).toBe('rtl')
    expect(directionOf('ur')).toBe('rtl')
    expect(directionOf('en')).toBe('ltr')
    expect(directionOf('es')).toBe('ltr')
  })

  it('names every language in its own script for the picker', () => {
    expect(LOCALE_NAMES.ar).toBe('العربية')
    expect(LOCALE_NAMES.ur).toBe('اردو')
    for (const code of LOCALES) expect(LOCALE_NAMES[code].trim()).not.toBe('')
  })
})
