/**
 * A photo full size, in the native modal <dialog>: the browser traps and returns focus, Escape
 * and the Close button close it, and a screen reader hears its title. Removing the photo is
 * here (as in a phone's gallery), with Undo.
 */
import { useEffect, useId, useRef } from 'react'
import type { MediaRecord } from '../../domain/media'
import { useT } from '../../i18n/i18n-context'
import { Icon } from '../../ui/icons'

export function PhotoDialog({
  record,
  url,
  title,
  onClose,
  onRemove,
}: {
  record: MediaRecord
  url: string
  title: string
  onClose: () => void
  onRemove: () => void
}) {
  const t = useT()
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
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
      <div className="button-row">
        <button type="button" className="primary" onClick={onClose} autoFocus>
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
