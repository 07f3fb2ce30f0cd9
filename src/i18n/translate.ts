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

type Ast = ReturnType<IntlMessageFormat['getAst']>

/**
 * The arguments a message prints as they are ({shown}, {max}), not through plural or select.
 * intl-messageformat prints a number there with String(): "1234" in Latin digits even in a
 * language whose plurals (#) write "١٬٢٣٤" or "১,২৩৪"; those are formatted here instead.
 */
function plainArguments(ast: Ast): ReadonlySet<string> {
  const plain = new Set<string>()
  const other = new Set<string>()
  const walk = (elements: Ast) => {
    for (const element of elements) {
      if (!('value' in element) || typeof element.value !== 'string') continue
      // the parser's TYPE enum is not exported by intl-messageformat: 0 literal, 1 argument
      const type: number = element.type
      if (type === 1) plain.add(element.value)
      else if (type !== 0) other.add(element.value)
      if ('options' in element)
        for (const option of Object.values(element.options)) walk(option.value)
    }
  }
  walk(ast)
  for (const name of other) plain.delete(name)
  return plain
}

interface Compiled {
  readonly message: IntlMessageFormat
  readonly plain: ReadonlySet<string>
  readonly numbers: Intl.NumberFormat
}

export function createTranslator(locale: Locale, catalog: Catalog): Translator {
  const cache = new Map<string, Compiled>()
  // In a right-to-left language a name or address in Latin script ("Riverside Co-op",
  // "wss://…") would pull the punctuation around it out of place: each text value is wrapped
  // in first-strong isolate marks (U+2068 … U+2069), invisible and not read aloud.
  const rtl = directionOf(locale) === 'rtl'
  const compile = (key: MessageKey): Compiled => {
    const language = catalog[key] ? locale : 'en'
    const message = new IntlMessageFormat(catalog[key] ?? englishCatalog[key] ?? key, language)
    // grouping from five digits on, so a year stays "2015", not "2,015"
    const numbers = new Intl.NumberFormat(language, { useGrouping: 'min2' })
    return { message, plain: plainArguments(message.getAst()), numbers }
  }
  const format = (key: MessageKey, values?: MessageValues): string => {
    let compiled = cache.get(key)
    if (!compiled) cache.set(key, (compiled = compile(key)))
    const { message, plain, numbers } = compiled
    const prepared =
      values &&
      Object.fromEntries(
        Object.entries(values).map(([name, value]) => [
          name,
          typeof value === 'string' && rtl
            ? `\u2068${value}\u2069`
            : typeof value === 'number' && plain.has(name)
              ? numbers.format(value)
              : value,
        ]),
      )
    const result = message.format(prepared)
    return typeof result === 'string' ? result : String(result)
  }
  return Object.assign(format, { locale })
}
