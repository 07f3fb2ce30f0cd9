/**
 * "Use these notes again": saves a meeting's notes, as they are now, as a template of the
 * space under a name. A missing or used name, or empty notes, get a message tied to the field
 * and change nothing. Folded under the meeting's other parts: it is used now and then.
 */
import { useId, useState, type SyntheticEvent } from 'react'
import type { Meeting } from '../../domain/meeting'
import {
  TEMPLATE_NAME_MAX,
  TEMPLATE_NOTES_MAX,
  type SavedTemplateError,
} from '../../domain/meeting-templates'
import { useT } from '../../i18n/i18n-context'
import type { MessageKey } from '../../i18n/translate'
import type { Session } from '../../session/session'
import { MeetingPart } from './meeting-part'

const ERRORS: Record<SavedTemplateError, MessageKey> = {
  'name-required': 'templates.errorName',
  'name-too-long': 'templates.errorNameLong',
  'name-taken': 'templates.errorNameTaken',
  'notes-empty': 'templates.errorNotesEmpty',
  'notes-too-long': 'templates.errorNotesLong',
}

export function SaveTemplateSection({ session, meeting }: { session: Session; meeting: Meeting }) {
  const t = useT()
  const id = useId()
  const [name, setName] = useState('')
  const [error, setError] = useState<{ kind: SavedTemplateError; name: string } | undefined>()
  const [notice, setNotice] = useState('')

  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    const notes = session.stores.meetings.notesText(meeting.id)
    const result = session.stores.templates.saveTemplate(name, notes)
    if (!result.ok) {
      setError({ kind: result.error, name: name.trim() })
      setNotice('')
      document.getElementById(`${id}-name`)?.focus()
      return
    }
    setError(undefined)
    setNotice(t('templates.savedNotice', { name: name.trim() }))
    setName('')
  }

  const max = error?.kind === 'notes-too-long' ? TEMPLATE_NOTES_MAX : TEMPLATE_NAME_MAX
  return (
    <MeetingPart title={t('templates.saveTitle')}>
      <p className="hint" id={`${id}-hint`}>
        {t('templates.saveHint')}
      </p>
      <form className="stack" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('templates.nameLabel')}</label>
          <input
            id={`${id}-name`}
            value={name}
            maxLength={TEMPLATE_NAME_MAX}
            aria-invalid={error !== undefined}
            aria-describedby={error ? `${id}-error` : `${id}-hint`}
            onChange={(e) => setName(e.target.value)}
          />
          {error && (
            <p className="error" id={`${id}-error`} role="alert">
              {t(ERRORS[error.kind], { max, name: error.name })}
            </p>
          )}
        </div>
        <div className="button-row">
          <button type="submit">{t('templates.save')}</button>
        </div>
      </form>
      <p role="status" className="notice">
        {notice}
      </p>
    </MeetingPart>
  )
}
