/**
 * Service-worker registration through workbox-window. A new version is offered, never forced:
 * it waits until the person accepts, and only then (after pending edits are on disk) does the
 * page switch to it and reload.
 */
import { Workbox } from 'workbox-window'
import { createStore } from '../session/store'
import type { UpdateController, UpdateStatus } from '../session/platform'

export function createUpdateController(beforeReload: () => Promise<void>): UpdateController {
  const state = createStore<UpdateStatus>('unsupported')
  if (!('serviceWorker' in navigator) || !import.meta.env.PROD) {
    return { state, check: () => Promise.resolve(), apply: () => Promise.resolve() }
  }
  const workbox = new Workbox('/sw.js', { scope: '/' })
  state.set('idle')

  workbox.addEventListener('waiting', () => state.set('available'))
  workbox.addEventListener('controlling', (event) => {
    // Reload only when this page asked for the update, never under someone typing.
    if (event.isUpdate && state.getSnapshot() === 'applying') window.location.reload()
  })

  const register = () => {
    workbox.register().catch((error: unknown) => {
      console.warn('Offline support is not available here', error)
      state.set('unsupported')
    })
  }
  // After first paint and load, so registration never competes with the first screen.
  if (document.readyState === 'complete') register()
  else window.addEventListener('load', register, { once: true })

  return {
    state,
    async check() {
      if (state.getSnapshot() === 'unsupported' || state.getSnapshot() === 'available') return
      state.set('checking')
      try {
        await workbox.update()
        // 'waiting' fires if something new was found; give it a moment to arrive.
        await new Promise((resolve) => setTimeout(resolve, 1500))
        if (state.getSnapshot() === 'checking') state.set('up-to-date')
      } catch (error) {
        console.warn('Update check failed', error)
        state.set('failed')
      }
    },
    async apply() {
      if (state.getSnapshot() !== 'available') return
      state.set('applying')
      await beforeReload()
      workbox.messageSkipWaiting()
    },
  }
}
