/**
 * Counts the taps a job takes, the way a person would: every click or tap on a control is one,
 * typing into a field that already has focus is none (filling a field costs the tap that focuses
 * it). Jobs print their count; the issue notes compare them before and after a redesign.
 */
import type { Locator } from 'playwright-core'

export interface TapCounter {
  /** Taps the element (a click, as a thumb would). */
  tap(target: Locator): Promise<void>
  /** Taps a field, then types into it: one tap. */
  fill(target: Locator, text: string): Promise<void>
  /** Chooses an option of a native select: one tap to open, one to choose. */
  select(target: Locator, value: string | { label: string }): Promise<void>
  readonly count: number
}

export function tapCounter(): TapCounter {
  let count = 0
  return {
    async tap(target) {
      await target.click()
      count += 1
    },
    async fill(target, text) {
      await target.click()
      await target.fill(text)
      count += 1
    },
    async select(target, value) {
      await target.selectOption(value)
      count += 2
    },
    get count() {
      return count
    },
  }
}

/** One line per job, easy to find in the test output and to copy into a note. */
export function reportTaps(job: string, taps: number): void {
  console.log(`taps: ${job}: ${taps}`)
}
