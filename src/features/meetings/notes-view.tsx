/**
 * The shared notes of a meeting, first and large on its page as in a notebook: mounts the
 * collaborative editor (loaded on first use) into a labelled region, with the save status next
 * to it so the note-taker knows it is on the phone. A meeting just made from a template opens
 * with the cursor where the first answer goes, so the note-taker can start typing at once.
 */
import { useEffect, useRef, useState } from 'react'
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
}: {
  session: Session
  notes: TextHandle
  meetingId: string
}) {
  const t = useT()
  const host = useRef<HTMLDivElement>(null)
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading')

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
        setState('ready')
        if (focusOnOpen === meetingId) {
          focusOnOpen = undefined
          editor.focus('first-gap')
        }
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
      {state === 'loading' && <p role="status">{t('meetings.notesLoading')}</p>}
      {state === 'failed' && <p role="alert">{t('meetings.notesFailed')}</p>}
      <div ref={host} className="notes-editor" />
      <p className="hint">{t('meetings.notesHint')}</p>
    </section>
  )
}
