/** The self-assessment: each of the space's criteria answered yes / partly / no / not sure. */
import { CRITERION_ANSWERS, type Criterion } from '../../domain/criteria'
import { useT } from '../../i18n/i18n-context'
import type { Translator } from '../../i18n/translate'
import { answerErrorText } from './error-text'
import { TextField } from './form-fields'
import type { AnswerDraft } from './form-state'
import { ANSWER_KEY } from './labels'

interface Props {
  readonly id: string
  readonly criteria: readonly Criterion[]
  readonly answers: Readonly<Record<string, AnswerDraft>>
  readonly errors: Readonly<Record<string, 'note-too-long' | 'answer-required'>>
  readonly onChange: (answers: Readonly<Record<string, AnswerDraft>>) => void
}

export const criterionText = (t: Translator, criterion: Criterion) =>
  criterion.textKey ? t(criterion.textKey) : criterion.text

const NONE: AnswerDraft = { answer: '', note: '' }

export function CriteriaEditor({ id, criteria, answers, errors, onChange }: Props) {
  const t = useT()
  return (
    <>
      <p className="hint">{t('groupForm.criteriaHint')}</p>
      {criteria.map((criterion) => {
        const current = answers[criterion.id] ?? NONE
        const set = (patch: Partial<AnswerDraft>) =>
          onChange({ ...answers, [criterion.id]: { ...current, ...patch } })
        const base = `${id}-c-${criterion.id}`
        const error = errors[criterion.id]
        return (
          <fieldset key={criterion.id} className="criterion-edit">
            <legend>{criterionText(t, criterion)}</legend>
            <div className="answer-choices">
              {(['', ...CRITERION_ANSWERS] as const).map((answer) => (
                <label key={answer || 'none'} className="choice">
                  <input
                    type="radio"
                    id={`${base}-${answer || 'none'}`}
                    name={base}
                    value={answer}
                    checked={current.answer === answer}
                    onChange={() => set({ answer })}
                  />
                  <span>{answer ? t(ANSWER_KEY[answer]) : t('groupForm.noAnswer')}</span>
                </label>
              ))}
            </div>
            <TextField
              id={`${base}-note`}
              label={t('groupForm.note')}
              value={current.note}
              multiline
              rows={2}
              onChange={(note) => set({ note })}
              error={error && answerErrorText(t, error)}
            />
          </fieldset>
        )
      })}
    </>
  )
}
