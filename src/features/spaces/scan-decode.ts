/**
 * From the codes in a camera frame to an invite, without the camera: what the QR reader saw,
 * and what the scanner should do about it. Pure, so the rules are tested without a browser.
 */
import { parseInvite, type Invite } from '../../domain/invite'

/** What one frame means to the scanner. */
export type ScanOutcome =
  | { readonly kind: 'nothing' }
  | { readonly kind: 'invite'; readonly invite: Invite }
  | { readonly kind: 'not-an-invite' }

/** Texts of the QR codes in one frame (usually none or one) → the first usable invite. */
export function classifyScan(texts: readonly string[]): ScanOutcome {
  if (texts.length === 0) return { kind: 'nothing' }
  for (const text of texts) {
    const parsed = parseInvite(text)
    if (parsed.ok) return { kind: 'invite', invite: parsed.value }
  }
  return { kind: 'not-an-invite' }
}
