/**
 * A photo full size, in the native modal <dialog>: the browser traps and returns focus, Escape
 * and the Close button close it, and a screen reader hears its title. Its caption is written
 * here, and removing the photo is here too (as in a phone's gallery), with Undo.
 */
import { useEffect, useId, useRef, useState } from 'react'
import { CAPTION_MAX, type MediaRecord } from '../../domain/media'
import { useT } from '../../i18n/i18n-context'
import { Icon } from '../../ui/icons'

export function PhotoDialog({
  record,
  url,
  title,
  onClose,
  onRemove,
  onCaption,
}: {
  record: MediaRecord
  url: string
  title: string
  onClose: () => void
  onRemove: () => void
  /** Saves the caption; says what went wrong, or nothing. */
  onCaption: (caption: string) => string | undefined
}) {
  const t = useT()
  const ref = useRef<HTMLDialogElement>(null)
  const close = useRef<HTMLButtonElement>(null)
  const titleId = useId()
  const captionId = useId()
  const [caption, setCaption] = useState(record.caption)
  const [note, setNote] = useState('')
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    // on Close, not the caption: a phone would open its keyboard over the photo
    close.current?.focus()
    return () => dialog?.close()
  }, [])
  return (
    <dialog
      ref={ref}
      className="dialog photo-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <img src={url} alt={title} width={record.width} height={record.height} />
      <form
        className="photo-caption"
        onSubmit={(event) => {
          event.preventDefault()
          setNote(onCaption(caption) ?? t('media.captionSaved'))
        }}
      >
        <label htmlFor={captionId}>{t('media.caption')}</label>
        <div className="photo-caption-row">
          <input
            id={captionId}
            value={caption}
            maxLength={CAPTION_MAX}
            onChange={(e) => setCaption(e.target.value)}
          />
          <button type="submit">{t('media.saveCaption')}</button>
        </div>
        <p role="status" className="notice">
          {note}
        </p>
      </form>
      <div className="button-row">
        <button ref={close} type="button" className="primary" onClick={onClose}>
          {t('common.close')}
        </button>
        <button type="button" className="danger" onClick={onRemove}>
          <Icon name="trash" size={20} />
          {t('media.removePhoto')}
        </button>
      </div>
    </dialog>
  )
}
