import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
// y-webrtc exports only its main entry; its room crypto is read from the package's files.
// @ts-expect-error -- no declaration for this deep path; the typed view is below
import * as webrtcCryptoUntyped from '../../../node_modules/y-webrtc/src/crypto.js'
import type * as WebrtcCrypto from '../../../node_modules/y-webrtc/dist/src/crypto'

const webrtcCrypto = webrtcCryptoUntyped as typeof WebrtcCrypto
import {
  decrypt,
  decryptJson,
  deriveRoomKey,
  encrypt,
  encryptJson,
} from '../../../src/sync/room-crypto'
import { roomNameFor } from '../../../src/sync/room-name'
import { createUpdateGuard } from '../../../src/sync/update-guard'
import { newSpaceId, newSpaceKey } from '../../../src/domain/ids'
import { fromBase64, toBase64 } from 'lib0/buffer'

describe('room name', () => {
  it('is a 64-hex hash that contains nothing of the space id, and is stable', async () => {
    const id = newSpaceId()
    const name = await roomNameFor(id)
    expect(name).toMatch(/^[0-9a-f]{64}$/)
    expect(name).not.toContain(id)
    expect(await roomNameFor(id)).toBe(name)
    expect(await roomNameFor(newSpaceId())).not.toBe(name)
  })
})

describe('room encryption', () => {
  it("interoperates with y-webrtc's own crypto in both directions", async () => {
    const secret = newSpaceKey()
    const room = await roomNameFor(newSpaceId())
    const ours = await deriveRoomKey(secret, room)
    const theirs = await webrtcCrypto.deriveKey(secret, room)
    const message = { type: 'announce', from: 'peer-a' }

    const fromThem = toBase64(await webrtcCrypto.encryptJson(message, theirs))
    expect(await decryptJson(fromThem, ours)).toEqual(message)

    const fromUs = await encryptJson(message, ours)
    expect(await webrtcCrypto.decryptJson(fromBase64(fromUs), theirs)).toEqual(message)
  })

  it('gives nothing to a wrong key, and survives tampered or garbage input', async () => {
    const room = await roomNameFor(newSpaceId())
    const key = await deriveRoomKey(newSpaceKey(), room)
    const wrong = await deriveRoomKey(newSpaceKey(), room)
    const sealed = await encrypt(new TextEncoder().encode('minutes'), key)
    expect(new TextDecoder().decode(await decrypt(sealed, key))).toBe('minutes')
    expect(await decrypt(sealed, wrong)).toBeUndefined()
    const tampered = sealed.slice()
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1
    expect(await decrypt(tampered, key)).toBeUndefined()
    expect(await decrypt(sealed.slice(0, 10), key)).toBeUndefined()
    expect(await decryptJson('not base64 at all!', key)).toBeUndefined()
    expect(await decryptJson('', key)).toBeUndefined()
  })
})

describe('update guard', () => {
  const snapshotOf = (doc: Y.Doc) => Y.encodeStateAsUpdate(doc)

  it('refuses truncated and garbage updates without touching the document', () => {
    const source = new Y.Doc()
    const map = source.getMap('groups')
    for (let i = 0; i < 50; i++) map.set(`g${i}`, `group ${i}`)
    const whole = Y.encodeStateAsUpdate(source)

    const doc = new Y.Doc()
    doc.getMap('groups').set('mine', 'kept')
    const before = snapshotOf(doc)
    let events = 0
    doc.on('update', () => events++)
    const guard = createUpdateGuard(doc, { maxUpdateBytes: 1024 * 1024 })

    expect(guard.receive(whole.slice(0, Math.floor(whole.length / 2)), 'peer')).toEqual({
      ok: false,
      error: 'malformed',
    })
    expect(guard.receive(crypto.getRandomValues(new Uint8Array(300)), 'peer')).toEqual({
      ok: false,
      error: 'malformed',
    })
    expect(events).toBe(0)
    expect(snapshotOf(doc)).toEqual(before)
    expect(doc.getMap('groups').size).toBe(1)
  })

  it('refuses an oversized update', () => {
    const source = new Y.Doc()
    source.getText('notes').insert(0, 'x'.repeat(5000))
    const guard = createUpdateGuard(new Y.Doc(), { maxUpdateBytes: 1000 })
    expect(guard.receive(Y.encodeStateAsUpdate(source), 'peer')).toEqual({
      ok: false,
      error: 'too-large',
    })
  })

  it('holds an update whose dependencies have not arrived, and applies it when they do', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    const updatesFromB: Uint8Array[] = []
    a.getText('notes').insert(0, 'Agenda')
    const first = Y.encodeStateAsUpdate(a)
    Y.applyUpdate(b, first)
    b.on('update', (update: Uint8Array) => updatesFromB.push(update))
    b.getText('notes').insert(6, ': rent') // builds on A's text

    // C hears B's edit (relayed) before A's original text.
    const c = new Y.Doc()
    const guard = createUpdateGuard(c, { maxUpdateBytes: 1024 * 1024 })
    const relayed = updatesFromB[0]!
    expect(guard.receive(relayed, 'peer')).toEqual({
      ok: true,
      value: { applied: false, held: true },
    })
    expect(guard.heldCount()).toBe(1)
    expect(c.getText('notes').toJSON()).toBe('')
    expect(c.store.pendingStructs).toBeNull() // nothing parked inside the document

    expect(guard.receive(first, 'peer')).toMatchObject({ ok: true, value: { applied: true } })
    expect(guard.heldCount()).toBe(0)
    expect(c.getText('notes').toJSON()).toBe('Agenda: rent')
    expect(c.store.pendingStructs).toBeNull()
    expect(c.store.pendingDs).toBeNull()

    // Duplicates are harmless.
    expect(guard.receive(relayed, 'peer')).toMatchObject({ ok: true, value: { held: false } })
    expect(c.getText('notes').toJSON()).toBe('Agenda: rent')
  })

  it('holds a deletion of something not received yet', () => {
    const a = new Y.Doc()
    a.getMap('groups').set('x', 'Seed Library')
    const insert = Y.encodeStateAsUpdate(a)
    const sv = Y.encodeStateVector(a)
    a.getMap('groups').delete('x')
    const deletion = Y.encodeStateAsUpdate(a, sv)
    const c = new Y.Doc()
    const guard = createUpdateGuard(c, { maxUpdateBytes: 1024 * 1024 })
    expect(guard.receive(deletion, 'peer')).toMatchObject({ ok: true, value: { held: true } })
    expect(guard.receive(insert, 'peer')).toMatchObject({ ok: true, value: { applied: true } })
    expect(c.getMap('groups').has('x')).toBe(false)
    expect(c.store.pendingDs).toBeNull()
  })
})
