/**
 * The same space open in two tabs (or an installed app and a browser tab) of one device: each
 * has its own document, and both store to the same IndexedDB, but without this neither would
 * see the other's edits until reloaded. A BroadcastChannel (same origin, same device only)
 * carries each update to the other tabs, and a tab that opens asks the others for what its
 * stored copy does not have yet (writes are batched for up to 200 ms).
 *
 * Updates from another tab go through the update guard like any other: decoded in full first,
 * held aside while they depend on changes not received yet.
 */
import * as Y from 'yjs'
import { createUpdateGuard } from './update-guard'

/** Transaction origin of updates from another tab (storage stores them like any other). */
export const FROM_TAB = Symbol('weave-from-tab')
const MAX_UPDATE_BYTES = 64 * 1024 * 1024

type TabMessage =
  | { readonly type: 'state-vector'; readonly sv: Uint8Array }
  | { readonly type: 'update'; readonly update: Uint8Array }

function readMessage(data: unknown): TabMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined
  const { type, sv, update } = data as Record<string, unknown>
  if (type === 'state-vector' && sv instanceof Uint8Array) return { type, sv }
  if (type === 'update' && update instanceof Uint8Array) return { type, update }
  return undefined
}

export interface TabSync {
  destroy(): void
}

export function createTabSync(doc: Y.Doc, channelName: string): TabSync | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined
  const channel = new BroadcastChannel(channelName)
  const guard = createUpdateGuard(doc, { maxUpdateBytes: MAX_UPDATE_BYTES })
  const post = (message: TabMessage) => channel.postMessage(message)

  channel.onmessage = (event: MessageEvent) => {
    const message = readMessage(event.data)
    if (!message) return
    if (message.type === 'state-vector') {
      let diff: Uint8Array
      try {
        diff = Y.encodeStateAsUpdate(doc, message.sv)
      } catch {
        return // not a state vector after all
      }
      if (diff.length > 2) post({ type: 'update', update: diff }) // 2 bytes: nothing to send
      return
    }
    const result = guard.receive(message.update, FROM_TAB)
    if (!result.ok) console.warn(`[sync] an update from another tab was refused: ${result.error}`)
  }
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== FROM_TAB) post({ type: 'update', update })
  }
  doc.on('update', onUpdate)
  post({ type: 'state-vector', sv: Y.encodeStateVector(doc) })

  return {
    destroy() {
      doc.off('update', onUpdate)
      channel.close()
    },
  }
}
