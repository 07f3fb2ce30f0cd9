/**
 * What the app says in a language, read from its catalog file through the app's own
 * translator, so a test finds a button by the name an Arabic reader hears without copying
 * Arabic text into the test.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { directionOf, type Locale } from '../../src/i18n/locales'
import { createTranslator, type Catalog, type Translator } from '../../src/i18n/translate'

export type Said = Translator & { readonly dir: 'ltr' | 'rtl' }

const dir = join(import.meta.dirname, '../../src/i18n/catalogs')

export function catalog(locale: Locale): Said {
  const messages = JSON.parse(readFileSync(join(dir, `${locale}.json`), 'utf8')) as Catalog
  return Object.assign(createTranslator(locale, messages), { dir: directionOf(locale) })
}
