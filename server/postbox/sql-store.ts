/**
 * The post box's store, written once in SQL over the `Sql` interface: the embedded engine and
 * PostgreSQL run the same statements on the same schema (schema.ts). Every change happens in
 * one transaction, and a refusal changes nothing.
 */
import { SCHEMA, SCHEMA_VERSION } from './schema'
import { bytes, int, type Sql, type SqlQuery, type SqlValue } from './sql'
import {
  DEFAULT_BOX_LIMITS,
  type AppendListener,
  type BoxLimits,
  type BoxStore,
  type Refusal,
  type RoomInfo,
  type StoreResult,
} from './store'

const ok = <T>(value: T): StoreResult<T> => ({ ok: true, value })
const refuse = (refusal: Refusal): { ok: false; refusal: Refusal } => ({ ok: false, refusal })

const ROOM_INFO = `
  SELECT r.write_hash, r.created_at, r.head, r.dropped_to, r.entry_bytes,
    COALESCE((SELECT MAX(s.up_to) FROM box_snapshots s WHERE s.room = r.room), 0) AS snapshot_up_to
  FROM box_rooms r WHERE r.room = $1`

async function roomInfo(tx: SqlQuery, room: string): Promise<RoomInfo | null> {
  const [row] = await tx.query(ROOM_INFO, [room])
  if (!row) return null
  return {
    writeHash: bytes(row, 'write_hash'),
    createdAt: int(row, 'created_at'),
    head: int(row, 'head'),
    droppedTo: int(row, 'dropped_to'),
    entryBytes: int(row, 'entry_bytes'),
    snapshotUpTo: int(row, 'snapshot_up_to'),
  }
}

const sameBytes = (a: Uint8Array, b: Uint8Array) =>
  a.length === b.length && a.every((value, i) => value === b[i])

/**
 * Takes the room's row lock until the transaction ends (PostgreSQL; SQLite's writer lock is
 * already held), so two box processes cannot compact or snapshot one room at the same time.
 */
async function lockRoom(tx: SqlQuery, room: string): Promise<void> {
  await tx.query('UPDATE box_rooms SET head = head WHERE room = $1', [room])
}

/** Listeners by room; each append is told to those of its room. */
function appendListeners() {
  const byRoom = new Map<string, Set<AppendListener>>()
  return {
    add(room: string, listener: AppendListener) {
      const set = byRoom.get(room) ?? new Set()
      byRoom.set(room, set.add(listener))
      return () => {
        set.delete(listener)
        if (set.size === 0 && byRoom.get(room) === set) byRoom.delete(room)
      }
    },
    tell(room: string, head: number) {
      for (const listener of [...(byRoom.get(room) ?? [])]) {
        try {
          listener(head)
        } catch (error) {
          console.error('post box: an append listener failed', error)
        }
      }
    },
  }
}

/** Creates the tables when missing and checks the schema is the one this code knows. */
async function migrate(sql: Sql): Promise<void> {
  await sql.transaction(async (tx) => {
    for (const statement of SCHEMA) await tx.query(statement)
    await tx.query(
      `INSERT INTO box_meta (key, value) VALUES ('schema', $1) ON CONFLICT (key) DO NOTHING`,
      [String(SCHEMA_VERSION)],
    )
    const [row] = await tx.query(`SELECT value FROM box_meta WHERE key = 'schema'`)
    if (row?.value !== String(SCHEMA_VERSION)) {
      throw new Error(`post box: database schema ${String(row?.value)}, expected ${SCHEMA_VERSION}`)
    }
  })
}

/** The store over an engine; creates or checks the schema first. */
export async function createSqlBoxStore(
  sql: Sql,
  limits: Partial<BoxLimits> = {},
): Promise<BoxStore> {
  const max: BoxLimits = { ...DEFAULT_BOX_LIMITS, ...limits }
  await migrate(sql)
  const listeners = appendListeners()
  sql.changes?.subscribe((room, head) => listeners.tell(room, head))

  return {
    limits: max,

    createRoom(room, writeHash, now) {
      return sql.transaction(async (tx) => {
        const existing = await roomInfo(tx, room)
        if (existing) {
          return sameBytes(existing.writeHash, writeHash) ? ok(existing) : refuse('room-exists')
        }
        // New rooms are counted one process at a time (the schema row's lock), so two box
        // processes cannot both take the last place.
        await tx.query(`UPDATE box_meta SET value = value WHERE key = 'schema'`)
        const [count] = await tx.query('SELECT COUNT(*) AS n FROM box_rooms')
        if (int(count, 'n') >= max.maxRooms) return refuse('box-full')
        await tx.query(
          `INSERT INTO box_rooms (room, write_hash, created_at) VALUES ($1, $2, $3)
           ON CONFLICT (room) DO NOTHING`,
          [room, writeHash, now],
        )
        // Another box process may have created it in between: its hash decides.
        const info = await roomInfo(tx, room)
        if (!info) throw new Error('post box: room vanished while being created')
        return sameBytes(info.writeHash, writeHash) ? ok(info) : refuse('room-exists')
      })
    },

    room(room) {
      return roomInfo(sql, room)
    },

    async append(room, bodies, now) {
      if (bodies.length === 0 || bodies.length > max.maxBatchEntries) return refuse('bad-batch')
      if (bodies.some((body) => body.length > max.maxEntryBytes)) return refuse('entry-too-large')
      const size = bodies.reduce((sum, body) => sum + body.length, 0)
      const result = await sql.transaction(async (tx) => {
        // One statement takes the room's row lock, checks the quota and moves the head.
        const [row] = await tx.query(
          `UPDATE box_rooms SET head = head + $2, entry_bytes = entry_bytes + $3
           WHERE room = $1 AND entry_bytes + $3 <= $4 RETURNING head`,
          [room, bodies.length, size, max.maxRoomBytes],
        )
        if (!row) return refuse((await roomInfo(tx, room)) ? 'room-full' : 'no-room')
        const head = int(row, 'head')
        const first = head - bodies.length + 1
        const params: SqlValue[] = [room, now]
        const values = bodies.map((body, i) => {
          params.push(first + i, body)
          return `($1, $${params.length - 1}, $${params.length}, $2)`
        })
        await tx.query(
          `INSERT INTO box_entries (room, seq, body, stored_at) VALUES ${values.join(', ')}`,
          params,
        )
        await sql.changes?.announce(tx, room, head)
        return ok(head)
      })
      if (result.ok) listeners.tell(room, result.value)
      return result
    },

    read(room, after, page) {
      return sql.transaction(async (tx) => {
        const [row] = await tx.query('SELECT head, dropped_to FROM box_rooms WHERE room = $1', [
          room,
        ])
        if (!row) return refuse('no-room')
        if (after < int(row, 'dropped_to')) return refuse('cursor-compacted')
        const rows = await tx.query(
          `SELECT seq, body, stored_at FROM box_entries WHERE room = $1 AND seq > $2
           ORDER BY seq LIMIT $3`,
          [room, after, Math.max(1, page.maxEntries)],
        )
        const entries = []
        let total = 0
        for (const entry of rows) {
          const body = bytes(entry, 'body')
          if (entries.length > 0 && total + body.length > page.maxBytes) break
          total += body.length
          entries.push({ seq: int(entry, 'seq'), body, storedAt: int(entry, 'stored_at') })
        }
        return ok({ entries, head: int(row, 'head') })
      })
    },

    putSnapshot(room, upTo, body, now) {
      if (body.length > max.maxSnapshotBytes) return Promise.resolve(refuse('snapshot-too-large'))
      return sql.transaction(async (tx) => {
        await lockRoom(tx, room)
        const info = await roomInfo(tx, room)
        if (!info) return refuse('no-room')
        if (!Number.isSafeInteger(upTo) || upTo < 1 || upTo > info.head) {
          return refuse('snapshot-out-of-order')
        }
        if (upTo <= info.snapshotUpTo) return refuse('snapshot-out-of-order')
        await tx.query(
          'INSERT INTO box_snapshots (room, up_to, body, stored_at) VALUES ($1, $2, $3, $4)',
          [room, upTo, body, now],
        )
        await tx.query(
          `DELETE FROM box_snapshots WHERE room = $1 AND up_to NOT IN (
             SELECT up_to FROM box_snapshots WHERE room = $1 ORDER BY up_to DESC LIMIT $2)`,
          [room, Math.max(1, max.snapshotsKept)],
        )
        return ok(null)
      })
    },

    async latestSnapshot(room) {
      const [row] = await sql.query(
        `SELECT up_to, body, stored_at FROM box_snapshots WHERE room = $1
         ORDER BY up_to DESC LIMIT 1`,
        [room],
      )
      if (!row) return null
      return { upTo: int(row, 'up_to'), body: bytes(row, 'body'), storedAt: int(row, 'stored_at') }
    },

    compact(room, storedBefore) {
      return sql.transaction(async (tx) => {
        await lockRoom(tx, room)
        const info = await roomInfo(tx, room)
        if (!info || info.snapshotUpTo === 0) return 0
        const [cutRow] = await tx.query(
          `SELECT COALESCE(MAX(seq), 0) AS cut FROM box_entries
           WHERE room = $1 AND seq <= $2 AND stored_at < $3`,
          [room, info.snapshotUpTo, storedBefore],
        )
        const cut = int(cutRow, 'cut')
        if (cut <= info.droppedTo) return 0
        const [gone] = await tx.query(
          `SELECT COUNT(*) AS n, COALESCE(SUM(LENGTH(body)), 0) AS size FROM box_entries
           WHERE room = $1 AND seq <= $2`,
          [room, cut],
        )
        await tx.query('DELETE FROM box_entries WHERE room = $1 AND seq <= $2', [room, cut])
        await tx.query(
          'UPDATE box_rooms SET dropped_to = $2, entry_bytes = entry_bytes - $3 WHERE room = $1',
          [room, cut, int(gone, 'size')],
        )
        return int(gone, 'n')
      })
    },

    deleteRoom(room) {
      return sql.transaction(async (tx) => {
        await lockRoom(tx, room) // appends to it finish first, or wait and find no room
        await tx.query('DELETE FROM box_entries WHERE room = $1', [room])
        await tx.query('DELETE FROM box_snapshots WHERE room = $1', [room])
        const deleted = await tx.query('DELETE FROM box_rooms WHERE room = $1 RETURNING room', [
          room,
        ])
        return deleted.length > 0
      })
    },

    onAppend(room, listener) {
      return listeners.add(room, listener)
    },

    close() {
      return sql.close()
    },
  }
}
