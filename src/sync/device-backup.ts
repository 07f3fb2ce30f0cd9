/**
 * One backup file of every space on this device, with each space's key, protected by a
 * passphrase the person chooses: what a network needs when a phone is lost, broken or replaced.
 *
 * Why a passphrase and a slow key derivation (PBKDF2, PASSPHRASE_ITERATIONS): the file holds
 * every key, so whoever finds it can test guesses offline; the iteration count makes each guess
 * cost what it costs us once. The header (magic, version, iterations, salt) is the AES-GCM
 * additional data, so it cannot be changed without the file failing to open. Restoring checks
 * every space in full (ids, keys, a Yjs state that decodes) before handing any of it back.
 */
import * as Y from 'yjs'
import { fromBase64, toBase64 } from './base64'
import { isId, isSpaceKey, type SpaceId, type SpaceKey } from '../domain/ids'
import { fail, ok, type Result } from '../domain/result'
import { ROOT } from '../doc/schema'
import { createSpaceStores } from '../doc/space-stores'
import { recordChanges, type ChangeSummary } from './change-summary'
import { createUpdateGuard, type GuardError } from './update-guard'
import {
  derivePassphraseKey,
  newSalt,
  open,
  PASSPHRASE_ITERATIONS,
  seal,
  splitFile,
} from './space-file-format'

export const BACKUP_MAGIC = 'WEAVE-BACKUP'
const BACKUP_VERSION = 1
/** Largest backup accepted, in characters (about 190 MB of spaces). */
export const MAX_BACKUP_CHARS = 256 * 1024 * 1024
const MIN_ITERATIONS = PASSPHRASE_ITERATIONS
const MAX_ITERATIONS = 10_000_000
const HEADER = new RegExp(`^${BACKUP_MAGIC}/1 ([1-9][0-9]{0,8}) ([A-Za-z0-9_-]{22})$`)
export const MIN_PASSPHRASE_LENGTH = 10

/** What a backup holds of one space; settings are opaque here (storage checks them). */
export interface BackupSpace {
  readonly id: SpaceId
  readonly name: string
  readonly key: SpaceKey
  readonly createdAt: number
  readonly settings: unknown
  /** Y.encodeStateAsUpdate of the space's document */
  readonly state: Uint8Array
}

export type BackupError =
  'not-a-backup' | 'unsupported-version' | 'wrong-passphrase-or-damaged' | 'too-large' | 'empty'

/** What a backup file holds, read and checked. */
export interface BackupContents {
  readonly spaces: readonly BackupSpace[]
  /** spaces in the file that failed their checks and are left out */
  readonly skipped: number
  readonly createdAt: number
}

export type RestoreResult = Result<BackupContents, BackupError>

const saltText = (salt: Uint8Array) =>
  toBase64(salt).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')

/** The backup file's text, and a name for it. */
export async function createDeviceBackup(
  spaces: readonly BackupSpace[],
  passphrase: string,
  now = new Date(),
): Promise<{ readonly text: string; readonly fileName: string }> {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) throw new RangeError('Passphrase too short')
  const salt = newSalt()
  const line = `${BACKUP_MAGIC}/${BACKUP_VERSION} ${PASSPHRASE_ITERATIONS} ${saltText(salt)}`
  const payload = JSON.stringify({
    createdAt: now.getTime(),
    spaces: spaces.map((space) => ({ ...space, state: toBase64(space.state) })),
  })
  const key = await derivePassphraseKey(passphrase, salt, PASSPHRASE_ITERATIONS)
  const text = await seal(line, new TextEncoder().encode(payload), key)
  return { text, fileName: `weave-backup-${now.toISOString().slice(0, 10)}.txt` }
}

export async function readDeviceBackup(
  input: string | Blob,
  passphrase: string,
): Promise<RestoreResult> {
  const size = typeof input === 'string' ? input.length : input.size
  if (size > MAX_BACKUP_CHARS) return fail('too-large')
  const text = typeof input === 'string' ? input : await input.text()
  const { line, body } = splitFile(text)
  const version = new RegExp(`^${BACKUP_MAGIC}/([0-9]{1,9}) `).exec(line)?.[1]
  if (version === undefined) return fail('not-a-backup')
  if (Number(version) !== BACKUP_VERSION) return fail('unsupported-version')
  const [, count, salt] = HEADER.exec(line) ?? []
  const iterations = Number(count)
  if (salt === undefined || iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS)
    return fail('not-a-backup')
  const saltBytes = fromBase64(salt.replaceAll('-', '+').replaceAll('_', '/') + '==')
  const key = await derivePassphraseKey(passphrase, saltBytes, iterations)
  const plain = await open(line, body, key)
  if (!plain) return fail('wrong-passphrase-or-damaged')
  return readPayload(new TextDecoder().decode(plain))
}

function readPayload(json: string): RestoreResult {
  let payload: unknown
  try {
    payload = JSON.parse(json)
  } catch {
    return fail('wrong-passphrase-or-damaged')
  }
  if (typeof payload !== 'object' || payload === null) {
    return fail('wrong-passphrase-or-damaged')
  }
  const { createdAt, spaces } = payload as Record<string, unknown>
  if (!Array.isArray(spaces)) return fail('wrong-passphrase-or-damaged')
  const valid: BackupSpace[] = []
  for (const entry of spaces) {
    const space = readSpace(entry)
    if (space && !valid.some((v) => v.id === space.id)) valid.push(space)
  }
  if (valid.length === 0 && spaces.length > 0) return fail('empty')
  return ok({
    spaces: valid,
    skipped: spaces.length - valid.length,
    createdAt: typeof createdAt === 'number' ? createdAt : 0,
  })
}

/** One space from the file, checked in full, or undefined. */
function readSpace(entry: unknown): BackupSpace | undefined {
  if (typeof entry !== 'object' || entry === null) return undefined
  const { id, name, key, createdAt, settings, state } = entry as Record<string, unknown>
  if (!isId(id) || !isSpaceKey(key) || typeof name !== 'string' || typeof state !== 'string')
    return undefined
  let bytes: Uint8Array
  try {
    bytes = fromBase64(state)
    Y.decodeUpdate(bytes) // throws on a cut or garbage state: the space is left out
  } catch {
    return undefined
  }
  return {
    id: id as SpaceId,
    name: name.trim().slice(0, 80) || 'Space',
    key,
    createdAt: typeof createdAt === 'number' && Number.isFinite(createdAt) ? createdAt : 0,
    settings,
    state: bytes,
  }
}

/** Largest space state a backup may merge (the whole file's limit, in bytes). */
const MAX_STATE_BYTES = MAX_BACKUP_CHARS

/**
 * Merges a backed-up state into an open space (a CRDT merge: nothing here is lost), through the
 * update guard like anything a peer or a file sends: a state that breaks the schema or the
 * space's budget changes nothing.
 */
export function applyBackupState(
  doc: Y.Doc,
  state: Uint8Array,
  origin: unknown,
): Result<void, GuardError> {
  const result = createUpdateGuard(doc, { maxUpdateBytes: MAX_STATE_BYTES }).receive(state, origin)
  if (!result.ok) return result
  // A whole state builds on nothing else; one that does is damaged (a fresh guard drops it).
  return result.value.held ? fail('malformed') : ok()
}

/** How many names of each kind a preview lists before "and 3 more". */
export const PREVIEW_NAMES = 5

/** What merging a backed-up space into the copy on this phone would add, before doing it. */
export interface BackupAdds {
  readonly changes: ChangeSummary
  /** names of the groups and meetings it adds, at most PREVIEW_NAMES each */
  readonly groups: readonly string[]
  readonly meetings: readonly string[]
}

export type BackupPreview = Result<BackupAdds, GuardError>

/**
 * Merges `backup` into a scratch copy of `current` (this phone's state of the space) and says
 * what changed: nothing on this phone is touched.
 */
export function previewBackupState(current: Uint8Array, backup: Uint8Array): BackupPreview {
  const stores = createSpaceStores()
  Y.applyUpdate(stores.doc, current)
  const { result, changes, addedIds } = recordChanges(stores.doc, () =>
    applyBackupState(stores.doc, backup, PREVIEW),
  )
  if (!result.ok) return result
  const names = (ids: readonly string[] | undefined, name: (id: string) => string | undefined) =>
    (ids ?? []).flatMap((id) => name(id) ?? []).slice(0, PREVIEW_NAMES)
  const groups = stores.groups.getSnapshot().byId
  const meetings = stores.meetings.getSnapshot().byId
  const preview: BackupPreview = ok({
    changes,
    groups: names(addedIds[ROOT.groups], (id) => groups.get(id)?.name),
    meetings: names(addedIds[ROOT.meetings], (id) => meetings.get(id)?.title),
  })
  stores.doc.destroy()
  return preview
}

const PREVIEW = Symbol('weave-backup-preview')

/** The state to put in a backup. */
export const stateOf = (doc: Y.Doc): Uint8Array => Y.encodeStateAsUpdate(doc)
