/**
 * Message formatting with ICU MessageFormat (plurals, selects, numbers, dates) through
 * intl-messageformat. Compiled messages are cached per locale; a missing key falls back to
 * English, then to the key itself, so a half-translated catalog never blanks the screen.
 */
import { IntlMessageFormat } from 'intl-messageformat'
import en from './catalogs/en.json'
import { directionOf, type Locale } from './locales'

export type Catalog = Readonly<Record<string, string>>
export type MessageKey = keyof typeof en
export type MessageValues = Readonly<Record<string, string | number | Date>>

export const englishCatalog: Catalog = en

const loaders = import.meta.glob<Catalog>(['./catalogs/*.json', '!./catalogs/en.json'], {
  import: 'default',
})

export async function loadCatalog(locale: Locale): Promise<Catalog> {
  if (locale === 'en') return en
  const load = loaders[`./catalogs/${locale}.json`]
  return load ? load() : en
}

export interface Translator {
  readonly locale: Locale
  (key: MessageKey, values?: MessageValues): string
}

/**
 * In a right-to-left language a name or address in Latin script ("Riverside Co-op",
 * "wss://…") would pull the punctuation around it out of place. Each text value is wrapped
 * in first-strong isolate marks (U+2068 … U+2069): invisible, and not read aloud.
 */
function isolated(values: MessageValues | undefined): MessageValues | undefined {
  if (!values) return values
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      typeof value === 'string' ? `\u2068${value}\u2069` : value,
    ]),
  )
}

export function createTranslator(locale: Locale, catalog: Catalog): Translator {
  const cache = new Map<string, IntlMessageFormat>()
  const rtl = directionOf(locale) === 'rtl'
  const format = (key: MessageKey, values?: MessageValues): string => {
    let compiled = cache.get(key)
    if (!compiled) {
      const source = catalog[key] ?? englishCatalog[key] ?? key
      compiled = new IntlMessageFormat(source, catalog[key] ? locale : 'en')
      cache.set(key, compiled)
    }
    const result = compiled.format(rtl ? isolated(values) : values)
    return typeof result === 'string' ? result : String(result)
  }
  return Object.assign(format, { locale })
}
