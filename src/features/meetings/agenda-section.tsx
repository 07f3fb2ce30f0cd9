/**
 * A meeting's agenda: add points, edit them in place, move up and down, take off (with Undo)
 * and put back. Moving a point changes only its own position (a fractional order key), so two
 * phones reordering at once never duplicate or lose a point.
 */
import { useId, useState, type SyntheticEvent } from 'react'
import { AGENDA_TEXT_MAX, type AgendaItem, type Meeting } from '../../domain/meeting'
import type { Result } from '../../domain/result'
import { useT } from '../../i18n/i18n-context'
import type { Session } from '../../session/session'
import { IconButton } from '../../ui/icon-button'
import { offerUndo } from '../../ui/undo'
import { entryErrorText, type MeetingError } from './labels'
import { MeetingPart } from './meeting-part'

export function AgendaSection({ session, meeting }: { session: Session; meeting: Meeting }) {
  const t = useT()
  const id = useId()
  const store = session.stores.meetings
  const [text, setText] = useState('')
  const [error, setError] = useState(false)
  const [notice, setNotice] = useState('')
  const [editing, setEditing] = useState<string>()
  const { agenda, removedAgenda } = meeting

  const add = (event: SyntheticEvent) => {
    event.preventDefault()
    if (!store.addAgendaItem(meeting.id, text)) {
      setError(true)
      document.getElementById(id)?.focus()
      return
    }
    setText('')
    setError(false)
    setNotice(t('agenda.added'))
  }

  return (
    <MeetingPart title={t('agenda.title')} count={String(agenda.length)}>
      {agenda.length === 0 && <p className="hint">{t('agenda.empty')}</p>}
      <ol className="list part-list" aria-label={t('agenda.listLabel')}>
        {agenda.map((item, index) => {
          const short = item.text.slice(0, 40)
          if (editing === item.id)
            return (
              <li key={item.id}>
                <EditPoint
                  item={item}
                  onSave={(next) => store.editAgendaItem(meeting.id, item.id, next)}
                  onClose={() => setEditing(undefined)}
                />
              </li>
            )
          return (
            <li key={item.id} className="part-row">
              <span className="part-text">{item.text}</span>
              <span className="part-actions">
                <IconButton
                  icon="up"
                  label={t('agenda.moveUp', { text: short })}
                  disabled={index === 0}
                  onClick={() => store.moveAgendaItem(meeting.id, item.id, index - 1)}
                />
                <IconButton
                  icon="down"
                  label={t('agenda.moveDown', { text: short })}
                  disabled={index === agenda.length - 1}
                  onClick={() => store.moveAgendaItem(meeting.id, item.id, index + 1)}
                />
                <IconButton
                  icon="edit"
                  label={t('agenda.edit', { text: short })}
                  onClick={() => setEditing(item.id)}
                />
                <IconButton
                  icon="trash"
                  label={t('agenda.remove', { text: short })}
                  onClick={() => {
                    store.removeAgendaItem(meeting.id, item.id)
                    offerUndo(t('agenda.removedNamed', { text: short }), () =>
                      store.restoreAgendaItem(meeting.id, item.id),
                    )
                  }}
                />
              </span>
            </li>
          )
        })}
      </ol>
      <form className="stack" onSubmit={add} noValidate>
        <div className="field">
          <label htmlFor={id}>{t('agenda.newItem')}</label>
          <div className="inline-add">
            <input
              id={id}
              value={text}
              maxLength={AGENDA_TEXT_MAX}
              aria-invalid={error}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(event) => {
                setText(event.target.value)
                if (event.target.value.trim()) setError(false)
              }}
            />
            <IconButton icon="add" type="submit" label={t('agenda.add')} />
          </div>
          {error && (
            <p className="error" id={`${id}-error`} role="alert">
              {t('agenda.itemRequired')}
            </p>
          )}
        </div>
      </form>
      <p className="notice" role="status">
        {notice}
      </p>
      {removedAgenda.length > 0 && (
        <ul className="list" aria-label={t('agenda.removedLabel')}>
          {removedAgenda.map((item) => (
            <li key={item.id} className="trash-row">
              <span>{item.text}</span>
              <button type="button" onClick={() => store.restoreAgendaItem(meeting.id, item.id)}>
                {t('agenda.restore', { text: item.text.slice(0, 40) })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </MeetingPart>
  )
}

/** A point being reworded where it stands: Enter or the tick saves, the cross keeps it as it was. */
function EditPoint({
  item,
  onSave,
  onClose,
}: {
  item: AgendaItem
  onSave: (text: string) => Result<unknown, MeetingError>
  onClose: () => void
}) {
  const t = useT()
  const [text, setText] = useState(item.text)
  const [error, setError] = useState<string>()
  const id = useId()
  return (
    <form
      className="field"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const saved = onSave(text)
        if (saved.ok) onClose()
        else setError(entryErrorText(t, saved.error, 'agenda.itemRequired'))
      }}
    >
      <div className="inline-add">
        <input
          autoFocus // the person just asked to edit this point
          aria-label={t('agenda.editLabel')}
          value={text}
          maxLength={AGENDA_TEXT_MAX}
          aria-invalid={error !== undefined}
          aria-describedby={error === undefined ? undefined : `${id}-error`}
          onChange={(event) => setText(event.target.value)}
        />
        <IconButton icon="check" type="submit" label={t('common.save')} />
        <IconButton icon="close" label={t('common.cancel')} onClick={onClose} />
      </div>
      {error !== undefined && (
        <p className="error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </form>
  )
}
