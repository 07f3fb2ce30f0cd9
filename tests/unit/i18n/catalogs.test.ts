import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { IntlMessageFormat } from 'intl-messageformat'
import { describe, expect, it } from 'vitest'
import { LOCALES, type Locale } from '../../../src/i18n/locales'
import { createTranslator } from '../../../src/i18n/translate'

const dir = join(import.meta.dirname, '../../../src/i18n/catalogs')
const load = (file: string) =>
  JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, string>
const english = load('en.json')

/** The argument names a message uses ({name}, {count, plural, …}), sorted. */
function placeholders(message: string, locale: string): string[] {
  const names = new Set<string>()
  const walk = (nodes: unknown[]) => {
    for (const node of nodes as {
      type: number
      value?: string
      options?: Record<string, { value: unknown[] }>
    }[]) {
      if (node.type !== 0 && node.type !== 7 && typeof node.value === 'string')
        names.add(node.value)
      for (const option of Object.values(node.options ?? {})) walk(option.value)
    }
  }
  walk(new IntlMessageFormat(message, locale).getAst())
  return [...names].sort()
}

describe('translation catalogs', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'))

  it('has a catalog file for every offered language and no stray ones', () => {
    expect(files.map((f) => f.replace('.json', '')).sort()).toEqual([...LOCALES].sort())
  })

  for (const file of files) {
    const locale = file.replace('.json', '')
    it(`${locale}: has every English key, no extra keys, and the same placeholders`, () => {
      const catalog = load(file)
      expect(Object.keys(catalog).sort()).toEqual(Object.keys(english).sort())
      for (const [key, message] of Object.entries(english)) {
        const translated = catalog[key] ?? ''
        expect(translated.trim(), `${locale} ${key} is empty`).not.toBe('')
        expect(placeholders(translated, locale), `${locale} ${key}`).toEqual(
          placeholders(message, 'en'),
        )
      }
    })
  }

  it('formats plurals with the language rules', () => {
    const t = createTranslator('es', load('es.json'))
    expect(t('spaces.count', { count: 1 })).toBe('1 espacio en este teléfono')
    expect(t('spaces.count', { count: 3 })).toBe('3 espacios en este teléfono')
    const en = createTranslator('en', english)
    expect(en('groups.trash', { count: 2 })).toBe('Trash: 2 groups')
  })

  it('uses all six Arabic plural forms, not the English two', () => {
    const t = createTranslator('ar', load('ar.json'))
    const groups = (count: number) => t('groups.listLabel', { count })
    expect(groups(0)).toBe('لا توجد مجموعات')
    expect(groups(1)).toBe('مجموعة واحدة')
    expect(groups(2)).toBe('مجموعتان')
    // 3–10 take the plural noun, 11–99 the singular accusative, 100 the singular.
    expect(groups(3)).toBe(`${(3).toLocaleString('ar')} مجموعات`)
    expect(groups(11)).toBe(`${(11).toLocaleString('ar')} مجموعة`)
    expect(groups(100)).toBe(`${(100).toLocaleString('ar')} مجموعة`)
    // An exact "=0" message still wins over the zero category.
    expect(t('actions.count', { count: 0 })).toBe('لا توجد مهام مفتوحة.')
  })

  it('keeps a Latin-script name in an Arabic sentence from moving the punctuation', () => {
    const t = createTranslator('ar', load('ar.json'))
    expect(t('groups.added', { name: 'Riverside Co-op' })).toBe(
      'أُضيفت \u2068Riverside Co-op\u2069.',
    )
    const en = createTranslator('en', english)
    expect(en('groups.added', { name: 'Riverside Co-op' })).toBe('Riverside Co-op added.')
  })

  it('writes a plain number in the same digits as the plural beside it', () => {
    // Bengali writes numbers in its own digits; Weave has no Bengali catalog yet.
    const t = createTranslator('bn' as Locale, {
      'groups.countOf': '{shown} / {total, plural, other {#}}',
    })
    expect(t('groups.countOf', { shown: 3, total: 12 })).toBe('৩ / ১২')
    const en = createTranslator('en', english)
    expect(en('groups.countOf', { shown: 12345, total: 20000 })).toBe('12,345 of 20,000 groups')
    expect(en('profileError.year-out-of-range', { min: 1800, max: 2026 })).toBe(
      'Write a year between 1800 and 2026.',
    )
  })

  it('formats Urdu plurals with its two forms', () => {
    const t = createTranslator('ur', load('ur.json'))
    expect(t('file.countMeetings', { count: 1 })).toBe('1 میٹنگ')
    expect(t('file.countMeetings', { count: 4 })).toBe('4 میٹنگیں')
  })

  it('falls back to English for a key missing from a catalog', () => {
    const t = createTranslator('es', {})
    expect(t('common.save')).toBe('Save')
  })
})
