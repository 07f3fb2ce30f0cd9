/**
 * A message that outlives one navigation ("Tenants Union saved." shown on the page the form
 * returns to): the router remounts each page, so component state cannot carry it.
 */
let pending: string | undefined

export function setFlash(message: string): void {
  pending = message
}

/** Reads the message without clearing it (StrictMode calls state initialisers twice). */
export const peekFlash = (): string => pending ?? ''

export function clearFlash(): void {
  pending = undefined
}
