/**
 * One RTCPeerConnection to one remote device, negotiated with the W3C "perfect negotiation"
 * pattern, carrying one ordered data channel.
 *
 * Why it exists: with y-webrtc, when both devices sent an offer at once neither recovered
 * ("Called in wrong state: have-remote-offer"; 5 of 9 connections never formed on a busy page,
 * TOOLCHAIN.md). Here the devices compare their random peer ids: the lower one is polite (it
 * rolls its own offer back and answers), the higher one ignores the colliding offer. ICE
 * candidates travel through signalling; a failed ICE connection is restarted; a link that never
 * opens or stays failed is closed so the provider can start over.
 *
 * Both sides create the same negotiated channel (id 0), so neither waits for 'datachannel'.
 */

/** What travels through signalling for one link (inside the encrypted payload). */
export type SignalPayload =
  { readonly description: RTCSessionDescriptionInit } | { readonly candidate: RTCIceCandidateInit }

export type LinkEvent = 'offer-sent' | 'collision-ignored' | 'collision-rolled-back' | 'ice-restart'

export interface PeerLinkOptions {
  readonly localId: string
  readonly remoteId: string
  readonly iceServers: readonly RTCIceServer[]
  readonly sendSignal: (signal: SignalPayload) => void
  readonly onOpen: (channel: RTCDataChannel) => void
  readonly onClose: (reason: string) => void
  readonly onEvent?: (event: LinkEvent) => void
  /** Test hook: process no remote signal before our own first offer is sent, which forces
   * both devices into have-local-offer when both start at the same moment. */
  readonly holdSignalsUntilOffered?: boolean
  /** Close the link if the channel has not opened by then. */
  readonly openTimeoutMs?: number
}

export interface PeerLink {
  readonly remoteId: string
  readonly polite: boolean
  readonly isOpen: boolean
  /** Feed a signal from the remote device (already decrypted, not yet validated). */
  signal(data: unknown): void
  close(reason?: string): void
}

const FAILED_GRACE_MS = 15_000

/** A signal from the network, checked field by field (it passed through other hands). */
export function readSignal(data: unknown): SignalPayload | undefined {
  if (typeof data !== 'object' || data === null) return undefined
  const { description, candidate } = data as Record<string, unknown>
  if (typeof description === 'object' && description !== null) {
    const { type, sdp } = description as Record<string, unknown>
    if ((type === 'offer' || type === 'answer') && typeof sdp === 'string')
      return { description: { type, sdp } }
    return undefined
  }
  if (typeof candidate === 'object' && candidate !== null) {
    const c = candidate as Record<string, unknown>
    if (typeof c.candidate !== 'string') return undefined
    const init: RTCIceCandidateInit = { candidate: c.candidate }
    if (typeof c.sdpMid === 'string') init.sdpMid = c.sdpMid
    if (typeof c.sdpMLineIndex === 'number') init.sdpMLineIndex = c.sdpMLineIndex
    if (typeof c.usernameFragment === 'string') init.usernameFragment = c.usernameFragment
    return { candidate: init }
  }
  return undefined
}

export function createPeerLink(options: PeerLinkOptions): PeerLink {
  const { localId, remoteId, sendSignal } = options
  const polite = localId < remoteId
  const pc = new RTCPeerConnection({ iceServers: [...options.iceServers] })
  const channel = pc.createDataChannel('weave-sync', { negotiated: true, id: 0, ordered: true })
  channel.binaryType = 'arraybuffer'
  const emit = (event: LinkEvent) => options.onEvent?.(event)

  let closed = false
  let makingOffer = false
  let ignoreOffer = false
  let settingRemoteAnswer = false
  let failedTimer: ReturnType<typeof setTimeout> | undefined
  let releaseHold: () => void = () => undefined
  let chain: Promise<void> = options.holdSignalsUntilOffered
    ? new Promise<void>((resolve) => {
        releaseHold = resolve
        setTimeout(resolve, 5_000) // never hold forever
      })
    : Promise.resolve()

  const openTimer = setTimeout(
    () => close('channel did not open in time'),
    options.openTimeoutMs ?? 30_000,
  )

  function close(reason = 'closed') {
    if (closed) return
    closed = true
    clearTimeout(openTimer)
    clearTimeout(failedTimer)
    releaseHold()
    pc.onnegotiationneeded =
      pc.onicecandidate =
      pc.oniceconnectionstatechange =
      pc.onconnectionstatechange =
        null
    channel.onopen = channel.onclose = null
    channel.close()
    pc.close()
    options.onClose(reason)
  }

  pc.onnegotiationneeded = async () => {
    try {
      makingOffer = true
      await pc.setLocalDescription()
      if (closed || !pc.localDescription) return
      sendSignal({ description: pc.localDescription.toJSON() })
      emit('offer-sent')
    } catch (error) {
      console.warn('[sync] could not make an offer', error)
    } finally {
      makingOffer = false
      releaseHold()
    }
  }
  pc.onicecandidate = ({ candidate }) => {
    if (candidate && candidate.candidate !== '') sendSignal({ candidate: candidate.toJSON() })
  }
  pc.oniceconnectionstatechange = () => {
    if (pc.iceConnectionState === 'failed') {
      emit('ice-restart')
      pc.restartIce()
    }
  }
  pc.onconnectionstatechange = () => {
    const state = pc.connectionState
    if (state === 'failed' || state === 'disconnected') {
      failedTimer ??= setTimeout(() => close(`connection ${state}`), FAILED_GRACE_MS)
    } else if (state === 'connected') {
      clearTimeout(failedTimer)
      failedTimer = undefined
    } else if (state === 'closed') close('connection closed')
  }
  channel.onopen = () => {
    clearTimeout(openTimer)
    options.onOpen(channel)
  }
  channel.onclose = () => close('channel closed')

  async function handle(signal: SignalPayload) {
    if (closed) return
    if ('description' in signal) {
      const { description } = signal
      const readyForOffer = !makingOffer && (pc.signalingState === 'stable' || settingRemoteAnswer)
      const collision = description.type === 'offer' && !readyForOffer
      ignoreOffer = !polite && collision
      if (ignoreOffer) {
        emit('collision-ignored')
        return
      }
      if (collision) emit('collision-rolled-back')
      settingRemoteAnswer = description.type === 'answer'
      await pc.setRemoteDescription(description) // rolls our own offer back when polite
      settingRemoteAnswer = false
      if (description.type === 'offer') {
        await pc.setLocalDescription()
        if (pc.localDescription) sendSignal({ description: pc.localDescription.toJSON() })
      }
      return
    }
    try {
      await pc.addIceCandidate(signal.candidate)
    } catch (error) {
      if (!ignoreOffer) throw error // candidates of an offer we ignored are expected to fail
    }
  }

  return {
    remoteId,
    polite,
    get isOpen() {
      return channel.readyState === 'open'
    },
    signal(data) {
      const signal = readSignal(data)
      if (!signal) return
      chain = chain
        .then(() => handle(signal))
        .catch((error: unknown) => {
          settingRemoteAnswer = false
          console.warn('[sync] signal from a peer failed', error)
        })
    },
    close,
  }
}
