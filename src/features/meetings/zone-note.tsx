import type { Meeting } from '../../domain/meeting'
import { deviceTimeZone, zonedInstant } from '../../domain/zoned-time'
import { useT } from '../../i18n/i18n-context'

/**
 * A meeting made in another time zone says so, with the time it is on this phone's clock:
 * "Africa/Cairo time (17:30 your time)".
 */
export function ZoneNote({ meeting }: { meeting: Meeting }) {
  const t = useT()
  const here = deviceTimeZone()
  if (!meeting.timeZone || meeting.timeZone === here) return null
  const instant = zonedInstant(meeting.startsAt, meeting.timeZone)
  if (instant === undefined) return null
  const local = new Intl.DateTimeFormat(t.locale, {
    timeZone: here,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(instant)
  return <span> {t('meetings.zoneTime', { zone: meeting.timeZone, local })}</span>
}
