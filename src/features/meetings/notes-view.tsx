/**
 * The shared notes of a meeting, first and large on its page as in a notebook: mounts the
 * collaborative editor (loaded on first use) into a labelled region, with the save status next
 * to it so the note-taker knows it is on the phone. A meeting just made from a template opens
 * with the cursor where the first answer goes, so the note-taker can start typing at once.
 *
 * Until the editor has loaded, a plain text area with the same name stands in for it, holding
 * the notes as they are: what is typed there is never lost, the editor takes it over (with the
 * caret and the focus) the moment it mounts, as one edit of the shared notes.
 */
import { useEffect, useRef, useState } from 'react'
import { firstGapOffset } from '../../domain/notes-text'
import { useT } from '../../i18n/i18n-context'
import { loadNotesEditor, type TextHandle } from '../../session/notes'
import type { Session } from '../../session/session'

/** The meeting whose notes should take the cursor when they open (set as it is made). */
let focusOnOpen: string | undefined
export const focusNotesWhenOpened = (meetingId: string) => {
  focusOnOpen = meetingId
}

export function NotesView({
  session,
  notes,
  meetingId,
  text,
}: {
  session: Session
  notes: TextHandle
  meetingId: string
  /** the notes as plain text now, for the stand-in shown while the editor loads */
  text: string
}) {
  const t = useT()
  const host = useRef<HTMLDivElement>(null)
  const standIn = useRef<HTMLTextAreaElement>(null)
  const [base] = useState(text)
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading')

  // a meeting just made from a template: the caret waits where the first answer goes
  useEffect(() => {
    const area = standIn.current
    if (!area || focusOnOpen !== meetingId) return
    const gap = firstGapOffset(area.value) ?? area.value.length
    area.focus()
    area.setSelectionRange(gap, gap)
  }, [meetingId])

  useEffect(() => {
    let live = true
    let destroy = () => {}
    loadNotesEditor().then(
      ({ mountNotesEditor }) => {
        if (!live || !host.current) return
        const editor = mountNotesEditor({
          parent: host.current,
          text: notes,
          awareness: session.sync?.awareness,
          label: t('meetings.notesLabel'),
          placeholder: t('meetings.notesPlaceholder'),
        })
        destroy = () => editor.destroy()
        const area = standIn.current
        const focused = area !== null && document.activeElement === area
        if (area && (area.value !== base || focused)) {
          focusOnOpen = undefined
          editor.takeOver({ base, typed: area.value, cursor: area.selectionEnd, focused })
        } else if (focusOnOpen === meetingId) {
          focusOnOpen = undefined
          editor.focus('first-gap')
        }
        // gone at once, not at React's next render: one notes field at any moment
        if (area) area.hidden = true
        setState('ready')
      },
      (error: unknown) => {
        console.error('Could not load the notes editor', error)
        if (live) setState('failed')
      },
    )
    return () => {
      live = false
      destroy()
    }
    // the editor is built once per notes text; the translator changing does not rebuild it
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session, notes])

  return (
    <section className="notes-part stack" aria-labelledby="notes-title">
      <h2 id="notes-title" className="visually-hidden">
        {t('meetings.notes')}
      </h2>
      {state === 'failed' && <p role="alert">{t('meetings.notesFailed')}</p>}
      {state !== 'ready' && (
        <textarea
          ref={standIn}
          className="notes-stand-in"
          aria-label={t('meetings.notesLabel')}
          placeholder={t('meetings.notesPlaceholder')}
          defaultValue={base}
          spellCheck
          autoCapitalize="sentences"
        />
      )}
      <div ref={host} className="notes-editor" />
      <p className="hint">{t('meetings.notesHint')}</p>
    </section>
  )
}
