/**
 * The phones this device is linked to "in the room" for one space: pairing (room-pairing.ts)
 * with the space's tag, then each open channel encrypted with the room key (room-channel.ts)
 * and handed to the space's sync provider, which syncs it exactly like a signalled peer and
 * relays updates between all its peers. Each link also carries the mesh (room-mesh.ts), which
 * links the phones that did not scan each other. The status lists each link: the check both phones
 * showed, the other phone's name, how much arrived, and whether it is all up to date.
 */
import type { SyncProvider } from './provider'
import { encryptChannel, type EncryptedChannel } from './room-channel'
import { createMesh } from './room-mesh'
import { deriveRoomKey } from './room-crypto'
import { roomNameFor } from './room-name'
import {
  answerRoomOffer,
  createRoomOffer,
  readRoomCode,
  spaceTagOf,
  type Paired,
  type PairingOptions,
  type RoomAnswer,
  type RoomChannel,
  type RoomOffer,
} from './room-pairing'

export interface RoomLinkStatus {
  readonly id: number
  readonly check: string
  /** the other phone's name(s), once its presence arrived */
  readonly names: readonly string[]
  readonly receivedBytes: number
  /** its whole state arrived and everything of ours has left */
  readonly upToDate: boolean
  readonly open: boolean
  /** why it closed, when it did */
  readonly closedBecause?: string
}

export interface RoomLinks {
  /** The showing phone: a fresh offer code. */
  offer(): Promise<Paired<RoomOffer>>
  /** The scanning phone: the answer code for a scanned offer. */
  answer(text: string): Promise<Paired<RoomAnswer>>
  /**
   * What a scanned text is, before anything is done with it: an offer or an answer of this
   * space, or why it is refused. Undefined for the few milliseconds the space tag takes.
   */
  classify(text: string): Paired<'offer' | 'answer'> | undefined
  /** Start syncing over a channel that opened. */
  add(room: RoomChannel): Promise<void>
  readonly subscribe: (listener: () => void) => () => void
  readonly getSnapshot: () => readonly RoomLinkStatus[]
  destroy(): void
}

export interface RoomLinksOptions {
  readonly spaceId: string
  readonly key: string
  readonly provider: SyncProvider
  readonly iceServers?: readonly RTCIceServer[]
  /** tests: a shorter gathering cap or lifetime clock */
  readonly pairing?: Omit<PairingOptions, 'spaceTag' | 'iceServers'>
  /** tests: false links only the phones that scanned each other (updates are still relayed) */
  readonly mesh?: boolean
}

/** How often the status looks at names, bytes and buffers (nothing to subscribe to there). */
const REFRESH_MS = 250

interface Link {
  readonly id: number
  readonly room: RoomChannel
  readonly channel: EncryptedChannel
  readonly names: () => string[]
  synced: boolean
  closedBecause?: string
  close: (reason: string) => void
}

export function createRoomLinks(options: RoomLinksOptions): RoomLinks {
  const links: Link[] = []
  const listeners = new Set<() => void>()
  let snapshot: readonly RoomLinkStatus[] = []
  let nextId = 1
  let timer: ReturnType<typeof setInterval> | undefined
  let destroyed = false
  const tag = spaceTagOf(options.key)
  let knownTag: Uint8Array | undefined
  void tag.then((value) => (knownTag = value))
  const roomKey = roomNameFor(options.spaceId).then((name) => deriveRoomKey(options.key, name))
  const mesh = createMesh({
    key: roomKey,
    iceServers: options.iceServers ?? [],
    onLink: (room) => void add(room),
  })
  const pairingOptions = async (): Promise<PairingOptions> => ({
    ...options.pairing,
    spaceTag: await tag,
    iceServers: options.iceServers ?? [],
  })

  function statusOf(link: Link): RoomLinkStatus {
    const open = link.closedBecause === undefined
    return {
      id: link.id,
      check: link.room.check,
      names: link.names(),
      receivedBytes: link.channel.receivedBytes,
      upToDate: open && link.synced && link.channel.drained,
      open,
      ...(link.closedBecause !== undefined ? { closedBecause: link.closedBecause } : {}),
    }
  }

  function refresh() {
    const next = links.map(statusOf)
    if (JSON.stringify(next) === JSON.stringify(snapshot)) return
    snapshot = next
    for (const listener of [...listeners]) listener()
  }

  async function add(room: RoomChannel) {
    const key = await roomKey
    // closed while the key was derived: nothing to attach (and the send queue must never
    // refuse a frame while the provider attaches it)
    if (destroyed || room.channel.readyState !== 'open') {
      room.close()
      return
    }
    const id = nextId++
    const close = (reason: string) => {
      const link = links.find((l) => l.id === id)
      if (!link || link.closedBecause !== undefined) return
      link.closedBecause = reason
      attached.close(reason)
      room.close()
      refresh()
    }
    const channel = encryptChannel(room.channel, key, (error) => close(error))
    room.channel.addEventListener('close', () => close('the other phone left'))
    const link: Link = {
      id,
      room,
      channel,
      names: () => attached.names(),
      synced: false,
      close,
    }
    links.push(link)
    const attached = options.provider.attachChannel(channel, {
      onClose: (reason) => close(reason),
      onSynced: () => {
        link.synced = true
        refresh()
      },
      onExchange: refresh,
    })
    if (options.mesh !== false) mesh.join(room)
    timer ??= setInterval(refresh, REFRESH_MS)
    refresh()
  }

  return {
    offer: async () => createRoomOffer(await pairingOptions()),
    answer: async (text) => answerRoomOffer(text, await pairingOptions()),
    classify(text) {
      if (!knownTag) return undefined
      const read = readRoomCode(text, undefined, { ...options.pairing, spaceTag: knownTag })
      return read.ok ? { ok: true, value: read.value.kind } : read
    },
    add,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    getSnapshot: () => snapshot,
    destroy() {
      destroyed = true
      clearInterval(timer)
      mesh.destroy()
      for (const link of links) link.close('closed')
      listeners.clear()
    },
  }
}
