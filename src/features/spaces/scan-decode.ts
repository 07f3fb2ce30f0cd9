/**
 * From camera frame to invite, without the camera: what the QR reader saw, and what the
 * scanner should do about it. Pure, so the rules are tested without a browser.
 */
import type { DecodeQR, Image } from 'qr/decode.js'
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

/**
 * Runs the `qr` package's decoder on one RGBA frame. It throws when it finds no code, which
 * for a camera is the normal case (a frame miss), so a throw becomes "no text".
 */
export function decodeFrame(decode: DecodeQR, image: Image): string[] {
  try {
    return [decode(image)]
  } catch {
    return [] // no QR code in this frame: the next one may have it
  }
}
