/**
 * The languages the interface is offered in. Each has a catalog in ./catalogs/<code>.json;
 * English is the reference every other catalog is checked against.
 */
export const LOCALES = ['en', 'es', 'ar', 'ur', 'pl', 'ro', 'pt'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'en'

/** Names shown in the language picker, each in its own language, so anyone can find theirs. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = {
  en: 'English',
  es: 'Español',
  ar: 'العربية',
  ur: 'اردو',
  pl: 'Polski',
  ro: 'Română',
  pt: 'Português',
}

const RTL = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'sd', 'yi', 'ckb'])

export function directionOf(locale: string): 'ltr' | 'rtl' {
  return RTL.has(locale.split('-')[0] ?? '') ? 'rtl' : 'ltr'
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** The best supported match for the device's languages (navigator.languages order). */
export function matchLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0]
    if (isLocale(base)) return base
  }
  return DEFAULT_LOCALE
}
