// The post box's room id, write token and entry key, as members derive them from the space key.
import { describe, expect, it } from 'vitest'
import { derivePostboxKeys } from '../../../src/sync/postbox-keys'
import { decrypt, encrypt } from '../../../src/sync/room-crypto'
import { decodeBoxRequest } from '../../../src/sync/wire/postbox'

const KEY = 'k3y-of-the-food-network-0123456789abcdef0123456789abcd'
const OTHER = 'k3y-of-the-renters-union-0123456789abcdef0123456789abc'

describe('post box keys', () => {
  it('are the same on every member’s phone, and differ between spaces and from each other', async () => {
    const [one, two, other] = await Promise.all([
      derivePostboxKeys(KEY),
      derivePostboxKeys(KEY),
      derivePostboxKeys(OTHER),
    ])
    expect(two.room).toBe(one.room)
    expect(two.token).toBe(one.token)
    expect(other.room).not.toBe(one.room)
    expect(other.token).not.toBe(one.token)
    expect(one.token).not.toBe(one.room)
    expect(one.room).not.toContain(KEY.slice(0, 8))
  })

  it('are what the box accepts in an open request', async () => {
    const { room, token } = await derivePostboxKeys(KEY)
    const request = decodeBoxRequest(JSON.stringify({ t: 'open', room, token }), 10)
    expect(request).toEqual({ ok: true, value: { t: 'open', room, token } })
  })

  it('encrypt entries only members can read', async () => {
    const [mine, theirs, again] = await Promise.all([
      derivePostboxKeys(KEY),
      derivePostboxKeys(OTHER),
      derivePostboxKeys(KEY),
    ])
    const entry = Uint8Array.from([1, 2, 3, 4])
    const sealed = await encrypt(entry, mine.entryKey)
    expect([...(await decrypt(sealed, again.entryKey))!]).toEqual([1, 2, 3, 4])
    expect(await decrypt(sealed, theirs.entryKey)).toBeUndefined()
  })
})
