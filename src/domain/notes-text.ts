/**
 * Plain-text rules the meeting notes share between the stand-in text area (shown while the
 * notes editor loads) and the editor itself: where typing starts in notes a template prepared,
 * and how what was typed in the stand-in becomes one edit of the shared notes.
 */

/**
 * Where the cursor goes in notes a template prepared: the end of the first empty line or of the
 * first line ending in ":" ("Question: "). Undefined when there is no such line.
 */
export function firstGapOffset(text: string): number | undefined {
  let start = 0
  for (const line of text.split('\n')) {
    if (line.trim() === '' || /:\s*$/.test(line)) return start + line.length
    start += line.length + 1
  }
  return undefined
}

export interface TextChange {
  readonly from: number
  readonly to: number
  readonly insert: string
}

/** The one change that turns `before` into `after` (their common start and end kept). */
export function textChange(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined
  let start = 0
  const max = Math.min(before.length, after.length)
  while (start < max && before[start] === after[start]) start++
  let end = 0
  while (end < max - start && before[before.length - 1 - end] === after[after.length - 1 - end])
    end++
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) }
}

/**
 * What typed early (in the stand-in, from `base` to `typed`, caret at `cursor`) does to the
 * notes as they are now (`current`). If nobody else changed them meanwhile, exactly the typed
 * change; if someone did, only the inserted text goes in (at the same place, or the end), so
 * nothing anyone wrote is removed and nothing typed is lost. The caret keeps its place in the
 * typed text.
 */
export function earlyEdit(
  current: string,
  early: { readonly base: string; readonly typed: string; readonly cursor: number },
): { readonly change: TextChange | undefined; readonly cursor: number } {
  const change = textChange(early.base, early.typed)
  const clamp = (n: number, max: number) => Math.max(0, Math.min(n, max))
  if (!change) return { change: undefined, cursor: clamp(early.cursor, current.length) }
  if (current === early.base)
    return {
      change,
      cursor: clamp(
        early.cursor,
        current.length - (change.to - change.from) + change.insert.length,
      ),
    }
  const at = Math.min(change.from, current.length)
  const insertOnly = { from: at, to: at, insert: change.insert }
  const inserted = current.length + change.insert.length
  return { change: insertOnly, cursor: clamp(at + (early.cursor - change.from), inserted) }
}
