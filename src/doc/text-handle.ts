/**
 * A shared text (a meeting's notes) as the layers above doc/ hold it: an opaque handle they
 * pass back to doc/ (the notes editor), never a Y.Text they could write to directly.
 */
import type * as Y from 'yjs'

declare const handleBrand: unique symbol
export interface TextHandle {
  readonly [handleBrand]: 'TextHandle'
}

export const toTextHandle = (text: Y.Text): TextHandle => text as unknown as TextHandle
export const fromTextHandle = (handle: TextHandle): Y.Text => handle as unknown as Y.Text
