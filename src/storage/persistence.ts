/**
 * Keeps one space's Y.Doc in IndexedDB. Every update, local or from a peer, is queued and
 * written in short batches, one IndexedDB transaction per batch (a transaction costs about
 * 1 ms here, so one per keystroke would not keep up); pagehide and a hidden page flush at
 * once. Opening applies the snapshot and the log, read in one transaction, inside one Yjs
 * transaction under PERSISTENCE_ORIGIN, so the adapter never stores again what it loaded and
 * adds no row on open. Past a threshold the log is folded into a snapshot (space-log.ts),
 * right after opening too, unlike y-indexeddb, which waits for the next edit.
 */
import * as Y from 'yjs'
import type { SpaceId } from '../domain/ids'
import type { WeaveDb } from './db'
import { describeStorageError, storageErrorKind } from './errors'
import { appendUpdates, applyStored, compactSpace, readSpace, type SnapshotMark } from './space-log'
import type { DocPersistence, LoadReport, SaveState } from './types'

/** Transaction origin of updates applied from storage: never written back. */
export const PERSISTENCE_ORIGIN = Symbol('weave-persistence')

export interface PersistenceOptions {
  /** How long updates gather before one write (ms). Default 200. */
  readonly batchMs?: number
  /** Log rows at which the log is folded into the snapshot. Default 500. */
  readonly compactAfterRows?: number
  /** Wait before retrying a failed write, e.g. a full disk (ms). Default 5,000. */
  readonly retryMs?: number
  /** Called once the stored copy is in the document (same report as whenLoaded). */
  readonly onLoaded?: (report: LoadReport) => void
}

/** Updates merged into one log row: Y.mergeUpdates is quick for this many, slow for thousands. */
const MERGE_CHUNK = 100

const SAVING: SaveState = Object.freeze({ kind: 'saving' })

function mergeInChunks(batch: readonly Uint8Array[]): Uint8Array[] {
  const rows: Uint8Array[] = []
  for (let start = 0; start < batch.length; start += MERGE_CHUNK) {
    const chunk = batch.slice(start, start + MERGE_CHUNK)
    rows.push(chunk.length === 1 && chunk[0] ? chunk[0] : Y.mergeUpdates(chunk))
  }
  return rows
}

/**
 * Loads the stored copy of `spaceId` into `doc`, then stores every later update of `doc`
 * (whatever its origin, except PERSISTENCE_ORIGIN) until destroy().
 */
export function attachPersistence(
  db: WeaveDb,
  spaceId: SpaceId,
  doc: Y.Doc,
  options: PersistenceOptions = {},
): DocPersistence {
  const { batchMs = 200, compactAfterRows = 500, retryMs = 5_000, onLoaded } = options
  const listeners = new Set<() => void>()
  let state: SaveState = { kind: 'saved', at: undefined }
  let queue: Uint8Array[] = []
  let timer: ReturnType<typeof setTimeout> | undefined
  let chain: Promise<void> = Promise.resolve()
  let loaded = false
  /** Log rows in the document (loaded or written here): the ones a compaction may fold. */
  const known = new Set<number>()
  let snapshot: SnapshotMark | undefined
  /** Log size at which the next compaction is tried (pushed back after a failed one). */
  let nextCompaction = compactAfterRows

  const setState = (next: SaveState) => {
    state = next
    for (const notify of listeners) notify()
  }

  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === PERSISTENCE_ORIGIN) return
    queue.push(update)
    if (state.kind === 'saved') setState(SAVING) // 'error' stays until a write succeeds
    schedule(batchMs)
  }

  function schedule(delay: number) {
    if (timer !== undefined || !loaded) return
    timer = setTimeout(() => {
      timer = undefined
      void flush()
    }, delay)
  }

  const onPageHide = () => void flush()
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') void flush()
  }

  /** Runs writes one after another, never two at once; a failed task does not stop the next. */
  function enqueue(task: () => Promise<void>): Promise<void> {
    chain = chain.then(task, task)
    return chain
  }

  async function load(): Promise<LoadReport> {
    const stored = await readSpace(db, spaceId)
    const failed = applyStored(doc, stored.updates, PERSISTENCE_ORIGIN)
    for (const seq of stored.seqs) known.add(seq)
    snapshot = stored.snapshot
    loaded = true
    // Compact after whenLoaded resolves: the user sees the document at once; flush() waits.
    if (stored.seqs.length >= compactAfterRows) void enqueue(compactOnOpen)
    if (queue.length > 0) schedule(0)
    const report: LoadReport = {
      logRows: stored.logRows,
      snapshotBytes: stored.snapshotBytes,
      skippedRows: stored.skippedRows + failed,
    }
    onLoaded?.(report)
    return report
  }

  async function compact() {
    const result = await compactSpace(db, spaceId, {
      doc,
      known,
      snapshot,
      origin: PERSISTENCE_ORIGIN,
    })
    snapshot = result.snapshot
    for (const seq of result.removed) known.delete(seq)
  }

  /** Folds the log; on failure (a full disk, say) waits for another threshold's worth of rows. */
  async function tryCompact(): Promise<boolean> {
    try {
      await compact()
      nextCompaction = compactAfterRows
      return true
    } catch (error) {
      nextCompaction = known.size + compactAfterRows
      console.warn('Could not fold the update log into a snapshot; keeping the log', error)
      return false
    }
  }

  async function compactOnOpen() {
    await tryCompact() // nothing unsaved is at risk: the log stays as it was
  }

  /** Stores a batch: as one snapshot when it reaches the threshold, else as (merged) rows. */
  async function store(batch: readonly Uint8Array[]) {
    const rows = Math.ceil(batch.length / MERGE_CHUNK)
    // The batch is already in the live document, so a snapshot of the document stores it.
    if (batch.length >= compactAfterRows || known.size + rows >= nextCompaction) {
      if (await tryCompact()) return
    }
    // Appending small rows may still fit where a whole snapshot did not.
    for (const seq of await appendUpdates(db, spaceId, mergeInChunks(batch))) known.add(seq)
  }

  async function writeQueued() {
    if (queue.length === 0 || !loaded) return
    const batch = queue
    queue = []
    try {
      await store(batch)
      if (queue.length === 0) setState({ kind: 'saved', at: Date.now() })
      else if (state.kind !== 'saving') setState(SAVING)
    } catch (error) {
      queue = batch.concat(queue) // kept in memory for the next try; the document stays editable
      const kind = storageErrorKind(error)
      const message = describeStorageError(kind, error)
      console.warn(message, error)
      setState({ kind: 'error', error: kind, message })
      schedule(retryMs)
    }
  }

  async function flush() {
    try {
      await whenLoaded
    } catch {
      return // loading failed: whenLoaded reports it, and nothing is written over a copy we never read
    }
    clearTimeout(timer)
    timer = undefined
    await enqueue(writeQueued)
  }

  doc.on('update', onUpdate)
  if (typeof window !== 'undefined' && typeof document !== 'undefined') {
    window.addEventListener('pagehide', onPageHide)
    document.addEventListener('visibilitychange', onVisibility)
  }
  const whenLoaded = load()
  whenLoaded.catch((error: unknown) => {
    const kind = storageErrorKind(error)
    setState({ kind: 'error', error: kind, message: describeStorageError(kind, error) })
  })

  return {
    whenLoaded,
    getSaveState: () => state,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    flush,
    async destroy() {
      await flush()
      // Edits made while that write ran are queued too; a failed write keeps its error state.
      while (queue.length > 0 && loaded && state.kind !== 'error') await flush()
      clearTimeout(timer)
      timer = undefined
      doc.off('update', onUpdate)
      if (typeof window !== 'undefined' && typeof document !== 'undefined') {
        window.removeEventListener('pagehide', onPageHide)
        document.removeEventListener('visibilitychange', onVisibility)
      }
    },
  }
}
