/**
 * Keeps what someone typed into a profile form on this device until they save or cancel, so a
 * reload, a tap on another tab, or the phone closing the browser to free memory loses nothing.
 *
 * Why localStorage: a draft is private and half-finished, so it must not go into the space's
 * document (every peer would receive it, and it would be merged as if it were an edit). It must
 * outlive the tab too: cheap phones kill background browsers, and sessionStorage dies with the
 * tab or an installed app's window. The draft remembers the profile as the form opened it
 * (`base`), so saving later writes only what this person changed.
 */
import type { FormState } from './form-state'

export interface SavedDraft {
  readonly base: FormState
  readonly current: FormState
  /** `import`: filled from a Murmurations profile, not yet looked at. */
  readonly origin: 'typed' | 'import'
  readonly at: number
}

const PREFIX = 'weave:group-draft:'
export const draftKey = (spaceId: string, groupId: string) => `${PREFIX}${spaceId}:${groupId}`

function storage(): Storage | undefined {
  try {
    return window.localStorage
  } catch {
    return undefined // SecurityError: storage blocked; the form still works, without drafts
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null

const isFormState = (value: unknown): value is FormState =>
  isObject(value) && isObject(value.group) && Array.isArray(value.people) && isObject(value.answers)

export function loadDraft(key: string): SavedDraft | undefined {
  const text = storage()?.getItem(key)
  if (!text) return undefined
  try {
    const value: unknown = JSON.parse(text)
    if (isObject(value) && isFormState(value.base) && isFormState(value.current))
      return value as unknown as SavedDraft
  } catch {
    // A damaged draft (another version of the app wrote it): dropped below.
  }
  storage()?.removeItem(key)
  return undefined
}

export function saveDraft(key: string, draft: SavedDraft): void {
  try {
    storage()?.setItem(key, JSON.stringify(draft))
  } catch (error) {
    // QuotaExceededError: the form keeps working; only the safety copy is missing.
    console.warn('Could not keep a draft of the group form', error)
  }
}

export function discardDraft(key: string): void {
  storage()?.removeItem(key)
}
