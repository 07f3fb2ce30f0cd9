/**
 * Restoring a backup on this phone (a new phone, or after a reset): every space in the file
 * is added, or merged into the copy already here. A backup that would add anything to a space
 * already here (made by someone else, say) is not merged at once: the form shows what it would
 * add, by count and by name, and asks first (Cancel changes nothing).
 */
import { useId, useRef, useState, type SyntheticEvent } from 'react'
import { SPACE_BUDGET_BYTES } from '../../domain/space-budget'
import { useT } from '../../i18n/i18n-context'
import type { MessageKey, Translator } from '../../i18n/translate'
import type { MergePreview, RestoreOutcome, RestoreQuestion } from '../../session/backup-commands'
import { useAppServices } from '../../session/use-app'
import { formatBytes, formatList } from '../../ui/format'
import './restore-form.css'
import type { ErrorOf } from '../../domain/result'

type Failure = ErrorOf<RestoreOutcome>
type Preview = RestoreQuestion

const ERRORS: Record<Failure, MessageKey> = {
  'not-a-backup': 'restore.errorNotBackup',
  'unsupported-version': 'restore.errorVersion',
  'newer-schema': 'restore.errorVersion',
  'wrong-passphrase-or-damaged': 'restore.errorPassphrase',
  malformed: 'restore.errorPassphrase',
  'unknown-content': 'restore.errorUnknown',
  'over-budget': 'restore.errorBudget',
  'too-large': 'restore.errorTooLarge',
  empty: 'restore.errorEmpty',
  'quota-exceeded': 'storage.writeQuota',
  unavailable: 'storage.writeFailed',
  unknown: 'storage.writeFailed',
}

const ADDED: Partial<Record<string, MessageKey>> = {
  groups: 'file.countGroups',
  meetings: 'file.countMeetings',
  criteria: 'file.countCriteria',
  skills: 'file.countSkills',
}

/** "3 groups, 2 meetings" added, and how many entries already here it changes. */
function describeMerge(merge: MergePreview, t: Translator) {
  const parts: string[] = []
  let others = 0
  let changed = 0
  for (const [root, counts] of Object.entries(merge.changes)) {
    changed += counts.updated + counts.removed
    const key = ADDED[root]
    if (counts.added === 0) continue
    if (key) parts.push(t(key, { count: counts.added }))
    else others += counts.added
  }
  if (others > 0) parts.push(t('file.countOther', { count: others }))
  return { added: parts.length > 0 ? formatList(parts, t.locale) : undefined, changed }
}

function names(list: readonly string[], total: number, t: Translator): string {
  const shown = formatList(list, t.locale)
  return total > list.length
    ? t('restore.previewMore', { names: shown, count: total - list.length })
    : shown
}

function MergeItem({ merge }: { merge: MergePreview }) {
  const t = useT()
  const { added, changed } = describeMerge(merge, t)
  const space = merge.name
  const groupsAdded = merge.changes.groups?.added ?? 0
  const meetingsAdded = merge.changes.meetings?.added ?? 0
  return (
    <li className="stack">
      <strong>
        {added
          ? t('restore.previewAdds', { changes: added, space })
          : t('restore.previewChanges', { count: changed, space })}
      </strong>
      {added && changed > 0 && <span>{t('restore.previewAlso', { count: changed })}</span>}
      {merge.groups.length > 0 && (
        <span>{t('restore.previewGroups', { names: names(merge.groups, groupsAdded, t) })}</span>
      )}
      {merge.meetings.length > 0 && (
        <span>
          {t('restore.previewMeetings', { names: names(merge.meetings, meetingsAdded, t) })}
        </span>
      )}
    </li>
  )
}

export function RestoreForm() {
  const t = useT()
  const services = useAppServices()
  const id = useId()
  const fileInput = useRef<HTMLInputElement>(null)
  const [passphrase, setPassphrase] = useState('')
  const [busy, setBusy] = useState(false)
  const [preview, setPreview] = useState<Preview | undefined>()
  const [message, setMessage] = useState<{ text: string; error: boolean } | undefined>()

  const finish = (result: RestoreOutcome) => {
    setPreview(undefined)
    if (!result.ok) {
      const size = formatBytes(SPACE_BUDGET_BYTES, t.locale)
      setMessage({ text: t(ERRORS[result.error], { size }), error: true })
      return
    }
    if (!result.value.done) {
      setPreview(result.value)
      setMessage(undefined)
      requestAnimationFrame(() => document.getElementById(`${id}-preview`)?.focus())
      return
    }
    setPassphrase('')
    if (fileInput.current) fileInput.current.value = ''
    setMessage({
      text: t('restore.done', {
        added: result.value.added,
        merged: result.value.merged,
        skipped: result.value.skipped,
      }),
      error: false,
    })
  }

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault()
    const file = fileInput.current?.files?.[0]
    if (!file) {
      setMessage({ text: t('restore.chooseFile'), error: true })
      fileInput.current?.focus()
      return
    }
    setBusy(true)
    setPreview(undefined)
    setMessage({ text: t('restore.working'), error: false })
    const result = await services.restoreBackup(file, passphrase)
    setBusy(false)
    finish(result)
  }

  const confirm = async (chosen: Preview) => {
    setBusy(true)
    setMessage({ text: t('restore.working'), error: false })
    const result = await chosen.restore()
    setBusy(false)
    finish(result)
  }

  const cancel = () => {
    setPreview(undefined)
    setMessage({ text: t('restore.cancelled'), error: false })
  }

  return (
    <form
      className="card stack"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby={id}
    >
      <h2 id={id}>{t('restore.title')}</h2>
      <p className="hint">{t('restore.intro')}</p>
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('restore.fileLabel')}</label>
        <input id={`${id}-file`} ref={fileInput} type="file" accept=".txt,text/plain" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-pass`}>{t('restore.passphrase')}</label>
        <input
          id={`${id}-pass`}
          type="password"
          autoComplete="current-password"
          value={passphrase}
          onChange={(event) => setPassphrase(event.target.value)}
        />
      </div>
      {!preview && (
        <button type="submit" disabled={busy}>
          {t('restore.submit')}
        </button>
      )}
      {preview && (
        <section
          className="stack restore-preview"
          id={`${id}-preview`}
          tabIndex={-1}
          aria-labelledby={`${id}-preview-title`}
        >
          <h3 id={`${id}-preview-title`}>{t('restore.previewTitle')}</h3>
          <p className="hint">{t('restore.previewIntro')}</p>
          <ul className="stack restore-preview-list">
            {preview.merges.map((merge, index) => (
              <MergeItem key={index} merge={merge} />
            ))}
            {preview.newSpaces.length > 0 && (
              <li>
                {t('restore.previewNew', {
                  count: preview.newSpaces.length,
                  names: formatList(preview.newSpaces, t.locale),
                })}
              </li>
            )}
          </ul>
          <div className="button-row">
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => void confirm(preview)}
            >
              {t('restore.confirm')}
            </button>
            <button type="button" disabled={busy} onClick={cancel}>
              {t('common.cancel')}
            </button>
          </div>
        </section>
      )}
      <p role="status" className={message?.error ? 'error' : 'notice'}>
        {message?.text ?? ''}
      </p>
    </form>
  )
}
