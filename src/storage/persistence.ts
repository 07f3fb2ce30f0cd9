/**
 * Keeps one space's Y.Doc in IndexedDB. Every update, local or from a peer, is appended to
 * the space's update log as it happens, in short batches (one IndexedDB transaction costs
 * about 1 ms here, so one per keystroke would not keep up); pagehide and a hidden page flush
 * at once. Opening applies the snapshot and the log in one transaction under this adapter's
 * own origin, so it never stores again what it loaded and adds no row on open. Past a
 * threshold the log is folded into a snapshot encoded from the live document (not
 * Y.mergeUpdates, which is quadratic) in one atomic transaction: a crash mid-way loses nothing.
 */
import { Dexie } from 'dexie'
import * as Y from 'yjs'
import type { SpaceId } from '../domain/ids'
import { isQuotaError, type WeaveDb } from './db'
import type { DocPersistence, LoadReport, SaveState } from './types'

/** Transaction origin of updates applied from storage: never written back. */
export const PERSISTENCE_ORIGIN = Symbol('weave-persistence')

export interface PersistenceOptions {
  /** How long updates gather before one write. */
  readonly batchMs?: number
  /** Log rows past which the log is folded into the snapshot. */
  readonly compactAfterRows?: number
  /** Wait before retrying a failed write (full disk). */
  readonly retryMs?: number
}

const isValidUpdate = (update: unknown): update is Uint8Array => {
  if (!(update instanceof Uint8Array)) return false
  try {
    Y.decodeUpdate(update) // throws on truncated or garbage bytes, touching no document
    return true
  } catch {
    return false // counted by the caller as a skipped row
  }
}

export function attachPersistence(
  db: WeaveDb,
  spaceId: SpaceId,
  doc: Y.Doc,
  options: PersistenceOptions = {},
): DocPersistence {
  const { batchMs = 200, compactAfterRows = 500, retryMs = 5_000 } = options
  const listeners = new Set<() => void>()
  let state: SaveState = { kind: 'saved', at: undefined }
  let queue: Uint8Array[] = []
  let timer: ReturnType<typeof setTimeout> | undefined
  let chain: Promise<void> = Promise.resolve()
  let loaded = false
  /** Log rows this adapter loaded or wrote: the only ones a compaction may delete. */
  let knownSeqs: number[] = []
  let snapshotSavedAt: number | undefined

  const setState = (next: SaveState) => {
    state = next
    for (const notify of listeners) notify()
  }

  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === PERSISTENCE_ORIGIN) return
    queue.push(update)
    if (state.kind !== 'error') setState({ kind: 'saving' })
    schedule(batchMs)
  }

  function schedule(delay: number) {
    if (timer !== undefined || !loaded) return
    timer = setTimeout(() => {
      timer = undefined
      void flush()
    }, delay)
  }

  const onHide = () => {
    if (document.visibilityState === 'hidden') void flush()
  }
  const onPageHide = () => void flush()

  function applyStored(updates: Uint8Array[]) {
    doc.transact(() => {
      for (const update of updates) Y.applyUpdate(doc, update, PERSISTENCE_ORIGIN)
    }, PERSISTENCE_ORIGIN)
  }

  async function load(): Promise<LoadReport> {
    const { snapshot, rows } = await db.transaction('r', db.snapshots, db.updates, async () => ({
      snapshot: await db.snapshots.get(spaceId),
      rows: await db.updates
        .where('[spaceId+seq]')
        .between([spaceId, Dexie.minKey], [spaceId, Dexie.maxKey])
        .toArray(),
    }))
    let skippedRows = 0
    const updates: Uint8Array[] = []
    if (snapshot && isValidUpdate(snapshot.state)) updates.push(snapshot.state)
    else if (snapshot) skippedRows++
    for (const row of rows) {
      if (isValidUpdate(row.update)) updates.push(row.update)
      else skippedRows++
    }
    applyStored(updates)
    snapshotSavedAt = snapshot?.savedAt
    knownSeqs = rows.flatMap((row) => (row.seq === undefined ? [] : [row.seq]))
    loaded = true
    if (rows.length >= compactAfterRows) await enqueue(compact)
    if (queue.length > 0) schedule(0)
    return { logRows: rows.length, snapshotBytes: snapshot?.state.byteLength ?? 0, skippedRows }
  }

  /** Runs writes one after another, never two at once. */
  function enqueue(task: () => Promise<void>): Promise<void> {
    chain = chain.then(task, task)
    return chain
  }

  async function writeQueued() {
    if (queue.length === 0) return
    const batch = queue
    queue = []
    try {
      // The batch is already in the live document: when it would cross the threshold, one
      // snapshot of the document stores it (and folds the log) instead of thousands of rows.
      if (knownSeqs.length + batch.length >= compactAfterRows) await compact()
      else {
        const seqs = await db.updates.bulkAdd(
          batch.map((update) => ({ spaceId, update })),
          { allKeys: true },
        )
        knownSeqs.push(...seqs)
      }
      if (queue.length === 0) setState({ kind: 'saved', at: Date.now() })
    } catch (error) {
      queue = batch.concat(queue) // kept in memory; the document stays editable
      const quota = isQuotaError(error)
      console.warn('Could not store changes', error)
      setState({
        kind: 'error',
        error: quota ? 'quota-exceeded' : 'unknown',
        message: error instanceof Error ? error.message : String(error),
      })
      schedule(retryMs)
    }
  }

  async function compact() {
    const doomed = [...knownSeqs]
    const savedAt = Date.now()
    await db.transaction('rw', db.snapshots, db.updates, async () => {
      // Another tab may have compacted this space since we loaded: fold its snapshot in first.
      const current = await db.snapshots.get(spaceId)
      if (current && current.savedAt !== snapshotSavedAt && isValidUpdate(current.state))
        applyStored([current.state])
      const upToSeq = Math.max(0, ...doomed)
      await db.snapshots.put({ spaceId, state: Y.encodeStateAsUpdate(doc), upToSeq, savedAt })
      await db.updates.bulkDelete(doomed)
    })
    snapshotSavedAt = savedAt
    const removed = new Set(doomed)
    knownSeqs = knownSeqs.filter((seq) => !removed.has(seq))
  }

  async function flush() {
    await whenLoaded
    clearTimeout(timer)
    timer = undefined
    await enqueue(writeQueued)
  }

  doc.on('update', onUpdate)
  if (typeof window !== 'undefined') {
    window.addEventListener('pagehide', onPageHide)
    document.addEventListener('visibilitychange', onHide)
  }
  const whenLoaded = load()

  return {
    whenLoaded,
    getSaveState: () => state,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    flush,
    async destroy() {
      await flush().catch((error: unknown) =>
        console.warn('Last write before closing failed', error),
      )
      clearTimeout(timer)
      timer = undefined
      doc.off('update', onUpdate)
      if (typeof window !== 'undefined') {
        window.removeEventListener('pagehide', onPageHide)
        document.removeEventListener('visibilitychange', onHide)
      }
    },
  }
}
