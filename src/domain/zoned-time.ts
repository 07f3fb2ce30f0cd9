/**
 * A meeting's time is written as people say it, "18:30 on the 12th", in the place's time zone
 * (an IANA name such as "Africa/Cairo"). These turn it into the instant it means, so a calendar
 * file and a phone in another zone show the right hour, summer time included.
 */

/** Whether the browser knows `zone` as an IANA time zone. */
export function isTimeZone(zone: string): boolean {
  if (zone === '' || zone.length > 64) return false
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/** This phone's own time zone (UTC where the browser does not say). */
export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}

/** How far `zone` is ahead of UTC at `instant`, in ms. */
function offsetAt(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant)
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value ?? 0)
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  )
  return asUtc - Math.floor(instant / 1000) * 1000
}

/**
 * The instant `local` (`YYYY-MM-DDTHH:MM`) means in `zone`, or undefined for a malformed time
 * or an unknown zone. A time skipped when clocks go forward reads as the hour after; a time
 * that happens twice when they go back reads as the first.
 */
export function zonedInstant(local: string, zone: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local)
  if (!match || !isTimeZone(zone)) return undefined
  const [y, mo, d, h, mi] = match.slice(1).map(Number) as [number, number, number, number, number]
  const wall = Date.UTC(y, mo - 1, d, h, mi)
  const HALF_DAY = 12 * 3_600_000
  // The zone's offset just before and just after: they differ only around a clock change.
  const before = wall - offsetAt(wall - HALF_DAY, zone)
  const after = wall - offsetAt(wall + HALF_DAY, zone)
  const reads = (instant: number) => instant + offsetAt(instant, zone) === wall
  if (reads(before) && reads(after)) return Math.min(before, after) // happens twice: the first
  if (reads(before)) return before
  if (reads(after)) return after
  return before // skipped when clocks went forward: the same time on the old clock, an hour on
}
