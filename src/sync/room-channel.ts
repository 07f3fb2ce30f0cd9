/**
 * A room link's data channel with every frame encrypted by the space's room key (AES-GCM, as
 * the provider encrypts signalling: room-crypto.ts). DTLS already protects the link from the
 * network; this makes the space key, not the scanned code, what lets a phone read or write the
 * space: a photo of a code is not enough. Frames stay in order (one chain each way), and bytes
 * waiting to be encrypted count in `bufferedAmount`, so the send queue's back-pressure still
 * holds. A frame that does not decrypt ends the link.
 */
import type { BinaryChannel } from './chunking'
import { decrypt, encrypt } from './room-crypto'

export interface EncryptedChannel extends BinaryChannel {
  /** plaintext bytes received so far */
  readonly receivedBytes: number
  /** nothing waiting to be encrypted or sent */
  readonly drained: boolean
}

export function encryptChannel(
  channel: RTCDataChannel,
  key: CryptoKey,
  onBadFrame: (error: string) => void,
): EncryptedChannel {
  let pendingBytes = 0
  let receivedBytes = 0
  let sending = Promise.resolve()
  let receiving = Promise.resolve()
  let failed = false

  const wrapper: EncryptedChannel = {
    send(frame) {
      if (channel.readyState !== 'open') throw new Error('room link is closed')
      pendingBytes += frame.length
      sending = sending.then(async () => {
        const cipher = await encrypt(frame, key)
        pendingBytes -= frame.length
        if (channel.readyState !== 'open') return
        channel.send(cipher as Uint8Array<ArrayBuffer>)
        // the channel's own event fires only when its buffer falls past the threshold; bytes
        // that left the encryption queue can also free room
        if (wrapper.bufferedAmount <= channel.bufferedAmountLowThreshold)
          wrapper.onbufferedamountlow?.call(undefined as never, new Event('bufferedamountlow'))
      })
    },
    get bufferedAmount() {
      return channel.bufferedAmount + pendingBytes
    },
    get bufferedAmountLowThreshold() {
      return channel.bufferedAmountLowThreshold
    },
    set bufferedAmountLowThreshold(value: number) {
      channel.bufferedAmountLowThreshold = value
    },
    onbufferedamountlow: null,
    onmessage: null,
    get receivedBytes() {
      return receivedBytes
    },
    get drained() {
      return pendingBytes === 0 && channel.bufferedAmount === 0
    },
  }

  channel.onbufferedamountlow = (event) =>
    wrapper.onbufferedamountlow?.call(undefined as never, event)
  channel.onmessage = (event: MessageEvent) => {
    const data: unknown = event.data
    receiving = receiving.then(async () => {
      if (failed) return
      const plain =
        data instanceof ArrayBuffer ? await decrypt(new Uint8Array(data), key) : undefined
      if (!plain) {
        failed = true
        onBadFrame('a frame that the room key does not open')
        return
      }
      receivedBytes += plain.length
      wrapper.onmessage?.call(
        undefined as never,
        new MessageEvent('message', { data: plain.buffer }),
      )
    })
  }
  return wrapper
}
