import { useSyncExternalStore } from 'react'
import { dismissUndo, undoStore } from './undo'

interface Props {
  readonly undoLabel: string
  readonly closeLabel: string
}

/**
 * The bar above the tab bar that says what was just deleted, with Undo. Announced politely;
 * the live region stays in the page so screen readers notice each new message.
 */
export function UndoBar({ undoLabel, closeLabel }: Props) {
  const offer = useSyncExternalStore(undoStore.subscribe, undoStore.getSnapshot)
  return (
    <div className="undo-bar-region" role="status" aria-live="polite">
      {offer && (
        <div className="undo-bar" key={offer.id}>
          <span>{offer.message}</span>
          <button
            type="button"
            className="undo-button"
            onClick={() => {
              offer.undo()
              dismissUndo()
            }}
          >
            {undoLabel}
          </button>
          <button
            type="button"
            className="undo-close"
            aria-label={closeLabel}
            onClick={dismissUndo}
          >
            ×
          </button>
        </div>
      )}
    </div>
  )
}
