/**
 * The actions a meeting agreed (what, who, by when, done): ticked off, edited where they stand
 * in the same small form that adds one, removed with Undo.
 */
import { useId, useState } from 'react'
import type { Action, Meeting } from '../../domain/meeting'
import { formatDueDate } from '../../domain/minutes'
import { fail, ok, type Result } from '../../domain/result'
import { useT } from '../../i18n/i18n-context'
import type { Session } from '../../session/session'
import { IconButton } from '../../ui/icon-button'
import { offerUndo } from '../../ui/undo'
import { EntryForm } from './entry-form'
import { entryErrorText, type MeetingError } from './labels'
import { MeetingPart } from './meeting-part'

type ActionDraft = { what: string; who: string; due: string }

export function ActionsSection({ session, meeting }: { session: Session; meeting: Meeting }) {
  const t = useT()
  const store = session.stores.meetings
  const [editing, setEditing] = useState<string>()
  return (
    <MeetingPart title={t('actions.title')} count={String(meeting.actions.length)}>
      {meeting.actions.length === 0 && <p className="hint">{t('actions.empty')}</p>}
      <ul className="list part-list" aria-label={t('actions.listLabel')}>
        {meeting.actions.map((a: Action) => {
          const short = a.what.slice(0, 40)
          if (editing === a.id)
            return (
              <li key={a.id} className="card">
                <ActionForm
                  initial={a}
                  submitLabel={t('common.save')}
                  onSubmit={(draft) => store.editAction(meeting.id, a.id, draft)}
                  onDone={() => setEditing(undefined)}
                />
              </li>
            )
          return (
            <li key={a.id} className="part-row">
              <span className="part-text">
                <label className="check">
                  <input
                    type="checkbox"
                    checked={a.done}
                    onChange={(e) => store.setActionDone(meeting.id, a.id, e.target.checked)}
                  />{' '}
                  {a.what}
                </label>
                {(a.who || a.due) && (
                  <span className="hint">
                    {[
                      a.who,
                      a.due &&
                        t('actions.dueOn', {
                          date: formatDueDate(a.due, t.locale, new Date().getFullYear()),
                        }),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                )}
              </span>
              <span className="part-actions">
                <IconButton
                  icon="edit"
                  label={t('actions.edit', { text: short })}
                  onClick={() => setEditing(a.id)}
                />
                <IconButton
                  icon="trash"
                  label={t('actions.remove', { text: short })}
                  onClick={() => {
                    store.removeAction(meeting.id, a.id)
                    offerUndo(t('actions.removed'), () => store.restoreAction(meeting.id, a.id))
                  }}
                />
              </span>
            </li>
          )
        })}
      </ul>
      <ActionForm
        initial={{ what: '', who: '', due: '' }}
        submitLabel={t('actions.add')}
        onSubmit={(draft) =>
          store.addAction(meeting.id, draft) === undefined ? fail('empty') : ok()
        }
      />
    </MeetingPart>
  )
}

function ActionForm({
  initial,
  submitLabel,
  onSubmit,
  onDone,
}: {
  initial: ActionDraft
  submitLabel: string
  onSubmit: (draft: ActionDraft) => Result<unknown, MeetingError>
  onDone?: () => void
}) {
  const t = useT()
  const id = useId()
  const [draft, setDraft] = useState<ActionDraft>(initial)
  return (
    <EntryForm
      errorId={`${id}-error`}
      focusId={`${id}-what`}
      submitLabel={submitLabel}
      onSubmit={() => {
        const saved = onSubmit(draft)
        if (!saved.ok) return entryErrorText(t, saved.error, 'actions.required')
        if (onDone) onDone()
        else setDraft(initial)
        return undefined
      }}
      {...(onDone ? { onCancel: onDone } : {})}
      fields={(invalid) => (
        <>
          <div className="field">
            <label htmlFor={`${id}-what`}>{t('actions.what')}</label>
            <input
              id={`${id}-what`}
              value={draft.what}
              aria-invalid={invalid}
              aria-describedby={invalid ? `${id}-error` : undefined}
              onChange={(e) => setDraft({ ...draft, what: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-who`}>{t('actions.who')}</label>
            <input
              id={`${id}-who`}
              value={draft.who}
              onChange={(e) => setDraft({ ...draft, who: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-due`}>{t('actions.due')}</label>
            <input
              id={`${id}-due`}
              type="date"
              value={draft.due}
              onChange={(e) => setDraft({ ...draft, due: e.target.value })}
            />
          </div>
        </>
      )}
    />
  )
}
