/**
 * Commands that move whole spaces: a backup of every space with its key, restoring one (asking
 * first when it would change a space already here), and moving a space to a new key.
 */
import { newSpaceId, newSpaceKey, type SpaceId } from '../domain/ids'
import { fail, ok, type Result } from '../domain/result'
import {
  formatIceLines,
  parseIceLines,
  parseSignallingLines,
  type IceServerSetting,
} from '../domain/sync-settings'
import type { SpaceRecord, SpaceSettings, StorageErrorKind, StorageResult } from '../storage/types'
import type { ChangeSummary } from '../sync/change-summary'
import type { BackupError, BackupSpace } from '../sync/device-backup'
import type { GuardError } from '../sync/update-guard'
import { DEFAULT_SIGNALLING, withReadySession, type CommandContext } from './command-context'
import { LAST_BACKUP_PREF } from './device-state'

/** Backups and moves need Yjs and crypto: loaded when first used, not with the first screen. */
const backupModule = () => import('../sync/device-backup')

/** Origin of a backup merged into a space (storage stores it like any other update). */
const FROM_BACKUP = Symbol('weave-backup-restore')

/** What a backup would add to one space already on this phone. */
export interface MergePreview {
  /** the space's name on this phone */
  readonly name: string
  readonly changes: ChangeSummary
  readonly groups: readonly string[]
  readonly meetings: readonly string[]
}

/** A backup restored: how many spaces it added, merged, and left out as damaged. */
export interface RestoreDone {
  readonly done: true
  readonly added: number
  readonly merged: number
  readonly skipped: number
}

/** A backup that would change spaces already here: what it would add, and how to go ahead. */
export interface RestoreQuestion {
  readonly done: false
  readonly merges: readonly MergePreview[]
  /** names of the spaces new to this phone that restoring adds too */
  readonly newSpaces: readonly string[]
  readonly restore: () => Promise<RestoreOutcome>
}

export type RestoreOutcome = Result<
  RestoreDone | RestoreQuestion,
  BackupError | StorageErrorKind | GuardError
>

export interface BackupCommands {
  /**
   * Copies a space, everything in it, to a new id and key (how a network removes someone:
   * the others are invited again). The old space stays, renamed, until deleted.
   */
  moveToNewKey(id: SpaceId, oldName: string): Promise<StorageResult<SpaceRecord>>
  /** One file of every space with its key, locked with a passphrase. */
  backupAll(passphrase: string): Promise<StorageResult<{ text: string; fileName: string }>>
  /**
   * Adds the spaces of a backup that are not here and merges the others; when it would add
   * anything to a space already here (a backup made by someone else), changes nothing and
   * returns what it would add, with `restore()` to go ahead.
   */
  restoreBackup(file: Blob, passphrase: string): Promise<RestoreOutcome>
}

/** Settings from a backup, checked; anything odd falls back to the defaults. */
function readSettings(value: unknown): SpaceSettings {
  const fallback: SpaceSettings = { signallingUrls: DEFAULT_SIGNALLING, iceServers: [] }
  if (typeof value !== 'object' || value === null) return fallback
  const { signallingUrls, iceServers } = value as Record<string, unknown>
  const urls = parseSignallingLines(Array.isArray(signallingUrls) ? signallingUrls.join('\n') : '')
  const ice = parseIceLines(
    Array.isArray(iceServers)
      ? formatIceLines(
          iceServers.filter(
            (s): s is IceServerSetting =>
              typeof s === 'object' &&
              s !== null &&
              typeof (s as IceServerSetting).urls === 'string',
          ),
        )
      : '',
  )
  return {
    signallingUrls: urls.ok ? urls.value : fallback.signallingUrls,
    iceServers: ice.ok ? ice.value : [],
  }
}

export function createBackupCommands(context: CommandContext): BackupCommands {
  const { spaceRepo, deviceRepo, sessions, device, report, reloadSpaces } = context
  return {
    async moveToNewKey(id, oldName) {
      const { applyBackupState, stateOf } = await backupModule()
      const old = await spaceRepo.getSpace(id)
      if (!old) return fail('unknown', 'no such space')
      const state = await withReadySession(sessions, old, (session) => ok(stateOf(session.doc)))
      if (!state.ok) return state
      const now = Date.now()
      const record: SpaceRecord = {
        ...old,
        id: newSpaceId(),
        key: newSpaceKey(),
        createdAt: now,
        openedAt: now,
      }
      const added = report(await spaceRepo.addSpace(record))
      if (!added.ok) return added
      const copied = await withReadySession(sessions, record, async (session) => {
        const applied = applyBackupState(session.doc, state.value, FROM_BACKUP)
        if (applied.ok) await session.persistence.flush()
        return applied
      })
      if (!copied.ok) return fail('unknown', copied.message ?? copied.error)
      report(await spaceRepo.renameSpace(id, oldName))
      await reloadSpaces()
      return added
    },
    async backupAll(passphrase) {
      const { createDeviceBackup, stateOf } = await backupModule()
      const records = await spaceRepo.listSpaces()
      const spacesInFile: BackupSpace[] = []
      for (const record of records) {
        const state = await withReadySession(sessions, record, (s) => ok(stateOf(s.doc)))
        if (!state.ok) return state
        spacesInFile.push({
          id: record.id,
          name: record.name,
          key: record.key,
          createdAt: record.createdAt,
          settings: record.settings,
          state: state.value,
        })
      }
      const file = await createDeviceBackup(spacesInFile, passphrase)
      const at = Date.now()
      const stored = report(await deviceRepo.setPref(LAST_BACKUP_PREF, at))
      if (stored.ok) device.set({ ...device.getSnapshot(), lastBackupAt: at })
      return ok(file)
    },
    async restoreBackup(file, passphrase) {
      const { applyBackupState, previewBackupState, readDeviceBackup, stateOf } =
        await backupModule()
      const read = await readDeviceBackup(file, passphrase)
      if (!read.ok) return read
      // Every space is checked (and the ones here previewed) before anything is written.
      const merges: MergePreview[] = []
      const newSpaces: string[] = []
      const existing = new Set<SpaceId>()
      const { spaces, skipped } = read.value
      for (const space of spaces) {
        const here = await spaceRepo.getSpace(space.id)
        let current: Uint8Array = new Uint8Array([0, 0]) // an empty document
        if (here) {
          existing.add(space.id)
          const state = await withReadySession(sessions, here, (s) => ok(stateOf(s.doc)))
          if (!state.ok) return state
          current = state.value
        } else newSpaces.push(space.name)
        const preview = previewBackupState(current, space.state)
        if (!preview.ok) return preview
        if (here && Object.keys(preview.value.changes).length > 0) {
          const { changes, groups, meetings } = preview.value
          merges.push({ name: here.name, changes, groups, meetings })
        }
      }
      const restore = async (): Promise<RestoreOutcome> => {
        for (const space of spaces) {
          const now = Date.now()
          const result = report(
            await spaceRepo.addSpace({
              id: space.id,
              name: space.name,
              key: space.key,
              settings: readSettings(space.settings),
              createdAt: space.createdAt || now,
              openedAt: now,
            }),
          )
          if (!result.ok) return fail(result.error)
          const merged = await withReadySession(sessions, result.value, async (session) => {
            const applied = applyBackupState(session.doc, space.state, FROM_BACKUP)
            if (applied.ok) await session.persistence.flush()
            return applied
          })
          if (!merged.ok) return merged
        }
        await reloadSpaces()
        const merged = spaces.filter((space) => existing.has(space.id)).length
        const added = spaces.length - merged
        return ok({ done: true, added, merged, skipped })
      }
      return merges.length === 0 ? restore() : ok({ done: false, merges, newSpaces, restore })
    },
  }
}
