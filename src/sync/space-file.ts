/**
 * Sync by file, for when there is no network at all: a space exported as one encrypted text
 * file (shared by a messaging app, Bluetooth or USB), and imported on another device, where
 * the CRDT merges it. The format and its keys are in space-file-format.ts.
 *
 * Import never throws and never changes the space partly: every check (size, header, space,
 * key, full decoding of the update) runs before anything is applied, and the update then goes
 * through the update guard like one from a peer, under the SPACE_FILE_IMPORT origin.
 */
import * as Y from 'yjs'
import type { SpaceId, SpaceKey } from '../domain/ids'
import { fail, ok, type Result } from '../domain/result'
import { recordChanges, type ChangeSummary } from './change-summary'
import {
  deriveFileKey,
  derivePassphraseKey,
  newSalt,
  open,
  parseHeader,
  PASSPHRASE_ITERATIONS,
  seal,
  splitFile,
  writeHeader,
  type KeyKind,
  type SpaceFileHeader,
} from './space-file-format'
import { createUpdateGuard, type UpdateGuard } from './update-guard'

export { PASSPHRASE_ITERATIONS } from './space-file-format'
export type { KeyKind } from './space-file-format'

/** Transaction origin of updates applied from a file, so adapters can tell them apart. */
export const SPACE_FILE_IMPORT = Symbol('weave-space-file-import')

/** Largest file accepted (characters; the body is base64, so about 48 MB of update). */
export const MAX_SPACE_FILE_CHARS = 64 * 1024 * 1024
const MAX_UPDATE_BYTES = (MAX_SPACE_FILE_CHARS / 4) * 3

export const SPACE_FILE_MIME_TYPE = 'text/plain'

export type SpaceFileError =
  | 'not-a-weave-file'
  | 'unsupported-version'
  | 'other-space'
  /** a backup file, and no passphrase given: ask for it and import again */
  | 'needs-passphrase'
  | 'wrong-key-or-damaged'
  | 'too-large'
  | 'malformed-update'
  /** writes roots or keys this app's schema does not know (sync/space-rules.ts) */
  | 'unknown-content'
  /** written by a newer version of the app (doc/schema.ts SCHEMA_VERSION) */
  | 'newer-schema'
  /** would take the space over its size budget (sync/space-rules.ts) */
  | 'over-budget'

export interface SpaceFile {
  readonly text: string
  /** `weave-<space name>-<yyyy-mm-dd>.txt` (backups: `weave-backup-…`) */
  readonly fileName: string
  readonly mimeType: typeof SPACE_FILE_MIME_TYPE
}

export type ExportResult = Result<SpaceFile, 'too-large'>

/** What merging a file did here. */
export interface FileMerge {
  /** what the file changed here; empty when this space had it all already */
  readonly changes: ChangeSummary
  /** the file builds on changes this device has not seen: the guard holds it until then */
  readonly held: boolean
  /**
   * Bytes of the file this document did not hold before, stored now: more than zero with
   * no `changes` means content the app does not show (say so, not "nothing new").
   */
  readonly storedBytes: number
}

export type ImportResult = Result<FileMerge, SpaceFileError>

export type HeaderResult = Result<
  { readonly spaceId: string; readonly keyKind: KeyKind },
  SpaceFileError
>

interface ExportCommon {
  readonly spaceId: SpaceId
  /** shown in the file name only; the file itself carries no name */
  readonly spaceName: string
  /** for the date in the file name */
  readonly now?: Date
}

export interface ImportOptions {
  /** the open space: a file for another space is refused before decryption */
  readonly spaceId: SpaceId
  readonly spaceKey?: SpaceKey
  /** for a backup file (exportSpaceBackup) */
  readonly passphrase?: string
  /**
   * The session's guard, so a file that builds on changes not yet received is held and retried
   * as they arrive. Without it a fresh guard is used, and such a file is refused.
   */
  readonly guard?: UpdateGuard
}

/** Exports `doc` encrypted with the space key: the file members send each other. */
export async function exportSpaceFile(
  doc: Y.Doc,
  options: ExportCommon & { readonly spaceKey: SpaceKey },
): Promise<ExportResult> {
  const header: SpaceFileHeader = { version: 1, spaceId: options.spaceId, keyKind: 'key' }
  const key = await deriveFileKey(options.spaceKey)
  return finish(doc, header, key, fileName('weave', options))
}

/**
 * Exports `doc` encrypted with a passphrase the user chose (PBKDF2, PASSPHRASE_ITERATIONS: about
 * 110 ms in Node 20 on a 2-core server, slower on a phone): a backup that needs no space key.
 * An empty passphrase is a caller's mistake and throws.
 */
export async function exportSpaceBackup(
  doc: Y.Doc,
  options: ExportCommon & { readonly passphrase: string },
): Promise<ExportResult> {
  if (options.passphrase.length === 0) throw new RangeError('A backup needs a passphrase')
  const salt = newSalt()
  const iterations = PASSPHRASE_ITERATIONS
  const header: SpaceFileHeader = {
    version: 1,
    spaceId: options.spaceId,
    keyKind: 'passphrase',
    iterations,
    salt,
  }
  const key = await derivePassphraseKey(options.passphrase, salt, iterations)
  return finish(doc, header, key, fileName('weave-backup', options))
}

async function finish(
  doc: Y.Doc,
  header: SpaceFileHeader,
  key: CryptoKey,
  name: string,
): Promise<ExportResult> {
  const update = Y.encodeStateAsUpdate(doc)
  if (update.byteLength > MAX_UPDATE_BYTES) return fail('too-large')
  const text = await seal(writeHeader(header), update, key)
  if (text.length > MAX_SPACE_FILE_CHARS) return fail('too-large')
  return ok({ text, fileName: name, mimeType: SPACE_FILE_MIME_TYPE })
}

/** Lower-case letters and digits of any script, runs of anything else as one dash. */
export function safeFileNamePart(name: string): string {
  const safe = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '') // accents off: "Café" → "cafe"
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '')
  return safe.length > 0 ? safe : 'space'
}

function fileName(prefix: string, { spaceName, now = new Date() }: ExportCommon): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
  return `${prefix}-${safeFileNamePart(spaceName)}-${date}.txt`
}

/** Reads `input` as text, refusing an oversized file before reading it. */
async function readText(input: string | Blob): Promise<Result<string, SpaceFileError>> {
  if (typeof input === 'string') {
    return input.length > MAX_SPACE_FILE_CHARS ? fail('too-large') : ok(input)
  }
  if (input.size > MAX_SPACE_FILE_CHARS) return fail('too-large')
  try {
    return ok(await input.text())
  } catch {
    return fail('not-a-weave-file') // could not be read (moved, or not a file at all)
  }
}

/** What a file is, before any key: which space, and which kind of key opens it. */
export async function readSpaceFileHeader(input: string | Blob): Promise<HeaderResult> {
  const read = await readText(input)
  if (!read.ok) return read
  const parsed = parseHeader(splitFile(read.value).line)
  if (!parsed.ok) return parsed
  return ok({ spaceId: parsed.value.spaceId, keyKind: parsed.value.keyKind })
}

/**
 * Merges a space file (or backup) into `doc`, the open space. Every failure is a value and
 * leaves `doc` exactly as it was.
 */
export async function importSpaceFile(
  doc: Y.Doc,
  input: string | Blob,
  options: ImportOptions,
): Promise<ImportResult> {
  const read = await readText(input)
  if (!read.ok) return read
  const { line, body } = splitFile(read.value)
  const parsed = parseHeader(line)
  if (!parsed.ok) return parsed
  const header = parsed.value
  if (header.spaceId !== options.spaceId) return fail('other-space')

  let key: CryptoKey
  if (header.keyKind === 'passphrase') {
    if (options.passphrase === undefined) return fail('needs-passphrase')
    key = await derivePassphraseKey(options.passphrase, header.salt, header.iterations)
  } else {
    if (options.spaceKey === undefined) return fail('wrong-key-or-damaged')
    key = await deriveFileKey(options.spaceKey)
  }
  const update = await open(line, body, key)
  if (!update) return fail('wrong-key-or-damaged')
  return applyUpdate(doc, update, options.guard)
}

function applyUpdate(doc: Y.Doc, update: Uint8Array, shared?: UpdateGuard): ImportResult {
  const guard = shared ?? createUpdateGuard(doc, { maxUpdateBytes: MAX_UPDATE_BYTES })
  const known = Y.encodeStateVector(doc)
  let storedBytes: number
  try {
    storedBytes = Y.diffUpdate(update, known).byteLength
  } catch {
    return fail('malformed-update') // garbage: the guard would say the same
  }
  // The guard decodes the update in full (Y.decodeUpdate) before it touches the document.
  const { result, changes } = recordChanges(
    doc,
    () => guard.receive(update, SPACE_FILE_IMPORT),
    SPACE_FILE_IMPORT,
  )
  if (!result.ok) {
    return fail(result.error === 'malformed' ? 'malformed-update' : result.error)
  }
  // A fresh guard is dropped with this call, and what it holds with it: say so, not "done".
  if (result.value.held && !shared) return fail('malformed-update')
  // New changes move the state vector; deletions alone are counted in `changes` already.
  const after = Y.encodeStateVector(doc)
  const moved = after.length !== known.length || after.some((byte, i) => byte !== known[i])
  const stored = moved ? storedBytes : 0
  return ok({ changes, held: result.value.held, storedBytes: stored })
}
