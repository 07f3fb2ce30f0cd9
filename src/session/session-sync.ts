/**
 * Live sync of one open space, as the UI sees it: a status (offline / looking / connected to N,
 * last exchange), who is here now, and the commands to change this device's presence or the
 * space's sync settings. Built by the session; React reads it through hooks in use-app.ts.
 *
 * Where the browser has no WebRTC (or no WebSocket), sync is 'unavailable' and nothing else
 * changes: the space still works on this device and can be shared by file.
 */
import type { SpaceDoc } from '../doc/schema'
import type { SpaceRecord, SpaceSettings } from '../storage/types'
import { createSyncProvider, type SyncProvider } from '../sync/provider'
import { createRoomLinks, type RoomLinks } from '../sync/room-link'
import {
  createStatusStore,
  type PresenceState,
  type PresentPeer,
  type RefusalReason,
  type SyncStatus,
} from '../sync/sync-status'
import { SIGNAL_PATH } from '../sync/wire/signalling'
import { canSync } from './can-sync'
import { createStore, type Store } from './store'

export type { PresenceState, PresentPeer, RefusalReason, SyncStatus }
export type { RoomLinks, RoomLinkStatus } from '../sync/room-link'
export type { PairingProblem, RoomAnswer, RoomChannel, RoomOffer } from '../sync/room-pairing'
export { CODE_LIFETIME_S } from '../sync/room-pairing'

/** The signalling server of the host that served the app: ws:// or wss:// like the page. */
export function defaultSignallingUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${SIGNAL_PATH}`
}

/** The URLs a space uses: its own list from Settings, or the app's host. */
export function signallingUrlsOf(
  settings: SpaceSettings,
  location: Pick<Location, 'protocol' | 'host'>,
): readonly string[] {
  return settings.signallingUrls.length > 0
    ? settings.signallingUrls
    : [defaultSignallingUrl(location)]
}

export { canSync } from './can-sync'

export interface SessionSync {
  /** false where this browser cannot sync live (no WebRTC) */
  readonly available: boolean
  readonly status: {
    readonly getStatus: () => SyncStatus
    readonly subscribe: (listener: () => void) => () => void
  }
  /** Everyone else present in the space now, sorted by name. */
  readonly present: Pick<Store<readonly PresentPeer[]>, 'subscribe' | 'getSnapshot'>
  /** The space's awareness, opaque here: the notes editor draws other people's cursors from it. */
  readonly awareness: unknown
  /** Phones linked in the room by QR codes (no server); undefined where sync is unavailable. */
  readonly room: RoomLinks | undefined
  /** The signalling URLs in use (for Settings to show). */
  urls(): readonly string[]
  setPresence(state: PresenceState | null): void
  /** Starts over with new settings (signalling servers, ICE servers). */
  reconfigure(settings: SpaceSettings): void
  destroy(): void
}

export interface SessionSyncOptions {
  readonly doc: SpaceDoc
  readonly space: SpaceRecord
  readonly presence: PresenceState | null
  readonly location: Pick<Location, 'protocol' | 'host'>
}

const UNAVAILABLE = createStatusStore()

/** The presence, plus the `user` field the notes editor reads to draw this person's cursor. */
function withCursor(presence: PresenceState): PresenceState {
  const cursor = { name: presence.name, color: presence.colour, colorLight: `${presence.colour}33` }
  return Object.assign({ user: cursor }, presence)
}

export function createSessionSync(options: SessionSyncOptions): SessionSync {
  const { doc, space } = options
  const present = createStore<readonly PresentPeer[]>([])
  let presence = options.presence
  let settings = space.settings
  let provider: SyncProvider | undefined
  let room: RoomLinks | undefined
  let destroyed = false
  const statusListeners = new Set<() => void>()
  let unsubscribeStatus = () => {}
  const keyOf = (peers: readonly PresentPeer[]) =>
    peers.map((p) => `${p.clientId}\u0000${p.name}\u0000${p.colour}`).join('\n')
  /** Awareness says 'change' only when a state changed; keep the same array otherwise. */
  const refreshPresent = () => {
    const next = provider?.presentPeers() ?? []
    if (keyOf(next) !== keyOf(present.getSnapshot())) present.set(next)
  }

  function start() {
    if (!canSync() || destroyed) return
    provider = createSyncProvider({
      doc,
      spaceId: space.id,
      key: space.key,
      signallingUrls: signallingUrlsOf(settings, options.location),
      iceServers: settings.iceServers,
      ...(presence ? { localState: withCursor(presence) } : {}),
    })
    room = createRoomLinks({
      spaceId: space.id,
      key: space.key,
      provider,
      iceServers: settings.iceServers,
    })
    provider.awareness.on('change', refreshPresent)
    unsubscribeStatus = provider.status.subscribe(() => {
      for (const listener of [...statusListeners]) listener()
    })
    provider.connect()
    for (const listener of [...statusListeners]) listener()
  }

  function stop() {
    unsubscribeStatus()
    room?.destroy()
    room = undefined
    provider?.awareness.off('change', refreshPresent)
    provider?.destroy()
    provider = undefined
    refreshPresent()
  }

  start()

  return {
    available: canSync(),
    status: {
      getStatus: () => (provider ?? { status: UNAVAILABLE }).status.getStatus(),
      subscribe(listener) {
        statusListeners.add(listener)
        return () => statusListeners.delete(listener)
      },
    },
    present,
    get awareness() {
      return provider?.awareness
    },
    get room() {
      return room
    },
    urls: () => signallingUrlsOf(settings, options.location),
    setPresence(state) {
      presence = state
      provider?.setLocalState(state && withCursor(state))
    },
    reconfigure(next) {
      settings = next
      stop()
      start()
    },
    destroy() {
      destroyed = true
      stop()
    },
  }
}
