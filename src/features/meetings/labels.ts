import type { MeetingKind } from '../../domain/meeting'
import type { MessageKey } from '../../i18n/translate'

export const KIND_LABELS: Record<MeetingKind, MessageKey> = {
  dialogue: 'meetings.kind.dialogue',
  workshop: 'meetings.kind.workshop',
  'group-meeting': 'meetings.kind.groupMeeting',
  other: 'meetings.kind.other',
}

/** `YYYY-MM-DDTHH:MM` (local) in the reader's words, e.g. "Thu 12 Mar 2026, 18:30". */
export function formatMeetingTime(startsAt: string, locale: string): string {
  const [date = '', time = ''] = startsAt.split('T')
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number)
  const [h = 0, mi = 0] = time.split(':').map(Number)
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(y, m - 1, d, h, mi),
  )
}
