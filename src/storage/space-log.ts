/**
 * The update log and snapshot of one space as IndexedDB operations, each one transaction so
 * each happens whole or not at all. persistence.ts decides when to call them; this module
 * knows how rows are read, checked, appended and folded into a snapshot.
 */
import { Dexie } from 'dexie'
import * as Y from 'yjs'
import type { SpaceId } from '../domain/ids'
import type { SnapshotRow, WeaveDb } from './db'

/** Which snapshot a reader last saw, so a compaction notices one written by another tab. */
export interface SnapshotMark {
  readonly upToSeq: number
  readonly savedAt: number
}

/** What a space has on disk, checked: only `updates` may be applied. */
export interface CheckedSpace {
  readonly updates: Uint8Array[]
  /** The seq of every log row that was decoded (and so is in `updates`). */
  readonly seqs: number[]
  readonly logRows: number
  readonly snapshotBytes: number
  readonly skippedRows: number
  readonly snapshot: SnapshotMark | undefined
}

/** The log rows of one space, in seq order. */
const logOf = (db: WeaveDb, spaceId: SpaceId) =>
  db.updates.where('[spaceId+seq]').between([spaceId, Dexie.minKey], [spaceId, Dexie.maxKey])

/** Y.decodeUpdate reads the whole update and throws on garbage, touching no document. */
export function isDecodable(update: unknown): update is Uint8Array {
  if (!(update instanceof Uint8Array)) return false
  try {
    Y.decodeUpdate(update)
    return true
  } catch {
    return false // the caller counts it as skipped and leaves it on disk
  }
}

/** Applies stored updates in one Yjs transaction under `origin`; returns how many failed. */
export function applyStored(doc: Y.Doc, updates: readonly Uint8Array[], origin: unknown): number {
  let failed = 0
  Y.transact(
    doc,
    () => {
      for (const update of updates) {
        try {
          Y.applyUpdate(doc, update, origin)
        } catch (error) {
          failed++ // decoded but would not apply: skip it, keep loading the rest
          console.warn('Skipped a stored update that could not be applied', error)
        }
      }
    },
    origin,
  )
  return failed
}

function checkSnapshot(snapshot: SnapshotRow | undefined) {
  return snapshot && isDecodable(snapshot.state) ? [snapshot.state] : []
}

/** Reads the snapshot and the whole log of a space in ONE read transaction, and checks each row. */
export async function readSpace(db: WeaveDb, spaceId: SpaceId): Promise<CheckedSpace> {
  const { snapshot, rows } = await db.transaction('r', db.snapshots, db.updates, async () => ({
    snapshot: await db.snapshots.get(spaceId),
    rows: await logOf(db, spaceId).toArray(),
  }))
  const updates = checkSnapshot(snapshot)
  let skippedRows = snapshot && updates.length === 0 ? 1 : 0
  const seqs: number[] = []
  for (const row of rows) {
    if (row.seq === undefined || !isDecodable(row.update)) skippedRows++
    else {
      updates.push(row.update)
      seqs.push(row.seq)
    }
  }
  return {
    updates,
    seqs,
    logRows: rows.length,
    snapshotBytes: snapshot?.state.byteLength ?? 0,
    skippedRows,
    snapshot: snapshot && { upToSeq: snapshot.upToSeq, savedAt: snapshot.savedAt },
  }
}

/** Appends rows to the log in ONE transaction; returns their seqs. */
export async function appendUpdates(
  db: WeaveDb,
  spaceId: SpaceId,
  updates: readonly Uint8Array[],
): Promise<number[]> {
  return await db.updates.bulkAdd(
    updates.map((update) => ({ spaceId, update })),
    { allKeys: true },
  )
}

export interface CompactionInput {
  readonly doc: Y.Doc
  /** Log rows already applied to `doc`. */
  readonly known: ReadonlySet<number>
  /** The snapshot already applied to `doc`. */
  readonly snapshot: SnapshotMark | undefined
  readonly origin: unknown
}

export interface CompactionResult {
  readonly snapshot: SnapshotMark
  /** Log rows deleted: they are in the snapshot now. */
  readonly removed: readonly number[]
}

const sameMark = (a: SnapshotMark | undefined, b: SnapshotMark | undefined) =>
  a?.upToSeq === b?.upToSeq && a?.savedAt === b?.savedAt

/**
 * Folds the log into a snapshot of the live document in ONE read-write transaction: the
 * snapshot is written and the folded rows deleted together, or neither (a crash loses
 * nothing). Rows and a snapshot written by another tab since we loaded are applied to the
 * document first, so the new snapshot contains them before they are deleted or replaced.
 * Encodes the live document: Y.mergeUpdates over a long log is far too slow.
 */
export async function compactSpace(
  db: WeaveDb,
  spaceId: SpaceId,
  { doc, known, snapshot, origin }: CompactionInput,
): Promise<CompactionResult> {
  const savedAt = Date.now()
  return await db.transaction('rw', db.snapshots, db.updates, async () => {
    const current = await db.snapshots.get(spaceId)
    const seqs = await logOf(db, spaceId).primaryKeys()
    const unseen = seqs.filter((seq) => !known.has(seq))
    const unseenRows = unseen.length > 0 ? await db.updates.bulkGet(unseen) : []
    const foreign = sameMark(current, snapshot) ? [] : checkSnapshot(current)
    const folded = new Set(seqs.filter((seq) => known.has(seq)))
    unseenRows.forEach((row, index) => {
      const seq = unseen[index]
      if (row && seq !== undefined && isDecodable(row.update)) {
        foreign.push(row.update)
        folded.add(seq)
      }
    })
    if (foreign.length > 0) applyStored(doc, foreign, origin)
    let upToSeq = current?.upToSeq ?? 0
    for (const seq of folded) upToSeq = Math.max(upToSeq, seq)
    await db.snapshots.put({
      spaceId,
      state: Y.encodeStateAsUpdate(doc),
      stateVector: Y.encodeStateVector(doc),
      upToSeq,
      savedAt,
    })
    const removed = [...folded]
    await db.updates.bulkDelete(removed) // rows that failed to decode stay, set aside
    return { snapshot: { upToSeq, savedAt }, removed }
  })
}
