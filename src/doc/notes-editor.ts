/**
 * The meeting notes editor: CodeMirror 6 bound to the notes' Y.Text by y-codemirror.next, so
 * two people typing at once (online, or offline and merged later) keep every character.
 *
 * Why CodeMirror 6: it handles phone keyboards (composition, autocorrect, predictive text),
 * non-Latin scripts and right-to-left lines (per line direction), and it is small when only
 * its view, state and commands are loaded. This module is loaded only when a meeting opens.
 * Undo and redo go through a Y.UndoManager that tracks only this editor's own changes, so
 * undo never removes what someone else typed.
 */
import { defaultKeymap, indentWithTab } from '@codemirror/commands'
import { EditorState, RangeSetBuilder } from '@codemirror/state'
import {
  Decoration,
  EditorView,
  keymap,
  placeholder as placeholderText,
  ViewPlugin,
  type DecorationSet,
  type ViewUpdate,
} from '@codemirror/view'
import { yCollab, yUndoManagerKeymap } from 'y-codemirror.next'
import * as Y from 'yjs'
import { earlyEdit, firstGapOffset } from '../domain/notes-text'
import { fromTextHandle, type TextHandle } from './text-handle'

export interface NotesEditorOptions {
  readonly parent: HTMLElement
  readonly text: TextHandle
  /** The space's awareness (from live sync), for other people's cursors; optional. */
  readonly awareness?: unknown
  /** The accessible name of the text area. */
  readonly label: string
  readonly placeholder?: string
  readonly readOnly?: boolean
}

export interface NotesEditor {
  /**
   * Focuses the notes. `'first-gap'` also puts the cursor where typing starts in notes a
   * template prepared: the end of the first empty line or of the first "Question: " line.
   */
  focus(where?: 'first-gap'): void
  /**
   * Takes over what was typed in the stand-in text area while this editor loaded (from `base`
   * to `typed`, caret at `cursor`): one edit of the shared notes (domain/notes-text.ts
   * earlyEdit), the caret where it was, and the focus if the stand-in had it.
   */
  takeOver(early: {
    readonly base: string
    readonly typed: string
    readonly cursor: number
    readonly focused: boolean
  }): void
  destroy(): void
}

interface AwarenessLike {
  getLocalState(): Record<string, unknown> | null
  on(event: string, listener: (...args: unknown[]) => void): void
  off(event: string, listener: (...args: unknown[]) => void): void
}

const isAwareness = (value: unknown): value is AwarenessLike =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as AwarenessLike).getLocalState === 'function'

/**
 * A line starting "## " (as templates write a group's section, and as anyone can type) is drawn
 * as a heading; the text stays plain, so the minutes and search read the same characters.
 */
const headingLine = Decoration.line({ class: 'cm-notes-heading' })
function headingLines(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>()
  for (const { from, to } of view.visibleRanges)
    for (let pos = from; pos <= to;) {
      const line = view.state.doc.lineAt(pos)
      if (/^#{1,3}\s+\S/.test(line.text)) builder.add(line.from, line.from, headingLine)
      pos = line.to + 1
    }
  return builder.finish()
}
const headings = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet
    constructor(view: EditorView) {
      this.decorations = headingLines(view)
    }
    update(update: ViewUpdate) {
      if (update.docChanged || update.viewportChanged) this.decorations = headingLines(update.view)
    }
  },
  { decorations: (plugin) => plugin.decorations },
)

export function mountNotesEditor(options: NotesEditorOptions): NotesEditor {
  const ytext = fromTextHandle(options.text)
  const undoManager = new Y.UndoManager(ytext)
  const awareness = isAwareness(options.awareness) ? options.awareness : undefined
  const view = new EditorView({
    parent: options.parent,
    state: EditorState.create({
      doc: ytext.toJSON(),
      extensions: [
        keymap.of([...yUndoManagerKeymap, ...defaultKeymap, indentWithTab]),
        yCollab(ytext, awareness ?? null, { undoManager }),
        EditorView.lineWrapping,
        EditorView.perLineTextDirection.of(true),
        EditorView.contentAttributes.of({
          'aria-label': options.label,
          'aria-multiline': 'true',
          spellcheck: 'true',
          autocorrect: 'on',
          autocapitalize: 'sentences',
        }),
        // the page's font, not CodeMirror's monospace default: these are notes, not code; and
        // each line takes its direction from its own text (an Arabic line reads right to left)
        EditorView.theme({
          '.cm-scroller': { fontFamily: 'inherit', lineHeight: '1.5' },
          '.cm-line': { unicodeBidi: 'plaintext' },
          '.cm-notes-heading': {
            fontWeight: '700',
            fontSize: '1.1em',
            paddingBlockStart: '0.25em',
          },
        }),
        headings,
        EditorState.readOnly.of(options.readOnly ?? false),
        EditorView.editable.of(!(options.readOnly ?? false)),
        ...(options.placeholder ? [placeholderText(options.placeholder)] : []),
      ],
    }),
  })
  return {
    focus(where) {
      if (where === 'first-gap') {
        const gap = firstGapOffset(view.state.doc.toString())
        if (gap !== undefined) view.dispatch({ selection: { anchor: gap }, scrollIntoView: true })
      }
      view.focus()
    },
    takeOver(early) {
      const { change, cursor } = earlyEdit(view.state.doc.toString(), early)
      // a user event, so the editor's binding writes it to the shared notes like typing
      view.dispatch({
        ...(change ? { changes: change } : {}),
        selection: { anchor: cursor },
        scrollIntoView: early.focused,
        userEvent: 'input.type',
      })
      if (early.focused) view.focus()
    },
    destroy() {
      view.destroy()
      undoManager.destroy()
    },
  }
}
