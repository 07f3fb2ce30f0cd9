/**
 * One compact part of a meeting page under the notes (agenda, decisions, actions, who came):
 * a full-width row with its name and a count that opens it in place, as a notebook's side
 * sections do, so the notes stay on the first screen and the rest is one tap away.
 */
import { useId, useState, type ReactNode } from 'react'
import { Icon } from '../../ui/icons'

export function MeetingPart({
  title,
  count,
  children,
  startOpen = false,
}: {
  title: string
  /** What the closed part says about itself: "4", or "6 people, 3 groups". */
  count?: string
  children: ReactNode
  startOpen?: boolean
}) {
  const id = useId()
  const [open, setOpen] = useState(startOpen)
  return (
    <section className="card meeting-part" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <button
          type="button"
          className="part-toggle"
          aria-expanded={open}
          aria-controls={`${id}-body`}
          onClick={() => setOpen(!open)}
        >
          <span>{count === undefined ? title : `${title} · ${count}`}</span>
          <Icon name={open ? 'up' : 'down'} size={20} />
        </button>
      </h2>
      <div id={`${id}-body`} className="stack part-body" hidden={!open}>
        {open && children}
      </div>
    </section>
  )
}
