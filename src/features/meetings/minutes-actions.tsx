/**
 * Minutes out of Weave: as Markdown through the share sheet (a messaging app, email) or as a
 * file, and a print-friendly page (the browser's print, which can save a PDF).
 */
import { useState } from 'react'
import type { Meeting } from '../../domain/meeting'
import { minutesMarkdown } from '../../domain/minutes'
import { useT } from '../../i18n/i18n-context'
import type { Session } from '../../session/session'
import { useStore } from '../../session/use-app'
import { saveFile } from '../../ui/save-file'
import { METHOD_LABELS } from './outcomes-section'
import { formatMeetingTime, KIND_LABELS } from './labels'

export function MinutesActions({ session, meeting }: { session: Session; meeting: Meeting }) {
  const t = useT()
  const groups = useStore(session.stores.groups).byId
  const [notice, setNotice] = useState('')

  const markdown = () =>
    minutesMarkdown(meeting, {
      when: formatMeetingTime(meeting.startsAt, t.locale),
      kind: t(KIND_LABELS[meeting.kind]),
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
        due: (date) => t('actions.dueOn', { date }),
      },
    })

  const fileName = `${meeting.startsAt.slice(0, 10)}-${meeting.title
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40)}.md`

  const download = async () => {
    await saveFile(new File([markdown()], fileName, { type: 'text/markdown' }))
    setNotice(t('minutes.saved', { name: fileName }))
  }

  const share = async () => {
    const text = markdown()
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title: meeting.title, text })
        return
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') return
      }
    }
    await download()
  }

  return (
    <div className="stack no-print">
      <div className="button-row">
        <button type="button" onClick={() => void share()}>
          {t('minutes.share')}
        </button>
        <button type="button" onClick={() => void download()}>
          {t('minutes.download')}
        </button>
        <button type="button" onClick={() => window.print()}>
          {t('minutes.print')}
        </button>
      </div>
      <p className="notice" role="status">
        {notice}
      </p>
    </div>
  )
}
