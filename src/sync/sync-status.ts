/**
 * What the UI shows about live sync for one space: offline / the sync server out of reach /
 * looking for peers / connected to N, who is here (names and colours from awareness), when this
 * device last exchanged changes and with whom, and the last phone whose changes were refused
 * and why (a newer app's document, too large, unreadable), so the status can say so.
 *
 * Why it exists: the provider's internals (signalling sockets, peer connections, awareness) are
 * not something React should read. This is a tiny external store (`getStatus` + `subscribe`,
 * the same object until something changes) for useSyncExternalStore, and the one place that
 * turns whatever a peer put in its awareness state into a safe `{ name, colour }`.
 */
import type { Awareness } from 'y-protocols/awareness'

/**
 * 'offline': the phone has no network (or live sync is stopped); 'unreachable': the phone is
 * online but no sync server answers (it waits to try again); 'connecting': a first try is under
 * way; 'looking': a server answers, nobody else is there; 'connected': at least one peer.
 */
export type SyncState = 'offline' | 'unreachable' | 'connecting' | 'looking' | 'connected'

/** Why the changes of a phone were refused, in the terms a person can act on. */
export type RefusalReason = 'newer-app' | 'too-large' | 'unreadable'

export interface SyncStatus {
  readonly state: SyncState
  /** peers with an open data channel */
  readonly peers: number
  /** the last time changes went either way, and the names of those peers */
  readonly lastExchange?: { readonly at: number; readonly peerNames: readonly string[] }
  /** the last phone whose changes this one refused (and dropped), and why */
  readonly refused?: { readonly at: number; readonly reason: RefusalReason }
}

/**
 * The reason a person reads for a peer dropped for `error` (an update guard error such as
 * 'newer-schema', or a protocol or framing violation): a newer app version wrote its document,
 * its changes are over this space's limits, or it sent something this app cannot read.
 */
export function refusalReason(error: string): RefusalReason {
  if (error === 'newer-schema') return 'newer-app'
  if (error === 'too-large' || error === 'over-budget' || error.includes('over the limit'))
    return 'too-large'
  return 'unreadable'
}

export interface StatusStore {
  getStatus(): SyncStatus
  subscribe(listener: () => void): () => void
}

export interface StatusInputs {
  readonly online: boolean
  /** false while live sync is stopped (not started, or disconnected): that is offline too */
  readonly started?: boolean
  readonly signallingOpen: number
  readonly signallingConnecting: number
  readonly peers: number
}

/**
 * `previous`: a retry after the server was out of reach is still 'unreachable' until it opens,
 * so the status does not flicker between "can't reach" and "nobody else here" at every retry.
 */
export function deriveState(inputs: StatusInputs, previous?: SyncState): SyncState {
  if (inputs.peers > 0) return 'connected'
  if (!inputs.online || inputs.started === false) return 'offline'
  if (inputs.signallingOpen > 0) return 'looking'
  if (inputs.signallingConnecting > 0)
    return previous === 'unreachable' ? 'unreachable' : 'connecting'
  return 'unreachable'
}

export interface WritableStatusStore extends StatusStore {
  update(inputs: StatusInputs): void
  recordExchange(peerNames: readonly string[], at?: number): void
  /** A peer was dropped for `error` (refusalReason turns it into words a person can act on). */
  recordRefusal(error: string, at?: number): void
}

export function createStatusStore(): WritableStatusStore {
  let status: SyncStatus = { state: 'offline', peers: 0 }
  const listeners = new Set<() => void>()
  const set = (next: SyncStatus) => {
    status = next
    for (const listener of [...listeners]) listener()
  }
  return {
    getStatus: () => status,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    update(inputs) {
      const state = deriveState(inputs, status.state)
      if (state === status.state && inputs.peers === status.peers) return
      set({ ...status, state, peers: inputs.peers })
    },
    recordRefusal(error, at = Date.now()) {
      const reason = refusalReason(error)
      if (status.refused?.reason === reason && at - status.refused.at < 1000) return
      set({ ...status, refused: { at, reason } })
    },
    recordExchange(peerNames, at = Date.now()) {
      const names = [...new Set(peerNames)]
      const last = status.lastExchange
      // a peer typing sends an update per keystroke: tell the UI at most once a second
      if (last && at - last.at < 1000 && last.peerNames.join('\n') === names.join('\n')) return
      set({ ...status, lastExchange: { at, peerNames: names } })
    },
  }
}

export interface PresenceState {
  readonly name: string
  readonly colour: string
}

export interface PresentPeer extends PresenceState {
  readonly clientId: number
}

export const PRESENCE_NAME_MAX = 60
const COLOUR = /^#[0-9a-fA-F]{6}$/
const FALLBACK_COLOUR = '#777777'

/** A peer can put anything in its awareness state: keep a short string name and a #rrggbb colour. */
export function readPresence(state: unknown): PresenceState | undefined {
  if (typeof state !== 'object' || state === null) return undefined
  const { name, colour } = state as Record<string, unknown>
  if (typeof name !== 'string') return undefined
  // Control characters and bidi overrides would let a name disguise itself in the UI.
  const clean = name
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim()
    .slice(0, PRESENCE_NAME_MAX)
  if (clean === '') return undefined
  return {
    name: clean,
    colour: typeof colour === 'string' && COLOUR.test(colour) ? colour : FALLBACK_COLOUR,
  }
}

/** Everyone present except this device, in a stable order. */
export function presentPeers(awareness: Awareness): PresentPeer[] {
  const out: PresentPeer[] = []
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue
    const presence = readPresence(state)
    if (presence) out.push({ clientId, ...presence })
  }
  return out.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId)
}

/** Names to record for an exchange with the peer whose device announced these awareness ids. */
export function namesOf(awareness: Awareness, clientIds: Iterable<number>): string[] {
  const states = awareness.getStates()
  const names: string[] = []
  for (const id of clientIds) {
    const presence = readPresence(states.get(id))
    if (presence) names.push(presence.name)
  }
  return names
}
