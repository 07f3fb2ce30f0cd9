/**
 * Calendar files (RFC 5545 `.ics`) for meetings, written with ical-generator rather than by
 * hand: line folding, escaping and time zones are where hand-written files break. Each meeting
 * is one event with a stable UID (its id), so exporting it again after a change updates the
 * same calendar entry (SEQUENCE grows with every change), and two reminders: a day before and
 * an hour before. Times are written as UTC instants, read from the meeting's own time zone, so
 * every calendar app shows the right hour wherever the phone is.
 *
 * Loaded on first use only (the "Add to calendar" button imports it), so the first screen's
 * JavaScript does not grow.
 */
import ical, { ICalAlarmType, ICalCalendarMethod } from 'ical-generator'
import type { Meeting } from './meeting'
import { zonedInstant } from './zoned-time'

/** How long a calendar entry lasts: meetings record only when they start. */
export const MEETING_LENGTH_MS = 2 * 3_600_000
const DAY_S = 24 * 3_600
const HOUR_S = 3_600
/** SEQUENCE counts seconds of edits from here, so it grows with every change and fits 32 bits. */
const SEQUENCE_FROM = Date.UTC(2024, 0, 1)

export interface CalendarEntry {
  readonly meeting: Meeting
  /** Where the meeting opens in Weave. */
  readonly link: string
}

export interface CalendarOptions {
  /** The space's name: the calendar's name, and part of each entry's description. */
  readonly name: string
  /** The zone of meetings that have none recorded: the reader's phone's. */
  readonly fallbackZone: string
  /** "Open in Weave: {link}" in the reader's language. */
  readonly openIn: (link: string) => string
}

const isLink = (place: string) => /^https?:\/\/\S+$/i.test(place.trim())

/** One calendar with an event per meeting; meetings whose time cannot be read are left out. */
export function meetingsCalendar(
  entries: readonly CalendarEntry[],
  options: CalendarOptions,
): string {
  const calendar = ical({ name: options.name, prodId: { company: 'Weave', product: 'Weave' } })
  calendar.method(ICalCalendarMethod.PUBLISH)
  for (const { meeting, link } of entries) {
    const start = zonedInstant(meeting.startsAt, meeting.timeZone || options.fallbackZone)
    if (start === undefined) continue
    const place = meeting.place.trim()
    const event = calendar.createEvent({
      id: `${meeting.id}@weave`,
      sequence: Math.max(0, Math.floor((meeting.updatedAt - SEQUENCE_FROM) / 1000)),
      stamp: new Date(meeting.updatedAt),
      start: new Date(start),
      end: new Date(start + MEETING_LENGTH_MS),
      summary: meeting.title,
      description: [isLink(place) ? place : '', options.openIn(link)].filter(Boolean).join('\n'),
      url: link,
    })
    if (place && !isLink(place)) event.location(place)
    for (const before of [DAY_S, HOUR_S])
      event.createAlarm({
        type: ICalAlarmType.display,
        trigger: before,
        description: meeting.title,
      })
  }
  return calendar.toString()
}
