/**
 * One photo (a thumbnail that opens full size) or one voice note (played in place, with its
 * length). Bytes that are not on this phone yet show what they are and from whose phone, never
 * a broken image; they turn into the photo or the player when they arrive.
 */
import { useState } from 'react'
import { formatDuration, type MediaRecord } from '../../domain/media'
import { useT } from '../../i18n/i18n-context'
import type { Translator } from '../../i18n/translate'
import type { Session } from '../../session/session'
import { IconButton } from '../../ui/icon-button'
import { Icon } from '../../ui/icons'
import { offerUndo } from '../../ui/undo'
import { SAVE_ERRORS } from './media-labels'
import { PhotoDialog } from './photo-dialog'
import { useMediaUrl } from './use-media-url'

/** What a photo or voice note is called: its caption, or who it is from. */
export function mediaName(t: Translator, record: MediaRecord): string {
  if (record.caption) return record.caption
  const photo = record.kind === 'photo'
  if (!record.by) return t(photo ? 'media.photo' : 'media.voiceNote')
  return t(photo ? 'media.photoFrom' : 'media.voiceFrom', { name: record.by })
}

function Placeholder({ record }: { record: MediaRecord }) {
  const t = useT()
  const photo = record.kind === 'photo'
  const text = record.by
    ? t(photo ? 'media.photoComing' : 'media.voiceComing', { name: record.by })
    : t(photo ? 'media.photoComingAnon' : 'media.voiceComingAnon')
  return (
    <p className="media-placeholder">
      <Icon name={photo ? 'image' : 'mic'} size={20} />
      <span>
        {record.caption && <span className="media-caption">{record.caption}</span>}
        <span className="hint">{text}</span>
      </span>
    </p>
  )
}

export function PhotoItem({ session, record }: { session: Session; record: MediaRecord }) {
  const t = useT()
  const url = useMediaUrl(session, record)
  const [open, setOpen] = useState(false)
  const name = mediaName(t, record)
  if (url.state === 'missing')
    return (
      <li className="media-wide">
        <Placeholder record={record} />
      </li>
    )
  return (
    <li>
      <button
        type="button"
        className="media-thumb"
        aria-label={t('media.openPhoto', { name })}
        disabled={url.state !== 'ready'}
        onClick={() => setOpen(true)}
      >
        {url.state === 'ready' && <img src={url.url} alt="" />}
      </button>
      {open && url.state === 'ready' && (
        <PhotoDialog
          record={record}
          url={url.url}
          title={name}
          onClose={() => setOpen(false)}
          onCaption={(caption) => {
            const saved = session.stores.media.setCaption(record.id, caption)
            return saved.ok
              ? undefined
              : t(SAVE_ERRORS[saved.error === 'not-found' ? 'invalid' : saved.error])
          }}
          onRemove={() => {
            setOpen(false)
            session.stores.media.deleteMedia(record.id)
            offerUndo(t('media.photoRemoved'), () => session.stores.media.restoreMedia(record.id))
          }}
        />
      )}
    </li>
  )
}

export function VoiceItem({ session, record }: { session: Session; record: MediaRecord }) {
  const t = useT()
  const url = useMediaUrl(session, record)
  const name = mediaName(t, record)
  const length = formatDuration(record.durationMs, t.locale)
  if (url.state === 'missing')
    return (
      <li className="media-voice">
        <Placeholder record={record} />
      </li>
    )
  return (
    <li className="media-voice">
      <div className="media-voice-head">
        <Icon name="mic" size={20} />
        <span className="media-caption">{name}</span>
        <span className="hint">{length}</span>
        <IconButton
          icon="trash"
          label={t('media.removeVoice', { name })}
          onClick={() => {
            session.stores.media.deleteMedia(record.id)
            offerUndo(t('media.voiceRemoved'), () => session.stores.media.restoreMedia(record.id))
          }}
        />
      </div>
      {url.state === 'ready' && (
        <audio
          controls
          preload="metadata"
          src={url.url}
          aria-label={t('media.play', { name, length })}
        />
      )}
    </li>
  )
}
