/**
 * What a meeting decided (what, how: consensus, consent or vote, and the outcome). Each is
 * edited where it stands, in the same small form that adds one; removing one offers Undo.
 * The actions it agreed are in actions-section.tsx.
 */
import { useId, useState } from 'react'
import {
  DECISION_METHODS,
  type Decision,
  type DecisionMethod,
  type Meeting,
} from '../../domain/meeting'
import { fail, ok, type Result } from '../../domain/result'
import { useT } from '../../i18n/i18n-context'
import type { MessageKey } from '../../i18n/translate'
import type { Session } from '../../session/session'
import { IconButton } from '../../ui/icon-button'
import { offerUndo } from '../../ui/undo'
import { EntryForm } from './entry-form'
import { entryErrorText, type MeetingError } from './labels'
import { MeetingPart } from './meeting-part'

export const METHOD_LABELS: Record<DecisionMethod, MessageKey> = {
  consensus: 'decisions.consensus',
  consent: 'decisions.consent',
  vote: 'decisions.vote',
}

type DecisionDraft = { text: string; method: DecisionMethod; outcome: string }

export function DecisionsSection({ session, meeting }: { session: Session; meeting: Meeting }) {
  const t = useT()
  const store = session.stores.meetings
  const [editing, setEditing] = useState<string>()
  return (
    <MeetingPart title={t('decisions.title')} count={String(meeting.decisions.length)}>
      {meeting.decisions.length === 0 && <p className="hint">{t('decisions.empty')}</p>}
      <ul className="list part-list" aria-label={t('decisions.listLabel')}>
        {meeting.decisions.map((d: Decision) => {
          const short = d.text.slice(0, 40)
          if (editing === d.id)
            return (
              <li key={d.id} className="card">
                <DecisionForm
                  initial={d}
                  submitLabel={t('common.save')}
                  onSubmit={(draft) => store.editDecision(meeting.id, d.id, draft)}
                  onDone={() => setEditing(undefined)}
                />
              </li>
            )
          return (
            <li key={d.id} className="part-row">
              <span className="part-text">
                <span>{d.text}</span>
                <span className="hint">
                  {t(METHOD_LABELS[d.method])}
                  {d.outcome && ` · ${d.outcome}`}
                </span>
              </span>
              <span className="part-actions">
                <IconButton
                  icon="edit"
                  label={t('decisions.edit', { text: short })}
                  onClick={() => setEditing(d.id)}
                />
                <IconButton
                  icon="trash"
                  label={t('decisions.remove', { text: short })}
                  onClick={() => {
                    store.removeDecision(meeting.id, d.id)
                    offerUndo(t('decisions.removed'), () => store.restoreDecision(meeting.id, d.id))
                  }}
                />
              </span>
            </li>
          )
        })}
      </ul>
      <DecisionForm
        initial={{ text: '', method: 'consensus', outcome: '' }}
        submitLabel={t('decisions.add')}
        onSubmit={(draft) =>
          store.recordDecision(meeting.id, draft) === undefined ? fail('empty') : ok()
        }
      />
    </MeetingPart>
  )
}

function DecisionForm({
  initial,
  submitLabel,
  onSubmit,
  onDone,
}: {
  initial: DecisionDraft
  submitLabel: string
  onSubmit: (draft: DecisionDraft) => Result<unknown, MeetingError>
  /** Editing: closes the form after saving or on Cancel. Adding: the form empties instead. */
  onDone?: () => void
}) {
  const t = useT()
  const id = useId()
  const [draft, setDraft] = useState<DecisionDraft>(initial)
  return (
    <EntryForm
      errorId={`${id}-error`}
      focusId={`${id}-text`}
      submitLabel={submitLabel}
      onSubmit={() => {
        const saved = onSubmit(draft)
        if (!saved.ok) return entryErrorText(t, saved.error, 'decisions.required')
        if (onDone) onDone()
        else setDraft({ ...initial, method: draft.method })
        return undefined
      }}
      {...(onDone ? { onCancel: onDone } : {})}
      fields={(invalid) => (
        <>
          <div className="field">
            <label htmlFor={`${id}-text`}>{t('decisions.what')}</label>
            <textarea
              id={`${id}-text`}
              rows={2}
              value={draft.text}
              aria-invalid={invalid}
              aria-describedby={invalid ? `${id}-error` : undefined}
              onChange={(e) => setDraft({ ...draft, text: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-method`}>{t('decisions.how')}</label>
            <select
              id={`${id}-method`}
              value={draft.method}
              onChange={(e) => {
                const method = DECISION_METHODS.find((m) => m === e.target.value)
                if (method) setDraft({ ...draft, method })
              }}
            >
              {DECISION_METHODS.map((m) => (
                <option key={m} value={m}>
                  {t(METHOD_LABELS[m])}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-outcome`}>{t('decisions.outcome')}</label>
            <input
              id={`${id}-outcome`}
              value={draft.outcome}
              onChange={(e) => setDraft({ ...draft, outcome: e.target.value })}
            />
          </div>
        </>
      )}
    />
  )
}
