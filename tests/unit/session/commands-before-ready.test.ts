// @vitest-environment happy-dom
/**
 * No command throws because a space's session is not ready yet: each one waits for the stored
 * copy itself (withReadySession), and a stored copy that cannot be loaded comes back as an
 * error value like every other expected failure.
 */
import { describe, expect, it, vi } from 'vitest'
import { newSpaceId, newSpaceKey } from '../../../src/domain/ids'
import type { Result } from '../../../src/domain/result'
import { createAppServices, type AppServices } from '../../../src/session/app-services'
import { withReadySession } from '../../../src/session/command-context'
import type { SessionRegistry, SpaceSession } from '../../../src/session/session'
import { openWeaveDb } from '../../../src/storage/db'
import type { SpaceRecord } from '../../../src/storage/types'

const PASS = 'river stones at dawn'

type Command = {
  [K in keyof AppServices]: AppServices[K] extends (...args: never[]) => unknown ? K : never
}[keyof AppServices]

/** Every command of AppServices, called on a space whose session was opened a moment ago. */
function calls(
  services: AppServices,
  space: SpaceRecord,
): Record<Exclude<Command, 'refreshStorage'>, () => Promise<Result<unknown>>> {
  const backup = async () => {
    const made = await services.backupAll(PASS)
    return new Blob([made.ok ? made.value.text : ''])
  }
  return {
    createSpace: () => services.createSpace('Another'),
    joinSpace: () =>
      services.joinSpace({ spaceId: newSpaceId(), key: newSpaceKey(), name: 'Joined' }),
    renameSpace: () => services.renameSpace(space.id, 'Renamed'),
    markOpened: () => services.markOpened(space.id),
    updateSpaceSettings: () =>
      services.updateSpaceSettings(space.id, { signallingUrls: [], iceServers: [] }),
    trashCount: () => services.trashCount(space),
    emptyTrash: () => services.emptyTrash(space),
    saveProfile: () => services.saveProfile({ displayName: 'Ana', colour: '#336699' }),
    setLocale: () => services.setLocale('en'),
    setTheme: () => services.setTheme('device'),
    setMyGroup: () => services.setMyGroup(space.id, undefined),
    markLooked: () => services.markLooked(space.id),
    markShared: () => services.markShared(space.id),
    moveToNewKey: () => services.moveToNewKey(space.id, 'Old name'),
    backupAll: () => services.backupAll(PASS),
    restoreBackup: async () => services.restoreBackup(await backup(), PASS),
    // last: it deletes the space the others use
    leaveSpace: () => services.leaveSpace(space.id),
  }
}

describe('commands before the session is ready', () => {
  it('each command answers with a Result, none throws, while the session is still loading', async () => {
    const services = await createAppServices(openWeaveDb(`before-ready-${crypto.randomUUID()}`))
    const created = await services.createSpace('Leeds network')
    if (!created.ok) throw new Error(created.error)
    const space = created.value
    // refreshStorage answers nothing: it only refreshes the storage figures React reads
    const commands = Object.keys(services).filter(
      (key) => typeof services[key as keyof AppServices] === 'function',
    )
    const table = calls(services, space)
    expect(commands.filter((name) => name !== 'refreshStorage').sort()).toEqual(
      Object.keys(table).sort(),
    )

    for (const [name, call] of Object.entries(table)) {
      await services.sessions.close(space.id) // a fresh session for each command
      const { session, release } = services.sessions.acquire(space)
      // the session is not ready here: the command must wait for it itself
      expect(() => session.stores, name).toThrow(/before it is ready/)
      const result = await call().catch((error: unknown) => ({ threw: error }))
      release()
      expect(result, name).toMatchObject({ ok: true })
    }
  }, 30_000)

  it('a space file exported or imported before the stored copy is loaded waits for it', async () => {
    const services = await createAppServices(openWeaveDb(`before-ready-${crypto.randomUUID()}`))
    const created = await services.createSpace('Leeds network')
    if (!created.ok) throw new Error(created.error)
    const { session, release } = services.sessions.acquire(created.value)
    const exported = await session.files.export('Leeds network')
    if (!exported.ok) throw new Error(exported.error)
    const imported = await session.files.import(new Blob([exported.value.text]))
    expect(imported).toEqual({
      ok: true,
      value: { changes: {}, held: false, storedBytes: 0 },
    })
    release()
  })

  it('a stored copy that cannot be loaded is an error value, and the session is let go', async () => {
    const release = vi.fn()
    const quota = Object.assign(new Error('full'), { name: 'QuotaExceededError' })
    const ready = Promise.reject(quota)
    ready.catch(() => undefined)
    const session = { ready } as unknown as SpaceSession
    const sessions = { acquire: () => ({ session, release }) } as unknown as SessionRegistry
    const use = vi.fn()
    const result = await withReadySession(sessions, {} as SpaceRecord, use)
    expect(result).toMatchObject({ ok: false, error: 'quota-exceeded' })
    expect(use).not.toHaveBeenCalled()
    expect(release).toHaveBeenCalledOnce()
  })
})
