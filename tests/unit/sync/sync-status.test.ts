import { describe, expect, it } from 'vitest'
import { createStatusStore, deriveState, refusalReason } from '../../../src/sync/sync-status'

const inputs = (over: Partial<Parameters<typeof deriveState>[0]> = {}) => ({
  online: true,
  started: true,
  signallingOpen: 0,
  signallingConnecting: 0,
  peers: 0,
  ...over,
})

describe('the sync state tells the phone being offline from the server being out of reach', () => {
  it('is offline only with no network or with live sync stopped', () => {
    expect(deriveState(inputs({ online: false }))).toBe('offline')
    expect(deriveState(inputs({ started: false }))).toBe('offline')
    expect(deriveState(inputs({ online: false, peers: 1 }))).toBe('connected')
  })

  it('is unreachable when online and no server answers, looking when one does', () => {
    expect(deriveState(inputs())).toBe('unreachable')
    expect(deriveState(inputs({ signallingConnecting: 1 }))).toBe('connecting')
    expect(deriveState(inputs({ signallingOpen: 1 }))).toBe('looking')
  })

  it('stays unreachable while it tries again, so the words do not flicker at each retry', () => {
    const store = createStatusStore()
    store.update(inputs({ signallingConnecting: 1 }))
    expect(store.getStatus().state).toBe('connecting')
    store.update(inputs())
    expect(store.getStatus().state).toBe('unreachable')
    store.update(inputs({ signallingConnecting: 1 }))
    expect(store.getStatus().state).toBe('unreachable')
    store.update(inputs({ signallingOpen: 1 }))
    expect(store.getStatus().state).toBe('looking')
  })
})

describe('a refused phone is remembered with a reason a person can act on', () => {
  it('maps guard and protocol errors to plain reasons', () => {
    expect(refusalReason('newer-schema')).toBe('newer-app')
    expect(refusalReason('over-budget')).toBe('too-large')
    expect(refusalReason('too-large')).toBe('too-large')
    expect(refusalReason('awareness update over the limit')).toBe('too-large')
    expect(refusalReason('unknown-content')).toBe('unreadable')
    expect(refusalReason('malformed message: unexpected end')).toBe('unreadable')
  })

  it('records the refusal in the status and tells listeners', () => {
    const store = createStatusStore()
    let calls = 0
    store.subscribe(() => (calls += 1))
    store.recordRefusal('newer-schema', 5_000)
    expect(store.getStatus().refused).toEqual({ at: 5_000, reason: 'newer-app' })
    expect(calls).toBe(1)
  })
})
