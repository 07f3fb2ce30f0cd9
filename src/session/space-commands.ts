/**
 * The spaces on this device: create, join by invite, rename, leave, their sync settings and
 * their trash. Every command that changes the list reloads it, whatever the outcome.
 */
import { newSpaceId, newSpaceKey, type SpaceId } from '../domain/ids'
import { ok } from '../domain/result'
import type { Invite } from '../domain/invite'
import type { SpaceRecord, SpaceSettings, StorageResult } from '../storage/types'
import { DEFAULT_SIGNALLING, withReadySession, type CommandContext } from './command-context'

export interface SpaceCommands {
  createSpace(name: string): Promise<StorageResult<SpaceRecord>>
  /** Adds the space of an invite, or returns the one already on this device (never a copy). */
  joinSpace(invite: Invite): Promise<StorageResult<SpaceRecord>>
  renameSpace(id: SpaceId, name: string): Promise<StorageResult>
  /** Deletes the space and all its data from this device. Other devices keep their copies. */
  leaveSpace(id: SpaceId): Promise<StorageResult>
  markOpened(id: SpaceId): Promise<StorageResult>
  /** Stores a space's sync settings and restarts its live sync with them if it is open. */
  updateSpaceSettings(id: SpaceId, settings: SpaceSettings): Promise<StorageResult>
  /** How many deleted things the space keeps (groups, meetings, skills, templates). */
  trashCount(space: SpaceRecord): Promise<StorageResult<number>>
  /** Removes the space's deleted things for good; answers how many. */
  emptyTrash(space: SpaceRecord): Promise<StorageResult<number>>
}

export function createSpaceCommands(
  context: CommandContext,
  markShared: (spaceId: SpaceId) => Promise<StorageResult>,
): SpaceCommands {
  const { spaceRepo, sessions, report, reloadSpaces } = context
  return {
    async createSpace(name) {
      const now = Date.now()
      const record: SpaceRecord = {
        id: newSpaceId(),
        name: name.trim(),
        key: newSpaceKey(),
        settings: { signallingUrls: DEFAULT_SIGNALLING, iceServers: [] },
        createdAt: now,
        openedAt: now,
      }
      const result = report(await spaceRepo.addSpace(record))
      await reloadSpaces()
      return result
    },
    async joinSpace(invite) {
      const now = Date.now()
      // a space that came by invite is shared by definition
      await markShared(invite.spaceId)
      const result = report(
        await spaceRepo.addSpace({
          id: invite.spaceId,
          name: invite.name,
          key: invite.key,
          settings: { signallingUrls: DEFAULT_SIGNALLING, iceServers: [] },
          createdAt: now,
          openedAt: now,
        }),
      )
      await reloadSpaces()
      return result
    },
    async renameSpace(id, name) {
      const result = report(await spaceRepo.renameSpace(id, name.trim()))
      await reloadSpaces()
      return result
    },
    async leaveSpace(id) {
      await sessions.close(id)
      const result = report(await spaceRepo.removeSpace(id))
      await reloadSpaces()
      return result
    },
    async markOpened(id) {
      // not reported: failing to reorder the list is not worth an alert
      const result = await spaceRepo.touchSpace(id)
      await reloadSpaces()
      return result
    },
    async updateSpaceSettings(id, settings) {
      const result = report(await spaceRepo.updateSpaceSettings(id, settings))
      if (result.ok) {
        for (const session of sessions.open())
          if (session.spaceId === id) session.sync?.reconfigure(settings)
      }
      await reloadSpaces()
      return result
    },
    trashCount: (space) =>
      withReadySession(sessions, space, (session) => ok(session.stores.trashCount())),
    emptyTrash: (space) =>
      withReadySession(sessions, space, (session) => ok(session.stores.emptyTrash())),
  }
}
