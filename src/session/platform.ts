/**
 * Contracts for what the platform offers (service-worker updates, install prompts).
 * app/ implements them with workbox-window and browser events; features only see these.
 */
import type { Store } from './store'

export type UpdateStatus =
  'unsupported' | 'idle' | 'checking' | 'up-to-date' | 'available' | 'applying' | 'failed'

export interface UpdateController {
  readonly state: Pick<Store<UpdateStatus>, 'subscribe' | 'getSnapshot'>
  /** Asks the server for a newer version now. */
  check(): Promise<void>
  /** Saves everything, then switches to the waiting version and reloads. */
  apply(): Promise<void>
}

export type InstallStatus =
  /** The browser offers its own install prompt. */
  | 'prompt'
  /** iPhone/iPad Safari: installing is "Share → Add to Home Screen". */
  | 'ios'
  | 'installed'
  /** Nothing to offer from inside the page (the browser menu may still have it). */
  | 'manual'

export interface InstallController {
  readonly state: Pick<Store<InstallStatus>, 'subscribe' | 'getSnapshot'>
  /** Shows the browser's install prompt; resolves true if the person accepted. */
  prompt(): Promise<boolean>
}
