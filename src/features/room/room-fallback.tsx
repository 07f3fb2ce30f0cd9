/**
 * When the phones cannot link: the sync file on the same screen, sent through the share sheet
 * (or saved), the same file and code path as Share and sync; the other phone opens it there.
 */
import { useState } from 'react'
import { useT } from '../../i18n/i18n-context'
import type { Session } from '../../session/session'
import type { SpaceRecord } from '../../session/types'
import { Link } from '../../ui/router'
import { canShareFiles, saveFile } from '../../ui/save-file'

export function RoomFallback({ session, space }: { session: Session; space: SpaceRecord }) {
  const t = useT()
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState('')
  const canSend = canShareFiles()

  const send = async () => {
    setBusy(true)
    setMessage('')
    const result = await session.files.export(space.name)
    setBusy(false)
    if (!result.ok) return setMessage(t('file.errorTooLarge'))
    const { text, fileName, mimeType } = result.value
    const outcome = await saveFile(new File([text], fileName, { type: mimeType }), {
      share: canSend,
      title: space.name,
    })
    if (outcome === 'downloaded') setMessage(t('file.saved', { name: fileName }))
  }

  return (
    <section className="card stack" aria-labelledby="room-fallback">
      <h2 id="room-fallback">{t('room.fallbackTitle')}</h2>
      <p className="hint">{t('room.fallbackBody')}</p>
      <button type="button" disabled={busy} onClick={() => void send()}>
        {t(canSend ? 'file.send' : 'file.save')}
      </button>
      <p role="status" className="notice">
        {message}
      </p>
      <Link to={`/spaces/${space.id}/share`}>{t('room.openFile')}</Link>
    </section>
  )
}
