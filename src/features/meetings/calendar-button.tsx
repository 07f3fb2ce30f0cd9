/**
 * "Add to calendar": an `.ics` file of one meeting, or of every upcoming one, through the share
 * sheet where the phone can share files (Android, iPhone), downloaded elsewhere. The calendar
 * code loads on the first tap only. Exporting again after a change updates the same entry.
 */
import { useState } from 'react'
import type { Meeting } from '../../domain/meeting'
import { deviceTimeZone } from '../../domain/zoned-time'
import { useT } from '../../i18n/i18n-context'
import type { Session } from '../../session/session'
import { useSpaces } from '../../session/use-app'
import { saveFile } from '../../ui/save-file'

export function CalendarButton({
  session,
  meetings,
  label,
  fileName,
}: {
  session: Session
  meetings: readonly Meeting[]
  label: string
  fileName: string
}) {
  const t = useT()
  const network = useSpaces().find((s) => s.id === session.spaceId)?.name ?? ''
  const [notice, setNotice] = useState('')
  const save = async () => {
    const { meetingsCalendar } = await import('../../domain/calendar')
    const base = `${location.origin}/spaces/${session.spaceId}/meetings/`
    const text = meetingsCalendar(
      meetings.map((meeting) => ({ meeting, link: base + meeting.id })),
      {
        name: network,
        fallbackZone: deviceTimeZone(),
        openIn: (link) => t('calendar.openIn', { link }),
      },
    )
    const file = new File([text], fileName, { type: 'text/calendar' })
    const outcome = await saveFile(file, { share: true, title: network })
    setNotice(outcome === 'downloaded' ? t('calendar.saved', { name: fileName }) : '')
  }
  return (
    <>
      <button type="button" onClick={() => void save()}>
        {label}
      </button>
      <p role="status" className="hint">
        {notice}
      </p>
    </>
  )
}
