/**
 * "Deleted. Undo": one message at a time, kept outside React so it outlives the navigation a
 * delete usually causes (a profile deleted from its own page returns to the list). The bar that
 * shows it (ui/undo-bar.tsx) is rendered once by the app shell.
 */
export interface UndoOffer {
  /** What happened, in the reader's language ("Harehills Mutual Aid deleted."). */
  readonly message: string
  /** Puts things back; the bar closes afterwards. */
  readonly undo: () => void
  readonly id: number
}

/** Long enough to read and reach with a thumb; a new offer replaces the old one. */
export const UNDO_MS = 10_000

let current: UndoOffer | undefined
let nextId = 1
let timer: ReturnType<typeof setTimeout> | undefined
const listeners = new Set<() => void>()
const notify = () => listeners.forEach((listener) => listener())

export function offerUndo(message: string, undo: () => void): void {
  current = { message, undo, id: nextId++ }
  clearTimeout(timer)
  timer = setTimeout(dismissUndo, UNDO_MS)
  notify()
}

export function dismissUndo(): void {
  if (!current) return
  current = undefined
  clearTimeout(timer)
  notify()
}

export const undoStore = {
  subscribe: (listener: () => void) => {
    listeners.add(listener)
    return () => {
      listeners.delete(listener)
    }
  },
  getSnapshot: (): UndoOffer | undefined => current,
}
