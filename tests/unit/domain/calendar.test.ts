/**
 * Calendar files read back with a real iCalendar parser (ical.js, Mozilla's): the events,
 * their times in the right zone, both reminders, a UID that stays and a SEQUENCE that grows.
 */
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { meetingsCalendar, MEETING_LENGTH_MS } from '../../../src/domain/calendar'
import type { Meeting, MeetingId } from '../../../src/domain/meeting'

const meeting = (more: Partial<Meeting>): Meeting => ({
  id: 'meeting00001' as MeetingId,
  createdAt: Date.UTC(2026, 10, 1),
  updatedAt: Date.UTC(2026, 10, 1),
  title: 'Dialogue round, December',
  kind: 'dialogue',
  startsAt: '2026-12-10T18:30',
  timeZone: 'Africa/Cairo',
  place: 'Community hall; back room, 2nd floor',
  facilitator: '',
  noteTaker: '',
  groupIds: [],
  people: [],
  hasNotes: true,
  agenda: [],
  removedAgenda: [],
  decisions: [],
  actions: [],
  rsvps: [],
  ...more,
})

const OPTIONS = {
  name: 'Food Network',
  fallbackZone: 'Europe/London',
  openIn: (link: string) => `Open in Weave: ${link}`,
}
const LINK = 'https://weave.example/spaces/s1/meetings/meeting00001'

function events(text: string) {
  const parsed = ICAL.parse(text) as ConstructorParameters<typeof ICAL.Component>[0]
  const calendar = new ICAL.Component(parsed)
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent)
    return {
      uid: event.uid,
      summary: event.summary,
      location: event.location,
      description: event.description,
      start: event.startDate.toJSDate().getTime(),
      end: event.endDate.toJSDate().getTime(),
      sequence: event.sequence,
      url: vevent.getFirstPropertyValue('url'),
      alarms: vevent
        .getAllSubcomponents('valarm')
        .map((alarm) => String(alarm.getFirstPropertyValue('trigger'))),
    }
  })
}

describe('calendar files', () => {
  it('writes a meeting as an event at the right instant, with two reminders and its link', () => {
    const [event, ...rest] = events(
      meetingsCalendar([{ meeting: meeting({}), link: LINK }], OPTIONS),
    )
    expect(rest).toEqual([])
    expect(event).toMatchObject({
      uid: 'meeting00001@weave',
      summary: 'Dialogue round, December',
      // commas and semicolons survive the escaping RFC 5545 asks for
      location: 'Community hall; back room, 2nd floor',
      description: `Open in Weave: ${LINK}`,
      url: LINK,
      start: Date.UTC(2026, 11, 10, 16, 30), // 18:30 in Cairo
      end: Date.UTC(2026, 11, 10, 16, 30) + MEETING_LENGTH_MS,
    })
    expect(event?.alarms.sort()).toEqual(['-P1D', '-PT1H'])
  })

  it('keeps the UID and raises the SEQUENCE when a meeting changes', () => {
    const before = events(meetingsCalendar([{ meeting: meeting({}), link: LINK }], OPTIONS))[0]
    const moved = meeting({ startsAt: '2026-12-11T18:30', updatedAt: Date.UTC(2026, 10, 2) })
    const after = events(meetingsCalendar([{ meeting: moved, link: LINK }], OPTIONS))[0]
    expect(after?.uid).toBe(before?.uid)
    expect(after!.sequence).toBeGreaterThan(before!.sequence)
    expect(after?.start).toBe(Date.UTC(2026, 11, 11, 16, 30))
  })

  it('reads a meeting with no zone in the reader’s, keeps a call link, folds long lines', () => {
    const title = 'اجتماع الحوار الشهري للمجموعات في الشبكة '.repeat(4).trim()
    const text = meetingsCalendar(
      [
        {
          meeting: meeting({ timeZone: '', place: 'https://call.example/room', title }),
          link: LINK,
        },
        { meeting: meeting({ id: 'meeting00002' as MeetingId, startsAt: 'soon' }), link: LINK },
      ],
      OPTIONS,
    )
    expect(text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(
      true,
    )
    const all = events(text)
    expect(all).toHaveLength(1)
    expect(all[0]).toMatchObject({
      summary: title,
      start: Date.UTC(2026, 11, 10, 18, 30), // London in December
      description: `https://call.example/room\nOpen in Weave: ${LINK}`,
    })
    expect(all[0]?.location).toBeFalsy()
  })
})
