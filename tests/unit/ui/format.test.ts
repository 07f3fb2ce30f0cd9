import { describe, expect, it } from 'vitest'
import { formatList, formatMonth, formatNumber } from '../../../src/ui/format'

describe('formatting in the reader’s language', () => {
  it('separates a list with the Arabic comma in Arabic and Urdu', () => {
    expect(formatList(['a', 'b'], 'en')).toBe('a, b')
    expect(formatList(['أ', 'ب', 'ج'], 'ar')).toBe('أ، ب، ج')
    expect(formatList(['a', 'b'], 'ur-PK')).toBe('a، b')
  })

  it('writes counts and years in the reader’s digits, without a thousands separator', () => {
    expect(formatNumber(2015, 'en')).toBe('2015')
    expect(formatNumber(2015, 'bn')).toBe('২০১৫')
  })

  it('names a month instead of showing "2026-03"', () => {
    expect(formatMonth('2026-03', 'en')).toBe('March 2026')
    expect(formatMonth('2026-03', 'es')).toBe('marzo de 2026')
    expect(formatMonth('2026-03', 'ar')).toContain('مارس')
    expect(formatMonth('not a month', 'en')).toBe('not a month')
  })
})
