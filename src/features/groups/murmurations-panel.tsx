/**
 * Murmurations (https://murmurations.network): export a group's public fields as an
 * organisation profile (downloaded, or shared where the browser can share the file), and read
 * a profile from a file or pasted text. Only what the group marked public is in the export.
 */
import { useId, useState } from 'react'
import {
  exportMurmurationsProfile,
  importMurmurationsText,
  MURMURATIONS_IMPORT_MAX_BYTES,
  type MurmurationsImport,
} from '../../domain/murmurations'
import { groupFieldsOf, type Group, type GroupFields } from '../../domain/group'
import { useT } from '../../i18n/i18n-context'
import type { Translator } from '../../i18n/translate'

function fileName(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  return `${slug || 'group'}.murmurations.json`
}

function download(file: File) {
  const url = URL.createObjectURL(file)
  const link = document.createElement('a')
  link.href = url
  link.download = file.name
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1_000)
}

/** Chromium refuses .json files in Web Share; ask the browser rather than guess. */
function canShareFile(file: File): boolean {
  try {
    return typeof navigator.canShare === 'function' && navigator.canShare({ files: [file] })
  } catch {
    return false // TypeError in browsers that reject the files member: download instead
  }
}

export function MurmurationsExport({ group }: { group: Group }) {
  const t = useT()
  const [status, setStatus] = useState('')
  const result = exportMurmurationsProfile(groupFieldsOf(group))
  if (!result.ok) return <p className="error">{t('murmurationsError.name-not-public')}</p>
  const json = `${JSON.stringify(result.value, null, 2)}\n`
  const file = new File([json], fileName(group.name), { type: 'application/json' })
  const share = async () => {
    try {
      await navigator.share({ files: [file], title: group.name })
    } catch (error) {
      // AbortError: the person closed the share sheet; anything else: offer the download.
      if (error instanceof DOMException && error.name === 'AbortError') return
      download(file)
    }
  }
  return (
    <div className="stack">
      <p className="hint">{t('murmurations.exportHint')}</p>
      <div className="button-row">
        <button
          type="button"
          className="primary"
          onClick={() => {
            download(file)
            setStatus(t('murmurations.downloaded', { file: file.name }))
          }}
        >
          {t('murmurations.export')}
        </button>
        {canShareFile(file) && (
          <button type="button" onClick={() => void share()}>
            {t('murmurations.share')}
          </button>
        )}
      </div>
      <p role="status" className="notice">
        {status}
      </p>
      <details>
        <summary>{t('murmurations.preview')}</summary>
        <pre className="json-preview">{json}</pre>
      </details>
    </div>
  )
}

function importError(t: Translator, result: MurmurationsImport): string {
  if (result.ok) return ''
  return t(`murmurationsError.${result.error}`, { field: result.field ?? '' })
}

/** Fields of a profile laid over a group's: what the profile has replaces, the rest stays. */
export function mergeImported(into: GroupFields, from: GroupFields): GroupFields {
  const text = (a: string | undefined, b: string | undefined) => (b?.trim() ? b : (a ?? ''))
  return {
    ...into,
    ...Object.fromEntries(
      Object.entries(from).filter(([, value]) => value !== undefined && value !== ''),
    ),
    name: text(into.name, from.name),
    summary: text(into.summary, from.summary),
    story: text(into.story, from.story),
    place: {
      locality: text(into.place?.locality, from.place?.locality),
      region: text(into.place?.region, from.place?.region),
      country: text(into.place?.country, from.place?.country),
    },
    activities: from.activities?.length ? from.activities : (into.activities ?? []),
    languages: from.languages?.length ? from.languages : (into.languages ?? []),
    contacts: {
      email: text(into.contacts?.email, from.contacts?.email),
      phone: text(into.contacts?.phone, from.contacts?.phone),
      other: text(into.contacts?.other, from.contacts?.other),
    },
    visibility: into.visibility ?? {},
  }
}

interface ImportProps {
  readonly onImport: (fields: GroupFields, skipped: readonly string[]) => void
}

export function MurmurationsImportForm({ onImport }: ImportProps) {
  const t = useT()
  const id = useId()
  const [text, setText] = useState('')
  const [error, setError] = useState('')
  const accept = (result: MurmurationsImport) => {
    if (result.ok) {
      setError('')
      onImport(result.value.fields, result.value.skipped)
    } else setError(importError(t, result))
  }
  const readFile = async (file: File) => {
    if (file.size > MURMURATIONS_IMPORT_MAX_BYTES) {
      setError(t('murmurationsError.too-large'))
      return
    }
    accept(importMurmurationsText(await file.text()))
  }
  return (
    <div className="stack">
      <p className="hint">{t('murmurations.importHint')}</p>
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('murmurations.file')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".json,application/json"
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => {
            const file = event.target.files?.[0]
            if (file) void readFile(file)
            event.target.value = ''
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('murmurations.paste')}</label>
        <textarea
          id={`${id}-text`}
          rows={4}
          value={text}
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <div className="button-row">
        <button
          type="button"
          disabled={text.trim() === ''}
          onClick={() => accept(importMurmurationsText(text))}
        >
          {t('murmurations.importPasted')}
        </button>
      </div>
      {error && (
        <p className="error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
