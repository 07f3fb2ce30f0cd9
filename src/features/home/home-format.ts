/** Times on the home, in the reader's language: "5 minutes ago" when recent, a date otherwise. */
const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

export function whenText(at: number, locale: string, now = Date.now()): string {
  const ago = now - at
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  if (ago >= 0 && ago < HOUR)
    return relative.format(-Math.max(1, Math.round(ago / MINUTE)), 'minute')
  if (ago >= 0 && ago < DAY) return relative.format(-Math.round(ago / HOUR), 'hour')
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at)
}

/** A meeting's local start (`YYYY-MM-DDTHH:MM`) as "Thu 12 Mar, 18:30". */
export function meetingTime(startsAt: string, locale: string): string {
  const date = new Date(startsAt)
  if (Number.isNaN(date.getTime())) return startsAt
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date)
}

/** A due day (`YYYY-MM-DD`) as "12 Mar 2026". */
export function dayText(day: string, locale: string): string {
  const date = new Date(`${day}T12:00`)
  if (Number.isNaN(date.getTime())) return day
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date)
}
