/** Formatting helpers over Intl that every screen shares. */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0,
  }).format(value)
}

/** A count or a year in the reader's digits; no thousands separator, so 2015 stays 2015. */
export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { useGrouping: false }).format(value)
}

export function formatTime(time: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(time)
}

/** The comma of scripts that do not use ",": the Arabic comma for Arabic, Urdu and Persian. */
const LIST_SEPARATORS: Readonly<Record<string, string>> = { ar: '، ', ur: '، ', fa: '، ' }

/**
 * A list of places, terms or names in the reader's script. Not Intl.ListFormat: its
 * "unit" lists still join Arabic with "و" (and), which reads wrong for a place or a set of tags.
 */
export function formatList(items: readonly string[], locale: string): string {
  return items.join(LIST_SEPARATORS[locale.split('-')[0] ?? ''] ?? ', ')
}

/** A month written "2026-03" (as <input type="month"> gives it), named in the reader's language. */
export function formatMonth(period: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period)
  if (!match) return period
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1))
  return new Intl.DateTimeFormat(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date)
}
