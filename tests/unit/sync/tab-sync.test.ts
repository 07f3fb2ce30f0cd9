import * as Y from 'yjs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createTabSync, type TabSync } from '../../../src/sync/tab-sync'

const open: TabSync[] = []
afterEach(() => {
  for (const tab of open.splice(0)) tab.destroy()
  vi.restoreAllMocks()
})

function tab(doc: Y.Doc, name: string): TabSync {
  const sync = createTabSync(doc, name)
  if (!sync) throw new Error('BroadcastChannel missing')
  open.push(sync)
  return sync
}

describe('tabs of one space on one device', () => {
  it('see each other’s edits, and a tab opened later catches up', async () => {
    const name = `space-${crypto.randomUUID()}`
    const [a, b] = [new Y.Doc(), new Y.Doc()]
    tab(a, name)
    tab(b, name)
    a.getMap('groups').set('g1', 'Food co-op')
    await vi.waitFor(() => expect(b.getMap('groups').get('g1')).toBe('Food co-op'))
    b.getMap('groups').set('g2', 'Seed library')
    await vi.waitFor(() => expect(a.getMap('groups').get('g2')).toBe('Seed library'))

    const late = new Y.Doc()
    tab(late, name)
    await vi.waitFor(() =>
      expect(late.getMap('groups').toJSON()).toEqual(a.getMap('groups').toJSON()),
    )
  })

  it('ignores what is not an update, refuses a broken one, and stops when destroyed', async () => {
    const name = `space-${crypto.randomUUID()}`
    const doc = new Y.Doc()
    const sync = tab(doc, name)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const other = new BroadcastChannel(name)
    other.postMessage({ type: 'nonsense' })
    other.postMessage({ type: 'update', update: new Uint8Array([1, 2, 3, 250, 251]) })
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith(expect.stringMatching(/refused/)))
    expect(doc.getMap('groups').size).toBe(0)

    sync.destroy()
    const writer = new Y.Doc()
    writer.getMap('groups').set('g', 'late')
    other.postMessage({ type: 'update', update: Y.encodeStateAsUpdate(writer) })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(doc.getMap('groups').size).toBe(0)
    other.close()
  })
})
