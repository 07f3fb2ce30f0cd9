/**
 * Minutes out of Weave, as a messaging app shares: "Share the minutes" hands readable text to
 * the phone's share sheet (WhatsApp, Signal, email) or, where there is none, copies it to paste
 * in a message. Saving a Markdown file and printing (or saving a PDF, without the screen's
 * buttons: see minutes-print.css) are the secondary ways.
 */
import { useState } from 'react'
import type { Meeting } from '../../domain/meeting'
import {
  formatDueDate,
  minutesMarkdown,
  minutesText,
  type MinutesExtras,
} from '../../domain/minutes'
import { useT } from '../../i18n/i18n-context'
import type { Session } from '../../session/session'
import { useSpaces, useStore } from '../../session/use-app'
import { saveFile } from '../../ui/save-file'
import { METHOD_LABELS } from './outcomes-section'
import { formatMeetingTime, KIND_LABELS } from './labels'
import './minutes-print.css'

export function MinutesActions({ session, meeting }: { session: Session; meeting: Meeting }) {
  const t = useT()
  const groups = useStore(session.stores.groups).byId
  const network = useSpaces().find((s) => s.id === session.spaceId)?.name ?? ''
  const [notice, setNotice] = useState('')

  const extras = (): MinutesExtras => ({
    when: formatMeetingTime(meeting.startsAt, t.locale),
    kind: t(KIND_LABELS[meeting.kind]),
    network,
    groupNames: meeting.groupIds.flatMap((id) => groups.get(id)?.name ?? []),
    notes: session.stores.meetings.notesText(meeting.id),
    labels: {
      date: t('meetings.dateLabel'),
      kind: t('meetings.kindLabel'),
      place: t('meetings.placeLabel'),
      facilitator: t('meetings.facilitatorLabel'),
      noteTaker: t('meetings.noteTakerLabel'),
      groups: t('meetings.groupsLabel'),
      people: t('meetings.peopleLabel'),
      agenda: t('agenda.title'),
      notes: t('meetings.notes'),
      decisions: t('decisions.title'),
      actions: t('actions.title'),
      method: (method) => t(METHOD_LABELS[method]),
      due: (date) =>
        t('actions.dueOn', { date: formatDueDate(date, t.locale, new Date().getFullYear()) }),
    },
  })

  const fileName = `${meeting.startsAt.slice(0, 10)}-${meeting.title
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40)}.md`

  const download = async () => {
    await saveFile(
      new File([minutesMarkdown(meeting, extras())], fileName, { type: 'text/markdown' }),
    )
    setNotice(t('minutes.saved', { name: fileName }))
  }

  const share = async () => {
    const text = minutesText(meeting, extras())
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title: meeting.title, text })
        return
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') return
      }
    }
    try {
      await navigator.clipboard.writeText(text)
      setNotice(t('minutes.copied'))
    } catch {
      await download()
    }
  }

  return (
    <>
      {network && <p className="print-only print-network">{network}</p>}
      <div className="stack no-print">
        <button type="button" className="primary" onClick={() => void share()}>
          {t('minutes.share')}
        </button>
        <div className="button-row">
          <button type="button" onClick={() => window.print()}>
            {t('minutes.print')}
          </button>
          <button type="button" onClick={() => void download()}>
            {t('minutes.download')}
          </button>
        </div>
        <p className="notice" role="status">
          {notice}
        </p>
      </div>
    </>
  )
}
