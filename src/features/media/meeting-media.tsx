/**
 * A meeting's photos and voice notes (the flipchart, the attendance sheet, a voice for those who
 * would rather speak than write): thumbnails that open full size, voice notes that play in
 * place with their length, and the three ways to add one. The meetings page shows this through
 * session/meeting-media-slot.ts; it is loaded with the first meeting opened, and the photo
 * pipeline and the recorder only when first used.
 */
import { lazy, Suspense, useId, useMemo, useRef, useState } from 'react'
import { mediaOfMeeting } from '../../domain/media'
import { useT } from '../../i18n/i18n-context'
import type { MeetingMediaProps } from '../../session/meeting-media-slot'
import type { Session } from '../../session/session'
import { useStore } from '../../session/use-app'
import { Icon } from '../../ui/icons'
import { PHOTO_ERRORS, SAVE_ERRORS } from './media-labels'
import { PhotoItem, VoiceItem } from './media-items'
import './media.css'

const VoiceRecorder = lazy(() => import('./voice-recorder'))

export default function MeetingMediaSection({ session, meetingId }: MeetingMediaProps) {
  const t = useT()
  const headingId = useId()
  const { items } = useStore(session.stores.media)
  const here = useMemo(() => mediaOfMeeting(items, meetingId), [items, meetingId])
  const photos = here.filter((m) => m.kind === 'photo')
  const voices = here.filter((m) => m.kind === 'voice')
  const [message, setMessage] = useState('')
  const [recording, setRecording] = useState(false)
  return (
    <section className="card media-section stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('media.title')}</h2>
      {here.length === 0 && <p className="hint">{t('media.empty')}</p>}
      {photos.length > 0 && (
        <ul className="media-photos" aria-label={t('media.photos')}>
          {photos.map((record) => (
            <PhotoItem key={record.id} session={session} record={record} />
          ))}
        </ul>
      )}
      {voices.length > 0 && (
        <ul className="list media-voices" aria-label={t('media.voiceNotes')}>
          {voices.map((record) => (
            <VoiceItem key={record.id} session={session} record={record} />
          ))}
        </ul>
      )}
      {recording ? (
        <Suspense fallback={<p className="hint">{t('media.micStarting')}</p>}>
          <VoiceRecorder
            session={session}
            meetingId={meetingId}
            onDone={(said) => {
              setRecording(false)
              setMessage(said)
            }}
          />
        </Suspense>
      ) : (
        <div className="media-add">
          <PhotoButtons session={session} meetingId={meetingId} onMessage={setMessage} />
          <button
            type="button"
            onClick={() => {
              setMessage('')
              setRecording(true)
            }}
          >
            <Icon name="mic" size={20} />
            {t('media.record')}
          </button>
        </div>
      )}
      <p role="status" className="notice">
        {message}
      </p>
    </section>
  )
}

/** Take a photo (the camera) or choose one (the gallery): the phone's own pickers. */
function PhotoButtons({
  session,
  meetingId,
  onMessage,
}: {
  session: Session
  meetingId: string
  onMessage: (message: string) => void
}) {
  const t = useT()
  const camera = useRef<HTMLInputElement>(null)
  const gallery = useRef<HTMLInputElement>(null)
  const [busy, setBusy] = useState(false)

  async function add(input: HTMLInputElement) {
    const file = input.files?.[0]
    input.value = '' // the same photo can be chosen again
    if (!file) return
    setBusy(true)
    onMessage(t('media.preparing'))
    try {
      const { preparePhoto } = await import('./prepare-photo')
      const prepared = await preparePhoto(file)
      if (!prepared.ok) return onMessage(t(PHOTO_ERRORS[prepared.error]))
      const saved = await session.media.save({ kind: 'photo', ...prepared.value, meetingId })
      onMessage(t(saved.ok ? 'media.photoSaved' : SAVE_ERRORS[saved.error]))
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <input
        ref={camera}
        type="file"
        accept="image/*"
        capture="environment"
        hidden
        onChange={(e) => void add(e.currentTarget)}
      />
      <input
        ref={gallery}
        type="file"
        accept="image/jpeg,image/png,image/webp,image/heic,image/heif"
        hidden
        onChange={(e) => void add(e.currentTarget)}
      />
      <button type="button" disabled={busy} onClick={() => camera.current?.click()}>
        <Icon name="camera" size={20} />
        {t('media.takePhoto')}
      </button>
      <button type="button" disabled={busy} onClick={() => gallery.current?.click()}>
        <Icon name="image" size={20} />
        {t('media.choosePhoto')}
      </button>
    </>
  )
}
