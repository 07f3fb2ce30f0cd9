/**
 * React hooks over AppServices and Sessions. Components read snapshots through
 * useSyncExternalStore and call named commands; they never touch storage or Y types.
 */
import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react'
import type { SpaceId } from '../domain/ids'
import type { SaveState, SpaceRecord } from '../storage/types'
import type { AppServices } from './app-services'
import type { Session } from './session'
import type { PresentPeer, SyncStatus } from './session-sync'
import type { Store } from './store'

export const AppServicesContext = createContext<AppServices | undefined>(undefined)

export function useAppServices(): AppServices {
  const services = useContext(AppServicesContext)
  if (!services) throw new Error('useAppServices() needs an AppServicesContext provider')
  return services
}

export function useStore<T>(store: Pick<Store<T>, 'subscribe' | 'getSnapshot'>): T {
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}

export function useSpaces(): readonly SpaceRecord[] {
  return useStore(useAppServices().spaces)
}

export function useDevice() {
  return useStore(useAppServices().device)
}

export type SessionState =
  | { readonly status: 'missing' }
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly session: Session; readonly space: SpaceRecord }

/**
 * The open session of a space: acquired on mount, released on unmount; StrictMode's double
 * mount gets the same session back from the registry.
 */
export function useSpaceSession(spaceId: SpaceId): SessionState {
  const services = useAppServices()
  const space = useSpaces().find((s) => s.id === spaceId)
  const [ready, setReady] = useState<{ session: Session; spaceId: SpaceId } | undefined>()

  useEffect(() => {
    if (!space) return
    const { session, release } = services.sessions.acquire(space)
    let live = true
    session.ready.then(
      () => live && setReady({ session, spaceId: space.id }),
      (error: unknown) => console.error('Could not load the space', error),
    )
    void services.markOpened(space.id)
    return () => {
      live = false
      release()
    }
    // Only the id matters: renaming a space must not reopen its session.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [services, space?.id])

  if (!space) return { status: 'missing' }
  if (ready?.spaceId !== space.id) return { status: 'loading' }
  return { status: 'ready', session: ready.session, space }
}

const SAVED: SaveState = { kind: 'saved', at: undefined }
const noop = () => () => undefined

export function useSaveState(session: Session | undefined): SaveState {
  return useSyncExternalStore(
    session ? session.persistence.subscribe : noop,
    session ? session.persistence.getSaveState : () => SAVED,
  )
}

const OFF: SyncStatus = { state: 'offline', peers: 0 }
const NOBODY: readonly PresentPeer[] = []

/** Live sync status of an open space (offline where it cannot sync). */
export function useSyncStatus(session: Session): SyncStatus {
  const sync = session.sync
  return useSyncExternalStore(
    sync ? sync.status.subscribe : noop,
    sync ? sync.status.getStatus : () => OFF,
  )
}

/** Who else is in the space right now. */
export function usePresent(session: Session): readonly PresentPeer[] {
  const sync = session.sync
  return useSyncExternalStore(
    sync ? sync.present.subscribe : noop,
    sync ? sync.present.getSnapshot : () => NOBODY,
  )
}
