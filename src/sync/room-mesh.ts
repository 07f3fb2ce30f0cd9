/**
 * One scan joins the room: signalling over the mesh. Every room link carries a second
 * negotiated data channel (id 1) next to the sync channel, on which the phones tell each other
 * which phones they are linked to, and carry WebRTC offers and answers for the pairs not yet
 * linked, one hop through the phone both know. So Carla, who scanned only Ben, also links
 * directly with Amal, with no code and no server; until then, Ben relays their updates anyway.
 *
 * Every message is room-key encrypted (a phone without the space key reads and sends nothing
 * here), and the SDP carries each side's DTLS fingerprint as a scanned code does. Of two phones
 * that learn of each other, only the one with the lower mesh id offers, so they never both do.
 */
import { decryptJson, encryptJson } from './room-crypto'
import { compactDescription } from './room-code'
import {
  gather,
  GATHER_CAP_MS,
  newConnection,
  OPEN_TIMEOUT_MS,
  shortCheck,
  whenOpen,
  type RoomChannel,
} from './room-pairing'

export interface MeshOptions {
  readonly key: Promise<CryptoKey>
  readonly iceServers?: readonly RTCIceServer[]
  /** a direct link made through the mesh opened: sync over it */
  readonly onLink: (room: RoomChannel) => void
}

export interface Mesh {
  readonly id: string
  /** Carry mesh messages on a link that opened (scanned, or made through the mesh). */
  join(room: RoomChannel): void
  destroy(): void
}

type MeshMessage =
  | { readonly t: 'peers'; readonly id: string; readonly peers: readonly string[] }
  | {
      readonly t: 'signal'
      readonly from: string
      readonly to: string
      readonly type: 'offer' | 'answer'
      readonly sdp: string
    }

const MESH_ID = /^[0-9a-f]{16}$/
const MAX_SDP = 16_000

function readMessage(data: unknown): MeshMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined
  const m = data as Record<string, unknown>
  if (m.t === 'peers' && typeof m.id === 'string' && MESH_ID.test(m.id) && Array.isArray(m.peers)) {
    const peers = m.peers.filter((p): p is string => typeof p === 'string' && MESH_ID.test(p))
    return { t: 'peers', id: m.id, peers: peers.slice(0, 64) }
  }
  if (
    m.t === 'signal' &&
    typeof m.from === 'string' &&
    typeof m.to === 'string' &&
    (m.type === 'offer' || m.type === 'answer') &&
    typeof m.sdp === 'string' &&
    m.sdp.length <= MAX_SDP
  )
    return { t: 'signal', from: m.from, to: m.to, type: m.type, sdp: m.sdp }
  return undefined
}

interface Neighbour {
  id?: string
  send(message: MeshMessage): void
}

export function createMesh(options: MeshOptions): Mesh {
  const id = Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('')
  const neighbours = new Set<Neighbour>()
  /** peers being linked through the mesh: their connection, until it opens or fails */
  const pending = new Map<string, RTCPeerConnection>()
  let destroyed = false

  const linkedIds = () => [...neighbours].flatMap((n) => (n.id ? [n.id] : []))
  const byId = (peer: string) => [...neighbours].find((n) => n.id === peer)
  const announce = () => {
    const peers = linkedIds()
    for (const n of neighbours) n.send({ t: 'peers', id, peers })
  }

  async function open(pc: RTCPeerConnection, channel: RTCDataChannel, peer: string) {
    const local = compactDescription(pc.localDescription?.sdp ?? '')
    const remote = compactDescription(pc.remoteDescription?.sdp ?? '')
    if (!local.ok || !remote.ok) {
      pending.delete(peer)
      pc.close()
      return
    }
    const check = await shortCheck(local.value.fingerprint, remote.value.fingerprint)
    const result = await whenOpen(pc, channel, check, remote.value.fingerprint, OPEN_TIMEOUT_MS)
    pending.delete(peer)
    if (result.ok && !destroyed) options.onLink(result.value)
    else if (result.ok) result.value.close()
  }

  async function offerTo(peer: string, via: Neighbour) {
    const { pc, channel } = newConnection(options)
    pending.set(peer, pc)
    const local = await gather(pc, GATHER_CAP_MS)
    if (!local.ok || destroyed || !pc.localDescription) {
      pending.delete(peer)
      pc.close()
      return
    }
    via.send({ t: 'signal', from: id, to: peer, type: 'offer', sdp: pc.localDescription.sdp })
    pc.addEventListener('signalingstatechange', () => {
      if (pc.signalingState === 'stable') void open(pc, channel, peer)
    })
  }

  async function answer(message: MeshMessage & { t: 'signal' }, via: Neighbour) {
    if (pending.has(message.from) || byId(message.from)) return // already linked or linking
    const { pc, channel } = newConnection(options)
    pending.set(message.from, pc)
    await pc.setRemoteDescription({ type: 'offer', sdp: message.sdp })
    const local = await gather(pc, GATHER_CAP_MS)
    if (!local.ok || destroyed || !pc.localDescription) {
      pending.delete(message.from)
      pc.close()
      return
    }
    via.send({
      t: 'signal',
      from: id,
      to: message.from,
      type: 'answer',
      sdp: pc.localDescription.sdp,
    })
    void open(pc, channel, message.from)
  }

  function receive(from: Neighbour, message: MeshMessage) {
    if (message.t === 'peers') {
      const isNew = from.id === undefined
      from.id = message.id
      if (isNew) announce() // everyone else learns of the newcomer
      for (const peer of message.peers) {
        // the lower id offers; the other waits for it
        if (peer === id || byId(peer) || pending.has(peer) || id > peer) continue
        void offerTo(peer, from).catch((error: unknown) => console.warn('[room] mesh offer', error))
      }
      return
    }
    if (message.to !== id) {
      byId(message.to)?.send(message) // one hop on: the phone both of them know
      return
    }
    if (message.type === 'offer')
      void answer(message, from).catch((error: unknown) =>
        console.warn('[room] mesh answer', error),
      )
    else {
      const pc = pending.get(message.from)
      if (pc && pc.signalingState === 'have-local-offer')
        void pc
          .setRemoteDescription({ type: 'answer', sdp: message.sdp })
          .catch((error: unknown) => console.warn('[room] mesh answer refused', error))
    }
  }

  function join(room: RoomChannel) {
    if (destroyed) return
    const channel = room.connection.createDataChannel('weave-mesh', { negotiated: true, id: 1 })
    let sending = Promise.resolve()
    let receiving = Promise.resolve()
    const neighbour: Neighbour = {
      send(message) {
        sending = sending.then(async () => {
          const text = await encryptJson(message, await options.key)
          if (channel.readyState === 'open') channel.send(text)
        })
      },
    }
    channel.onopen = () => {
      neighbours.add(neighbour)
      neighbour.send({ t: 'peers', id, peers: linkedIds() })
    }
    channel.onmessage = (event: MessageEvent) => {
      const data: unknown = event.data
      if (typeof data !== 'string') return
      receiving = receiving.then(async () => {
        const message = readMessage(await decryptJson(data, await options.key))
        if (message && !destroyed) receive(neighbour, message)
      })
    }
    channel.onclose = () => {
      neighbours.delete(neighbour)
      announce()
    }
  }

  return {
    id,
    join,
    destroy() {
      destroyed = true
      for (const pc of pending.values()) pc.close()
      pending.clear()
      neighbours.clear()
    },
  }
}
