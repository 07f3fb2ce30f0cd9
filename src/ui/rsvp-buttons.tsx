/**
 * "Going / Maybe / Not going": three equal toggle buttons in one row, the chosen one filled,
 * as a messaging app's event card has them. The meeting page and the space's home both show
 * them; what an answer does is the caller's.
 */
import { RSVP_ANSWERS, type RsvpAnswer } from '../domain/meeting'
import { useT } from '../i18n/i18n-context'
import type { MessageKey } from '../i18n/translate'
import './rsvp-buttons.css'

export const RSVP_LABELS: Record<RsvpAnswer, MessageKey> = {
  going: 'rsvp.going',
  maybe: 'rsvp.maybe',
  no: 'rsvp.no',
}

export function RsvpButtons({
  label,
  chosen,
  onAnswer,
}: {
  /** the group's accessible name: the question, and which meeting where that is not plain */
  label: string
  chosen: RsvpAnswer | undefined
  onAnswer: (answer: RsvpAnswer) => void
}) {
  const t = useT()
  return (
    <div className="rsvp-buttons" role="group" aria-label={label}>
      {RSVP_ANSWERS.map((value) => (
        <button
          key={value}
          type="button"
          aria-pressed={chosen === value}
          onClick={() => onAnswer(value)}
        >
          {t(RSVP_LABELS[value])}
        </button>
      ))}
    </div>
  )
}
