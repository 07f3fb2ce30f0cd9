/**
 * The notes editor for features: loaded only when a meeting is opened (CodeMirror and its Yjs
 * binding are a separate chunk), handed an opaque notes handle from the meeting store.
 */
export type { TextHandle } from '../doc/text-handle'
export type { NotesEditor, NotesEditorOptions } from '../doc/notes-editor'

export const loadNotesEditor = () => import('../doc/notes-editor')
