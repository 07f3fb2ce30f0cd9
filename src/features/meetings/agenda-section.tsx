/**
 * A meeting's agenda: add items, reword, move up and down, take off and put back. Moving an
 * item changes only its own position, so two phones reordering at once never duplicate or
 * lose an item.
 */
import { useId, useState, type SyntheticEvent } from 'react'
import { AGENDA_TEXT_MAX, type Meeting } from '../../domain/meeting'
import { useT } from '../../i18n/i18n-context'
import type { Session } from '../../session/session'

export function AgendaSection({ session, meeting }: { session: Session; meeting: Meeting }) {
  const t = useT()
  const id = useId()
  const store = session.stores.meetings
  const [text, setText] = useState('')
  const [error, setError] = useState(false)
  const [notice, setNotice] = useState('')
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
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('agenda.title')}</h2>
      {agenda.length === 0 && <p className="hint">{t('agenda.empty')}</p>}
      <ol className="list agenda" aria-label={t('agenda.listLabel')}>
        {agenda.map((item, index) => {
          const short = item.text.slice(0, 40)
          return (
            <li key={item.id} className="stack">
              <p>{item.text}</p>
              <div className="button-row">
                <button
                  type="button"
                  disabled={index === 0}
                  onClick={() => store.moveAgendaItem(meeting.id, item.id, index - 1)}
                >
                  {t('agenda.moveUp', { text: short })}
                </button>
                <button
                  type="button"
                  disabled={index === agenda.length - 1}
                  onClick={() => store.moveAgendaItem(meeting.id, item.id, index + 1)}
                >
                  {t('agenda.moveDown', { text: short })}
                </button>
                <button
                  type="button"
                  onClick={() => {
                    store.removeAgendaItem(meeting.id, item.id)
                    setNotice(t('agenda.removed'))
                  }}
                >
                  {t('agenda.remove', { text: short })}
                </button>
              </div>
            </li>
          )
        })}
      </ol>
      <form className="stack" onSubmit={add} noValidate>
        <div className="field">
          <label htmlFor={id}>{t('agenda.newItem')}</label>
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
          {error && (
            <p className="error" id={`${id}-error`} role="alert">
              {t('agenda.itemRequired')}
            </p>
          )}
        </div>
        <button type="submit">{t('agenda.add')}</button>
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
    </section>
  )
}
