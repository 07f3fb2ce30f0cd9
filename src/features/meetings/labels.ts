import type { MeetingKind } from '../../domain/meeting'
import type { ErrorOf } from '../../domain/result'
import type { MessageKey, Translator } from '../../i18n/translate'
import type { Session } from '../../session/session'

/** Why the meetings store refused a command (meeting-store.ts says when each happens). */
export type MeetingError = ErrorOf<ReturnType<Session['stores']['meetings']['editAction']>>

/**
 * The words for a refused agenda point, decision or action: `required` when the text was
 * empty, and otherwise what happened (deleted on another phone, a date that is not one).
 */
export function entryErrorText(t: Translator, error: MeetingError, required: MessageKey): string {
  if (error === 'empty') return t(required)
  if (error === 'invalid') return t('meetings.error.invalid')
  if (error === 'full') return t('meetings.error.full')
  return t('meetings.error.gone')
}

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
