/**
 * The shared notes of a meeting: mounts the collaborative editor (loaded on first use) into a
 * labelled region, with the save status next to it so the note-taker knows it is on the phone.
 */
import { useEffect, useRef, useState } from 'react'
import { useT } from '../../i18n/i18n-context'
import { loadNotesEditor, type TextHandle } from '../../session/notes'
import type { Session } from '../../session/session'

export function NotesView({ session, notes }: { session: Session; notes: TextHandle }) {
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
    <section className="card stack" aria-labelledby="notes-title">
      <h2 id="notes-title">{t('meetings.notes')}</h2>
      <p className="hint">{t('meetings.notesHint')}</p>
      {state === 'loading' && <p role="status">{t('meetings.notesLoading')}</p>}
      {state === 'failed' && <p role="alert">{t('meetings.notesFailed')}</p>}
      <div ref={host} className="notes-editor" />
    </section>
  )
}
