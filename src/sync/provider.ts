/**
 * Live sync of one space with the other devices that hold its key: our own WebRTC provider.
 *
 * Why it exists instead of y-webrtc (measured, TOOLCHAIN.md): y-webrtc sends a whole initial
 * sync as one data-channel message that Chromium refuses over 256 KB (and swallows the error),
 * so a bigger space never reached a new device; and two devices offering at once never
 * connected. This provider keeps y-webrtc's signalling protocol and room encryption but chunks
 * every message (chunking.ts), negotiates with perfect negotiation (peer-connection.ts), sends
 * every update from a peer through the update guard (sync-protocol.ts), and reports a status
 * the UI can show (sync-status.ts). It stores nothing: the storage adapter stores every doc
 * update whatever its origin. Offline edits go out by itself when a peer appears (sync step 1/2
 * on every new channel).
 */
import type * as Y from 'yjs'
import { Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness'
import { DEFAULT_LIMITS } from './chunking'
import {
  createPeerLink,
  readSignal,
  STALLED,
  type LinkEvent,
  type PeerLink,
} from './peer-connection'
import { deriveRoomKey } from './room-crypto'
import { roomNameFor } from './room-name'
import { createSignallingClient, type SignallingClient } from './signalling-client'
import type { BinaryChannel } from './chunking'
import { attachPeerChannel } from './peer-channel'
import type { PeerSync } from './sync-protocol'
import {
  createStatusStore,
  namesOf,
  presentPeers,
  type PresenceState,
  type PresentPeer,
  type StatusStore,
} from './sync-status'
import { createUpdateGuard } from './update-guard'

export interface SyncProviderOptions {
  readonly doc: Y.Doc
  readonly spaceId: string
  /** the space's secret key: encrypts everything that passes through signalling */
  readonly key: string
  /** from Settings; no default, so no request goes to a host the user did not choose */
  readonly signallingUrls: readonly string[]
  /** from Settings; may be empty (same network or loopback only) */
  readonly iceServers: readonly RTCIceServer[]
  readonly localState?: PresenceState
  readonly maxMessageBytes?: number
  readonly maxPeers?: number
  /** Tests only. autoConnect false: peers are discovered but links start only via connectTo. */
  readonly testHooks?: {
    readonly autoConnect?: boolean
    /** Both sides make the first offer at the same moment (see PeerLinkOptions.forceGlare). */
    readonly forceGlare?: boolean
  }
}

export interface SyncProviderDebug {
  readonly roomName: string | undefined
  readonly knownPeers: readonly string[]
  readonly openPeers: readonly string[]
  readonly events: Readonly<
    Record<LinkEvent | 'dropped' | 'undecryptable' | 'signal-without-link', number>
  >
  readonly lastError: string | undefined
  /** Per remote peer: polite or not, and the connection's states. */
  readonly links: readonly string[]
}

export interface SyncProvider {
  readonly status: StatusStore
  readonly awareness: Awareness
  /** random per provider: not tied to the device or the person */
  readonly peerId: string
  connect(): void
  disconnect(): void
  destroy(): void
  setLocalState(state: PresenceState | null): void
  presentPeers(): PresentPeer[]
  /** resolves once the room key is derived (connect() starts this) */
  ready(): Promise<void>
  /**
   * Sync over a channel opened some other way (a room link paired by QR codes, room-link.ts):
   * the same framing, protocol and update guard as a signalled peer, and updates relayed
   * between all peers (never back to the one they came from).
   */
  attachChannel(channel: BinaryChannel, callbacks: AttachCallbacks): AttachedPeer
  /** Test hook: start a link to a known peer now. */
  connectTo(remoteId: string): void
  debug(): SyncProviderDebug
}

export interface AttachCallbacks {
  readonly onClose: (reason: string) => void
  readonly onSynced?: () => void
  readonly onExchange?: () => void
}

export interface AttachedPeer {
  readonly sync: PeerSync
  /** Names the peer announced (its presence). */
  names(): string[]
  close(reason?: string): void
}

interface Peer {
  readonly link: PeerLink
  sync?: PeerSync
}

const ANNOUNCE_EVERY_MS = 30_000
const BLOCK_MS = 60_000
const PEER_ID = /^[0-9a-f]{32}$/

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

export function createSyncProvider(options: SyncProviderOptions): SyncProvider {
  const { doc } = options
  const peerId = randomId()
  const maxMessageBytes = options.maxMessageBytes ?? DEFAULT_LIMITS.maxMessageBytes
  const maxPeers = options.maxPeers ?? 20
  const autoConnect = options.testHooks?.autoConnect ?? true
  const awareness = new Awareness(doc)
  awareness.setLocalState(options.localState ?? null)
  const guard = createUpdateGuard(doc, { maxUpdateBytes: maxMessageBytes })
  const status = createStatusStore()
  const peers = new Map<string, Peer>()
  const known = new Set<string>()
  /** peers that broke the protocol are not reconnected for a while */
  const blockedUntil = new Map<string, number>()
  const events: Record<string, number> = {}
  let lastError: string | undefined
  let roomName: string | undefined
  let signalling: SignallingClient | undefined
  let preparing: Promise<void> | undefined
  let wanted = false
  let destroyed = false
  let announcer: ReturnType<typeof setInterval> | undefined

  const count = (name: string) => (events[name] = (events[name] ?? 0) + 1)
  const online = () => typeof navigator === 'undefined' || navigator.onLine
  const openPeers = () => [...peers.values()].filter((p) => p.sync && p.link.isOpen)
  /** syncs over channels attached from outside (room links) */
  const attached = new Set<PeerSync>()

  function refresh() {
    status.update({
      online: online(),
      started: wanted,
      signallingOpen: signalling?.openCount ?? 0,
      signallingConnecting: wanted && !signalling ? 1 : (signalling?.connectingCount ?? 0),
      peers: openPeers().length + attached.size,
    })
  }

  const recordExchange = (peer: Peer) =>
    status.recordExchange(peer.sync ? namesOf(awareness, peer.sync.clients) : [])

  function publish(data: Record<string, unknown>) {
    signalling?.publish({ ...data, from: peerId })
  }

  function dropPeer(remoteId: string, reason: string) {
    const peer = peers.get(remoteId)
    if (!peer) return
    peers.delete(remoteId)
    peer.sync?.destroy()
    peer.link.close(reason)
    refresh()
  }

  function onChannelOpen(peer: Peer, channel: RTCDataChannel) {
    const remoteId = peer.link.remoteId
    const violation = (error: string) => {
      lastError = error
      count('dropped')
      console.warn(`[sync] dropping peer: ${error}`)
      status.recordRefusal(error)
      blockedUntil.set(remoteId, Date.now() + BLOCK_MS)
      dropPeer(remoteId, error)
    }
    const sync = attachPeerChannel(channel, {
      doc,
      awareness,
      guard,
      maxMessageBytes,
      onViolation: violation,
      onRefused: () => dropPeer(remoteId, 'channel refused a frame'),
      onExchange: () => recordExchange(peer),
    })
    peer.sync = sync
    refresh()
  }

  function startLink(remoteId: string): Peer | undefined {
    const existing = peers.get(remoteId)
    if (existing) return existing
    if (peers.size >= maxPeers || !signalling) return undefined
    if ((blockedUntil.get(remoteId) ?? 0) > Date.now()) return undefined
    const link: PeerLink = createPeerLink({
      localId: peerId,
      remoteId,
      iceServers: options.iceServers,
      sendSignal: (signal) => publish({ type: 'signal', to: remoteId, signal }),
      onOpen: (channel) => onChannelOpen(peer, channel),
      onClose: (reason) => {
        if (peers.get(remoteId) !== peer) return
        dropPeer(remoteId, 'link closed')
        // a stalled link is cured by a fresh one; jitter, so both sides do not start together
        if (reason === STALLED && known.has(remoteId) && wanted)
          setTimeout(() => startLink(remoteId), 200 + Math.random() * 600)
      },
      onEvent: count,
      forceGlare: options.testHooks?.forceGlare ?? false,
    })
    const peer: Peer = { link }
    peers.set(remoteId, peer)
    return peer
  }

  function attachChannel(channel: BinaryChannel, callbacks: AttachCallbacks): AttachedPeer {
    // the callbacks below run only after attachPeerChannel returned (messages arrive later)
    const drop = (reason: string) => {
      if (!attached.delete(sync)) return
      sync.destroy()
      refresh()
      callbacks.onClose(reason)
    }
    const sync: PeerSync = attachPeerChannel(channel, {
      doc,
      awareness,
      guard,
      maxMessageBytes,
      onViolation: (error) => {
        lastError = error
        count('dropped')
        console.warn(`[sync] dropping room peer: ${error}`)
        drop(error)
      },
      onRefused: () => drop('channel refused a frame'),
      onExchange: () => {
        status.recordExchange(namesOf(awareness, sync.clients))
        callbacks.onExchange?.()
      },
      ...(callbacks.onSynced ? { onSynced: callbacks.onSynced } : {}),
    })
    attached.add(sync)
    refresh()
    return {
      sync,
      names: () => namesOf(awareness, sync.clients),
      close: (reason = 'closed') => drop(reason),
    }
  }

  function onSignallingMessage(data: Record<string, unknown>) {
    const from = data.from
    if (typeof from !== 'string' || from === peerId || !PEER_ID.test(from)) return
    if (data.to !== undefined && data.to !== peerId) return
    switch (data.type) {
      case 'announce': {
        const isNew = !known.has(from)
        known.add(from)
        // A newcomer's announce is answered (addressed to it) so it learns about us too; the
        // one who received the announce starts the link, so normally only one side offers.
        if (data.reply !== true) {
          if (isNew) publish({ type: 'announce', to: from, reply: true })
          if (autoConnect) startLink(from)
        }
        return
      }
      case 'leave':
        known.delete(from)
        dropPeer(from, 'peer left')
        return
      case 'signal': {
        known.add(from)
        // Only an offer or a request for one may start a link: stale candidates or answers of
        // a closed link must not bring it back.
        const signal = readSignal(data.signal)
        if (!signal) return
        const starts =
          'request' in signal || ('description' in signal && signal.description.type === 'offer')
        const peer = peers.get(from) ?? (starts ? startLink(from) : undefined)
        if (peer) peer.link.signal(signal)
        else count('signal-without-link')
        return
      }
      default:
    }
  }

  const onDocUpdate = (update: Uint8Array, origin: unknown) => {
    for (const peer of openPeers()) if (peer.sync?.origin !== origin) peer.sync?.sendUpdate(update)
    for (const sync of attached) if (sync.origin !== origin) sync.sendUpdate(update)
  }
  const onAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    if (origin !== 'local') return
    const update = encodeAwarenessUpdate(awareness, [
      ...change.added,
      ...change.updated,
      ...change.removed,
    ])
    for (const peer of openPeers()) peer.sync?.sendAwareness(update)
    for (const sync of attached) sync.sendAwareness(update)
  }
  // Offline (no network interface at all), links die anyway: leave cleanly, and come back by
  // ourselves when the browser is online again. Edits made meanwhile go out on the new links.
  let resumeWhenOnline = false
  const onOffline = () => {
    resumeWhenOnline ||= wanted
    disconnect()
    refresh()
  }
  const onOnline = () => {
    if (resumeWhenOnline) {
      resumeWhenOnline = false
      connect()
    } else signalling?.reconnectNow()
    refresh()
  }
  // A page that goes away (closed, or into the back/forward cache) says goodbye at once, so
  // the others see it leave now rather than when their connection times out, and closes its
  // sockets before the page is frozen: an open WebSocket keeps a page out of the back/forward
  // cache, so Back would reload the whole app. pageshow (restored) connects again.
  let leftOnHide = false
  const onPageHide = () => {
    leftOnHide = wanted
    disconnect({ now: true })
  }
  const onPageShow = (event: PageTransitionEvent) => {
    if (event.persisted && leftOnHide) connect()
  }
  doc.on('update', onDocUpdate)
  awareness.on('update', onAwarenessUpdate)
  if (typeof window !== 'undefined') {
    window.addEventListener('online', onOnline)
    window.addEventListener('offline', onOffline)
    window.addEventListener('pagehide', onPageHide)
    window.addEventListener('pageshow', onPageShow)
  }

  function prepare(): Promise<void> {
    preparing ??= (async () => {
      const name: string = await roomNameFor(options.spaceId)
      roomName = name
      const key = await deriveRoomKey(options.key, name)
      signalling = createSignallingClient({
        urls: options.signallingUrls,
        topic: name,
        key,
        onMessage: onSignallingMessage,
        onOpen: () => publish({ type: 'announce' }),
        onChange: refresh,
        onUndecryptable: () => count('undecryptable'),
      })
    })()
    return preparing
  }

  function connect() {
    if (destroyed || wanted) return
    wanted = true
    refresh()
    prepare()
      .then(() => {
        if (!wanted || !signalling) return
        signalling.start()
        announcer = setInterval(() => publish({ type: 'announce' }), ANNOUNCE_EVERY_MS)
        refresh()
      })
      .catch((error: unknown) => {
        lastError = error instanceof Error ? error.message : String(error)
        console.warn('[sync] could not start', error)
        wanted = false
        refresh()
      })
  }

  /** `now`: close the sockets at once (the page is being frozen; no timer would run). */
  function disconnect(options: { now?: boolean } = {}) {
    if (!wanted) return
    wanted = false
    clearInterval(announcer)
    if (awareness.getLocalState() !== null) {
      // tell peers we are gone before the channels close
      const gone = encodeAwarenessUpdate(awareness, [doc.clientID], new Map())
      for (const peer of openPeers()) peer.sync?.sendAwareness(gone)
    }
    publish({ type: 'leave' })
    for (const remoteId of [...peers.keys()]) dropPeer(remoteId, 'disconnect')
    known.clear()
    const client = signalling
    if (options.now === true) {
      client?.stop()
      refresh()
      return
    }
    // let the leave message go out before the sockets close
    setTimeout(() => {
      if (!wanted) client?.stop()
      refresh()
    }, 50)
    refresh()
  }

  return {
    status,
    awareness,
    peerId,
    connect,
    disconnect: () => disconnect(),
    destroy() {
      if (destroyed) return
      disconnect()
      destroyed = true
      for (const sync of [...attached]) {
        attached.delete(sync)
        sync.destroy()
      }
      doc.off('update', onDocUpdate)
      awareness.off('update', onAwarenessUpdate)
      if (typeof window !== 'undefined') {
        window.removeEventListener('online', onOnline)
        window.removeEventListener('offline', onOffline)
        window.removeEventListener('pagehide', onPageHide)
        window.removeEventListener('pageshow', onPageShow)
      }
      removeAwarenessStates(awareness, [doc.clientID], 'destroy')
      awareness.destroy()
    },
    setLocalState: (state) => awareness.setLocalState(state),
    presentPeers: () => presentPeers(awareness),
    ready: prepare,
    attachChannel,
    connectTo(remoteId) {
      startLink(remoteId)
    },
    debug: () => ({
      roomName,
      knownPeers: [...known],
      openPeers: openPeers().map((p) => p.link.remoteId),
      events: { ...events } as SyncProviderDebug['events'],
      lastError,
      links: [...peers.values()].map(
        ({ link }) =>
          `${link.remoteId.slice(0, 6)} ${link.polite ? 'polite' : 'impolite'} ${link.state}`,
      ),
    }),
  }
}
