/**
 * The network's own list of membership criteria: add, reword (or go back to the starting
 * wording), move up and down, take off the list and put back. Groups' answers are kept
 * whatever happens to the wording or the order.
 */
import { useId, useState, type SyntheticEvent } from 'react'
import type { Criterion } from '../../domain/criteria'
import { CRITERIA_MAX, CRITERION_TEXT_MAX } from '../../domain/criteria'
import type { ErrorOf } from '../../domain/result'
import { useT } from '../../i18n/i18n-context'
import { IconButton } from '../../ui/icon-button'
import { offerUndo } from '../../ui/undo'
import type { MessageKey } from '../../i18n/translate'
import type { Session } from '../../session/session'
import { useStore } from '../../session/use-app'

type CriteriaStore = Session['stores']['criteria']
type CriteriaError = ErrorOf<ReturnType<CriteriaStore['addCriterion']>>

const ERRORS: Record<CriteriaError, MessageKey> = {
  'criterion-required': 'criteriaError.criterion-required',
  'criterion-too-long': 'criteriaError.criterion-too-long',
  'too-many': 'criteriaError.too-many',
}

export function CriteriaPage({ session }: { session: Session }) {
  const t = useT()
  const store = session.stores.criteria
  const { items, removed } = useStore(store)
  const [notice, setNotice] = useState('')
  const textOf = (c: Criterion) => (c.textKey ? t(c.textKey) : c.text)

  return (
    <div className="stack">
      <p className="hint">{t('criteria.pageIntro')}</p>
      <p className="notice" role="status">
        {notice}
      </p>
      <ol className="list criteria-list" aria-label={t('criteria.listLabel')}>
        {items.map((criterion, index) => (
          <CriterionRow
            key={criterion.id}
            store={store}
            criterion={criterion}
            text={textOf(criterion)}
            index={index}
            last={index === items.length - 1}
            onNotice={setNotice}
          />
        ))}
      </ol>
      <AddCriterion store={store} full={items.length >= CRITERIA_MAX} onNotice={setNotice} />
      {removed.length > 0 && (
        <section className="card stack" aria-labelledby="criteria-removed">
          <h2 id="criteria-removed">{t('criteria.removedTitle')}</h2>
          <ul className="list">
            {removed.map((criterion) => (
              <li key={criterion.id} className="trash-row">
                <span>{textOf(criterion)}</span>
                <button
                  type="button"
                  onClick={() => {
                    store.restoreCriterion(criterion.id)
                    setNotice(t('criteria.restored'))
                  }}
                >
                  {t('criteria.restore', { text: textOf(criterion).slice(0, 40) })}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}

function CriterionRow({
  store,
  criterion,
  text,
  index,
  last,
  onNotice,
}: {
  store: CriteriaStore
  criterion: Criterion
  text: string
  index: number
  last: boolean
  onNotice: (message: string) => void
}) {
  const t = useT()
  const id = useId()
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState(text)
  const [error, setError] = useState<string | undefined>()
  const short = text.slice(0, 40)

  const save = (event: SyntheticEvent) => {
    event.preventDefault()
    const result = store.rewordCriterion(criterion.id, draft)
    if (!result.ok) {
      setError(
        t(ERRORS[result.error], {
          max: result.error === 'too-many' ? CRITERIA_MAX : CRITERION_TEXT_MAX,
        }),
      )
      return
    }
    setEditing(false)
    setError(undefined)
    onNotice(t('criteria.saved'))
  }

  if (editing)
    return (
      <li className="card">
        <form className="stack" onSubmit={save} noValidate>
          <div className="field">
            <label htmlFor={id}>{t('criteria.wording')}</label>
            <textarea
              id={id}
              rows={3}
              value={draft}
              maxLength={CRITERION_TEXT_MAX}
              aria-invalid={error !== undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(event) => setDraft(event.target.value)}
            />
            {error && (
              <p className="error" id={`${id}-error`} role="alert">
                {error}
              </p>
            )}
          </div>
          <div className="button-row">
            <button type="submit" className="primary">
              {t('common.save')}
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      </li>
    )

  return (
    <li className="card stack">
      <p>{text}</p>
      <div className="row-actions">
        <IconButton
          icon="edit"
          label={t('criteria.reword', { text: short })}
          onClick={() => {
            setDraft(text)
            setEditing(true)
          }}
        />
        <IconButton
          icon="up"
          label={t('criteria.moveUp', { text: short })}
          disabled={index === 0}
          onClick={() => store.moveCriterion(criterion.id, index - 1)}
        />
        <IconButton
          icon="down"
          label={t('criteria.moveDown', { text: short })}
          disabled={last}
          onClick={() => store.moveCriterion(criterion.id, index + 1)}
        />
        <IconButton
          icon="trash"
          label={t('criteria.remove', { text: short })}
          onClick={() => {
            store.removeCriterion(criterion.id)
            onNotice('')
            offerUndo(t('criteria.removed'), () => store.restoreCriterion(criterion.id))
          }}
        />
        {criterion.textKey === undefined && criterion.id.startsWith('seon-') && (
          <button type="button" onClick={() => store.resetCriterionText(criterion.id)}>
            {t('criteria.resetWording')}
          </button>
        )}
      </div>
    </li>
  )
}

function AddCriterion({
  store,
  full,
  onNotice,
}: {
  store: CriteriaStore
  full: boolean
  onNotice: (message: string) => void
}) {
  const t = useT()
  const id = useId()
  const [text, setText] = useState('')
  const [error, setError] = useState<string | undefined>()

  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    const result = store.addCriterion(text)
    if (!result.ok) {
      setError(
        t(ERRORS[result.error], {
          max: result.error === 'too-many' ? CRITERIA_MAX : CRITERION_TEXT_MAX,
        }),
      )
      document.getElementById(id)?.focus()
      return
    }
    setText('')
    setError(undefined)
    onNotice(t('criteria.added'))
  }

  return (
    <form className="card stack" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('criteria.addTitle')}</h2>
      <div className="field">
        <label htmlFor={id}>{t('criteria.wording')}</label>
        <textarea
          id={id}
          rows={2}
          value={text}
          maxLength={CRITERION_TEXT_MAX}
          aria-invalid={error !== undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => setText(event.target.value)}
        />
        {error && (
          <p className="error" id={`${id}-error`} role="alert">
            {error}
          </p>
        )}
      </div>
      <button type="submit" disabled={full}>
        {t('criteria.add')}
      </button>
    </form>
  )
}
