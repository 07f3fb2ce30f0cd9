/**
 * Install support: keeps the browser's `beforeinstallprompt` event for an in-app Install
 * button, and recognises iPhone/iPad Safari, which has no prompt (Share → Add to Home Screen).
 */
import { createStore } from '../session/store'
import type { InstallController, InstallStatus } from '../session/platform'

interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>
}

function isStandalone(): boolean {
  const nav = navigator as Navigator & { standalone?: boolean }
  return window.matchMedia('(display-mode: standalone)').matches || nav.standalone === true
}

function isIosSafari(): boolean {
  const ua = navigator.userAgent
  const ios =
    /iPhone|iPad|iPod/.test(ua) || (ua.includes('Macintosh') && navigator.maxTouchPoints > 1)
  return ios && /Safari/.test(ua) && !/CriOS|FxiOS|EdgiOS/.test(ua)
}

export function createInstallController(): InstallController {
  const state = createStore<InstallStatus>(
    isStandalone() ? 'installed' : isIosSafari() ? 'ios' : 'manual',
  )
  let deferred: BeforeInstallPromptEvent | undefined

  window.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault() // keep it for our own Install button
    deferred = event as BeforeInstallPromptEvent
    state.set('prompt')
  })
  window.addEventListener('appinstalled', () => {
    deferred = undefined
    state.set('installed')
  })

  return {
    state,
    async prompt() {
      if (!deferred) return false
      const event = deferred
      deferred = undefined
      await event.prompt()
      const { outcome } = await event.userChoice
      state.set(outcome === 'accepted' ? 'installed' : 'manual')
      return outcome === 'accepted'
    },
  }
}
