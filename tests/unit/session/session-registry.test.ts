import { afterEach, describe, expect, it, vi } from 'vitest'
import { createSessionRegistry, openSession, type Session } from '../../../src/session/session'
import { openWeaveDb } from '../../../src/storage/db'
import { spaceRecord } from '../../support/unit-app'

const space = spaceRecord

afterEach(() => {
  vi.useRealTimers()
})

describe('session registry', () => {
  it('gives StrictMode-style acquire/release/acquire the same session and builds it once', () => {
    vi.useFakeTimers()
    const db = openWeaveDb(`registry-${Math.random()}`)
    const opened: Session[] = []
    const registry = createSessionRegistry(db, (d, s) => {
      const session = openSession(d, s)
      opened.push(session)
      return session
    })
    const record = space()
    const first = registry.acquire(record)
    first.release() // StrictMode unmounts…
    const second = registry.acquire(record) // …and mounts again at once
    expect(second.session).toBe(first.session)
    expect(opened).toHaveLength(1)
    second.release()
  })

  it('disposes a session a moment after its last user lets go, and reopens a fresh one later', async () => {
    vi.useFakeTimers()
    const db = openWeaveDb(`registry-${Math.random()}`)
    const registry = createSessionRegistry(db)
    const record = space()
    const { session, release } = registry.acquire(record)
    const dispose = vi.spyOn(session, 'dispose')
    release()
    release() // a second release of the same handle does nothing
    expect(dispose).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(2_000)
    expect(dispose).toHaveBeenCalledTimes(1)
    vi.useRealTimers()
    const again = registry.acquire(record)
    expect(Object.is(again.session, session)).toBe(false) // not toBe: it would read the getters
    again.release()
  })

  it('keeps what was written in one session for the next one', async () => {
    const db = openWeaveDb(`registry-${Math.random()}`)
    const record = space()
    const one = openSession(db, record)
    await one.ready
    one.stores.groups.addGroup({ name: 'Seed Library', summary: '' })
    await one.dispose()
    const two = openSession(db, record)
    await two.ready
    expect(two.stores.groups.getSnapshot().items.map((g) => g.name)).toEqual(['Seed Library'])
    await two.dispose()
  })
})
