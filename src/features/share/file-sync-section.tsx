/**
 * Sync by file, for when there is no network at all: save the space as one encrypted file and
 * send it any way that works (Bluetooth, a messaging app, a USB stick); open one to merge it.
 */
import { useId, useState, type ChangeEvent } from 'react'
import { useT } from '../../i18n/i18n-context'
import type { MessageKey, Translator } from '../../i18n/translate'
import type { ChangeSummary, Session, SpaceFileError } from '../../session/session'
import { SPACE_BUDGET_BYTES } from '../../domain/space-budget'
import type { SpaceRecord } from '../../session/types'
import { formatBytes } from '../../ui/format'
import { canShareFiles, saveFile } from '../../ui/save-file'

const ERRORS: Record<SpaceFileError, MessageKey> = {
  'not-a-weave-file': 'file.errorNotWeave',
  'unsupported-version': 'file.errorVersion',
  'other-space': 'file.errorOtherSpace',
  'needs-passphrase': 'file.errorBackup',
  'wrong-key-or-damaged': 'file.errorDamaged',
  'too-large': 'file.errorTooLarge',
  'malformed-update': 'file.errorDamaged',
  'unknown-content': 'file.errorUnknown',
  'newer-schema': 'file.errorVersion',
  'over-budget': 'file.errorBudget',
}

const COLLECTIONS: Partial<Record<string, MessageKey>> = {
  groups: 'file.countGroups',
  criteria: 'file.countCriteria',
  skills: 'file.countSkills',
  meetings: 'file.countMeetings',
}

/** "2 groups and 1 meeting", in the reader's language. */
export function describeChanges(changes: ChangeSummary, t: Translator): string | undefined {
  const parts: string[] = []
  let others = 0
  for (const [root, counts] of Object.entries(changes)) {
    const count = counts.added + counts.updated + counts.removed
    if (count === 0) continue
    const key = COLLECTIONS[root]
    if (key) parts.push(t(key, { count }))
    else others += count
  }
  if (others > 0) parts.push(t('file.countOther', { count: others }))
  if (parts.length === 0) return undefined
  return new Intl.ListFormat(t.locale, { type: 'conjunction' }).format(parts)
}

export function FileSyncSection({ session, space }: { session: Session; space: SpaceRecord }) {
  const t = useT()
  const id = useId()
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ text: string; error: boolean } | undefined>()

  const save = async (send: boolean) => {
    setBusy(true)
    setMessage(undefined)
    const result = await session.files.export(space.name)
    setBusy(false)
    if (!result.ok) {
      setMessage({ text: t('file.errorTooLarge'), error: true })
      return
    }
    const { text, fileName, mimeType } = result.value
    const file = new File([text], fileName, { type: mimeType })
    const outcome = await saveFile(file, { share: send, title: space.name })
    if (outcome === 'downloaded')
      setMessage({ text: t('file.saved', { name: fileName }), error: false })
  }

  const open = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    event.target.value = '' // the same file can be chosen again
    if (!file) return
    setBusy(true)
    setMessage(undefined)
    const result = await session.files.import(file)
    setBusy(false)
    if (!result.ok) {
      const size = formatBytes(SPACE_BUDGET_BYTES, t.locale)
      setMessage({ text: t(ERRORS[result.error], { size }), error: true })
      return
    }
    const changed = describeChanges(result.value.changes, t)
    // Bytes stored that no list shows are said, never "nothing new".
    const text = changed
      ? t('file.merged', { changes: changed })
      : result.value.storedBytes > 0
        ? t('file.storedHidden', { size: formatBytes(result.value.storedBytes, t.locale) })
        : t('file.nothingNew')
    setMessage({ text, error: false })
  }

  const canSend = canShareFiles()
  return (
    <section className="card stack" aria-labelledby={id}>
      <h2 id={id}>{t('file.title')}</h2>
      <p className="hint">{t('file.intro')}</p>
      <div className="button-row">
        <button type="button" disabled={busy} onClick={() => void save(false)}>
          {t('file.save')}
        </button>
        {canSend && (
          <button type="button" disabled={busy} onClick={() => void save(true)}>
            {t('file.send')}
          </button>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-open`}>{t('file.openLabel')}</label>
        <input
          id={`${id}-open`}
          type="file"
          accept=".txt,text/plain"
          disabled={busy}
          onChange={(event) => void open(event)}
        />
      </div>
      <p role="status" className={message?.error ? 'error' : 'notice'}>
        {message?.text ?? ''}
      </p>
    </section>
  )
}
