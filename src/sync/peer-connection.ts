/**
 * One RTCPeerConnection to one remote device, carrying one ordered data channel.
 *
 * Why it exists: with y-webrtc, when both devices sent an offer at once neither recovered
 * ("Called in wrong state: have-remote-offer"; 5 of 9 connections never formed on a busy page,
 * TOOLCHAIN.md). Here the devices compare their random peer ids: the higher one (impolite)
 * makes the first offer; the lower one (polite) only asks for it and waits. We first resolved
 * simultaneous first offers with the W3C "perfect negotiation" rollback instead, and measured
 * about 1 connection in 25 that never formed: when the rollback came while Chromium was still
 * gathering candidates for the polite side's own offer, that connection never gathered again
 * (0 candidates sent, ICE 'new' for good, even after ICE restarts). Perfect negotiation still
 * handles later renegotiations (ICE restarts), which can collide.
 *
 * ICE candidates travel through signalling; a failed ICE connection is restarted; a link that
 * never opens or stays failed is closed so the provider can start over. Both sides create the
 * same negotiated channel (id 0), so neither waits for 'datachannel'.
 */

/** What travels through signalling for one link (inside the encrypted payload). */
export type SignalPayload =
  | { readonly description: RTCSessionDescriptionInit }
  | { readonly candidate: RTCIceCandidateInit }
  /** From the polite side: "make the first offer" (it also makes the remote start a link). */
  | { readonly request: 'offer' }

export type LinkEvent =
  | 'offer-sent'
  | 'offer-requested'
  | 'collision-ignored'
  | 'collision-rolled-back'
  | 'ice-restart'
  | 'stalled'

export interface PeerLinkOptions {
  readonly localId: string
  readonly remoteId: string
  readonly iceServers: readonly RTCIceServer[]
  readonly sendSignal: (signal: SignalPayload) => void
  readonly onOpen: (channel: RTCDataChannel) => void
  readonly onClose: (reason: string) => void
  readonly onEvent?: (event: LinkEvent) => void
  /** Close the link if the channel has not opened by then. */
  readonly openTimeoutMs?: number
  /** Test hook: both sides make the first offer, and neither processes a remote signal before
   * its own offer is out, so both are in have-local-offer: a real offer collision. */
  readonly forceGlare?: boolean
}

/** Why a link closed when starting a new one at once is the cure. */
export const STALLED = 'ICE never started'

export interface PeerLink {
  readonly remoteId: string
  readonly polite: boolean
  readonly isOpen: boolean
  /** For diagnostics: the connection's states, e.g. "stable/connected/connected/open". */
  readonly state: string
  /** Feed a signal from the remote device (already decrypted, not yet validated). */
  signal(data: unknown): void
  close(reason?: string): void
}

/** How long a disconnected link may take to come back (Chromium notices a silent peer in ~5 s). */
const FAILED_GRACE_MS = 8_000
const MAX_EARLY_CANDIDATES = 64
/** After an offer/answer exchange, how long ICE may sit at 'new' before the link starts over. */
const ICE_STALL_MS = 3_000
/** The polite side asks again for the first offer until it comes (signalling may lose it). */
const REQUEST_OFFER_EVERY_MS = 2_000

/** A signal from the network, checked field by field (it passed through other hands). */
export function readSignal(data: unknown): SignalPayload | undefined {
  if (typeof data !== 'object' || data === null) return undefined
  const { description, candidate, request } = data as Record<string, unknown>
  if (request === 'offer') return { request }
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
  /** Remote candidates received before any remote description. */
  const early: RTCIceCandidateInit[] = []
  let failedTimer: ReturnType<typeof setTimeout> | undefined
  let stallTimer: ReturnType<typeof setTimeout> | undefined
  /** candidates: sent, received, added, refused (for diagnostics) */
  const tally = { sent: 0, received: 0, added: 0, refused: 0, early: 0 }
  let requestTimer: ReturnType<typeof setInterval> | undefined
  let releaseHold: () => void = () => undefined
  let chain: Promise<void> = options.forceGlare
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
    clearTimeout(stallTimer)
    clearInterval(requestTimer)
    releaseHold()
    pc.onnegotiationneeded =
      pc.onsignalingstatechange =
      pc.onicecandidate =
      pc.oniceconnectionstatechange =
      pc.onconnectionstatechange =
        null
    channel.onopen = channel.onclose = null
    channel.close()
    pc.close()
    options.onClose(reason)
  }

  function requestOffer() {
    sendSignal({ request: 'offer' })
    emit('offer-requested')
  }

  pc.onnegotiationneeded = async () => {
    if (polite && !pc.remoteDescription && !options.forceGlare) {
      // the first offer is the impolite side's: ask for it until it arrives
      requestOffer()
      requestTimer ??= setInterval(() => {
        if (pc.remoteDescription) clearInterval(requestTimer)
        else requestOffer()
      }, REQUEST_OFFER_EVERY_MS)
      return
    }
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
    if (candidate && candidate.candidate !== '') {
      tally.sent++
      sendSignal({ candidate: candidate.toJSON() })
    }
  }
  // Measured with both devices offering at once: about 1 negotiation in 25 ended with both
  // sides 'stable' and ICE 'new' for good. The polite side's rollback came while Chromium was
  // still gathering for its own offer, and that connection never gathered again (0 candidates
  // sent; ICE restarts did not help). Such a link closes as STALLED, and the provider starts a
  // fresh one at once. It can happen only on a collision, which first offers no longer make.
  pc.onsignalingstatechange = () => {
    clearTimeout(stallTimer)
    if (pc.signalingState !== 'stable' || !pc.remoteDescription) return
    stallTimer = setTimeout(() => {
      if (closed || pc.iceConnectionState !== 'new' || channel.readyState === 'open') return
      emit('stalled')
      close(STALLED)
    }, ICE_STALL_MS)
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
    if ('request' in signal) {
      if (polite) return
      if (pc.signalingState === 'have-local-offer' && pc.localDescription) {
        sendSignal({ description: pc.localDescription.toJSON() }) // it may have been lost
      } else if (pc.remoteDescription && channel.readyState !== 'open') {
        close('peer asked to start over') // the remote side has a new link; so will we
      }
      return
    }
    if ('description' in signal) {
      const { description } = signal
      // the same offer again (asked for twice while it was on its way): already answered
      if (description.type === 'offer' && description.sdp === pc.remoteDescription?.sdp) return
      clearInterval(requestTimer)
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
      // Candidates that arrived before this description (an icecandidate event can fire
      // before the sender's own offer went out) are added now instead of being lost.
      for (const candidate of early.splice(0)) {
        await pc.addIceCandidate(candidate).then(
          () => tally.added++,
          () => tally.refused++,
        )
      }
      if (description.type === 'offer') {
        await pc.setLocalDescription()
        if (pc.localDescription) sendSignal({ description: pc.localDescription.toJSON() })
      }
      return
    }
    tally.received++
    if (!pc.remoteDescription) {
      tally.early++
      // Kept even while ignoring a colliding offer: the answer that follows may reuse the same
      // ICE credentials; a candidate that does not match is refused by addIceCandidate later.
      if (early.length < MAX_EARLY_CANDIDATES) early.push(signal.candidate)
      return
    }
    try {
      await pc.addIceCandidate(signal.candidate)
      tally.added++
    } catch (error) {
      tally.refused++
      if (!ignoreOffer) throw error // candidates of an offer we ignored are expected to fail
    }
  }

  return {
    remoteId,
    polite,
    get isOpen() {
      return channel.readyState === 'open'
    },
    get state() {
      const { sent, received, added, refused, early: held } = tally
      const states = `${pc.signalingState}/${pc.iceConnectionState}/${pc.connectionState}/${channel.readyState}`
      return `${states} candidates sent ${sent} received ${received} early ${held} added ${added} refused ${refused}`
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
