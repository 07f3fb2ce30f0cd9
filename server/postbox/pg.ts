/**
 * The post box store on PostgreSQL, for networks that outgrow one machine: several stateless box
 * processes behind any load balancer share one database. The SQL is the embedded store's
 * (sql-store.ts, schema.ts); this file adapts node-postgres to it and adds what sharing needs:
 *
 * - Sequence numbers: an append moves the room's head with one UPDATE, which holds the room's
 *   row lock until its transaction commits, so appends to one room from any process are
 *   numbered one after another; the (room, seq) primary key refuses a repeat if anything else
 *   ever went wrong. Compaction, snapshots and deletion take the same lock first.
 * - Change notification: the append's transaction runs pg_notify (delivered only on commit) and
 *   one connection per process LISTENs, so a reader on process B hears of an append on process
 *   A at once, without polling. If that connection drops it reconnects and reports every room's
 *   head, so nothing announced meanwhile is missed for good.
 */
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { SCHEMA } from './schema'
import type { Sql, SqlQuery, SqlRow, SqlValue } from './sql'
import { createSqlBoxStore } from './sql-store'
import type { BoxLimits, BoxStore } from './store'

/** The channel box processes announce appends on. */
export const APPEND_CHANNEL = 'weave_box_append'
/** Serialises schema creation between processes starting at the same moment. */
const SCHEMA_LOCK = 0x77656176 // "weav"
const CONNECT_TIMEOUT_MS = 10_000
const STATEMENT_TIMEOUT_MS = 30_000

export interface PostgresOptions {
  /** connections in this process's pool (default 10) */
  readonly poolSize?: number
  /** first wait before reconnecting the LISTEN connection, ms (doubles up to 30 s) */
  readonly reconnectMs?: number
}

/** node-postgres sends Buffers as bytea; a plain Uint8Array becomes a view, not a copy. */
function param(value: SqlValue): string | number | Buffer | null {
  if (value instanceof Uint8Array && !Buffer.isBuffer(value)) {
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength)
  }
  return value
}

function over(client: pg.Pool | pg.PoolClient): SqlQuery {
  return {
    async query(text, params = []) {
      const result = await client.query<SqlRow>(text, params.map(param))
      return result.rows
    },
  }
}

type Heard = (room: string, head: number) => void

/** One LISTEN connection, kept open; after a reconnect, every room's head is reported. */
function appendFeed(connectionString: string, pool: pg.Pool, reconnectMs: number) {
  const origin = randomUUID()
  const heard = new Set<Heard>()
  let client: pg.Client | null = null
  let closed = false
  let wait = reconnectMs

  const tell = (room: string, head: number) => {
    for (const listener of heard) listener(room, head)
  }

  async function connect(isReconnect: boolean): Promise<void> {
    const next = new pg.Client({
      connectionString,
      application_name: 'weave-box-listen',
      keepAlive: true, // a silently dead connection is noticed, then reconnected
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    })
    next.on('notification', (message) => {
      if (message.channel !== APPEND_CHANNEL || !message.payload) return
      try {
        const { o, r, h } = JSON.parse(message.payload) as { o: string; r: string; h: number }
        if (o !== origin && typeof r === 'string' && Number.isSafeInteger(h)) tell(r, h)
      } catch {
        // not one of ours: ignore
      }
    })
    next.on('error', (error) => {
      console.error(`post box: PostgreSQL listen connection: ${error.message}`)
    })
    next.on('end', () => {
      if (closed || client !== next) return
      client = null
      setTimeout(() => void retry(), wait).unref()
    })
    await next.connect()
    await next.query(`LISTEN ${APPEND_CHANNEL}`)
    client = next
    wait = reconnectMs
    if (isReconnect) {
      // Appends made while this process was not listening: report every room's head.
      const { rows } = await pool.query<{ room: string; head: string }>(
        'SELECT room, head FROM box_rooms',
      )
      for (const row of rows) tell(row.room, Number(row.head))
    }
  }

  async function retry(): Promise<void> {
    if (closed) return
    try {
      await connect(true)
    } catch (error) {
      console.error(`post box: PostgreSQL listen reconnect failed: ${(error as Error).message}`)
      wait = Math.min(wait * 2, 30_000)
      setTimeout(() => void retry(), wait).unref()
    }
  }

  return {
    start: () => connect(false),
    changes: {
      async announce(tx: SqlQuery, room: string, head: number) {
        await tx.query('SELECT pg_notify($1, $2)', [
          APPEND_CHANNEL,
          JSON.stringify({ o: origin, r: room, h: head }),
        ])
      },
      subscribe(listener: Heard) {
        heard.add(listener)
      },
    },
    /** Ends the LISTEN connection (for tests of a dropped connection too). */
    async drop() {
      await client?.end()
    },
    async close() {
      closed = true
      const current = client
      client = null
      await current?.end()
    },
  }
}

async function createSchema(pool: pg.Pool): Promise<void> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK])
    for (const statement of SCHEMA) await client.query(statement)
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  } finally {
    client.release()
  }
}

export interface PostgresBoxStore extends BoxStore {
  /** Ends the LISTEN connection as a network failure would; it reconnects by itself. */
  dropListenConnection(): Promise<void>
}

/** Opens the store on the database at `connectionString` (postgres://user@host:port/db). */
export async function openPostgresStore(
  connectionString: string,
  limits: Partial<BoxLimits> = {},
  options: PostgresOptions = {},
): Promise<PostgresBoxStore> {
  const pool = new pg.Pool({
    connectionString,
    max: options.poolSize ?? 10,
    application_name: 'weave-box',
    keepAlive: true,
    // With the database down or unreachable, a request fails after this instead of waiting
    // for ever; a statement stuck behind a lock fails too rather than holding its connection.
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
  })
  // An idle connection that breaks is dropped by the pool; without a handler it would throw.
  pool.on('error', (error) => console.error(`post box: PostgreSQL connection: ${error.message}`))
  const feed = appendFeed(connectionString, pool, options.reconnectMs ?? 1000)

  const sql: Sql = {
    query: (text, params) => over(pool).query(text, params),
    async transaction(work) {
      const client = await pool.connect()
      let broken: Error | undefined
      try {
        await client.query('BEGIN')
        const result = await work(over(client))
        await client.query('COMMIT')
        return result
      } catch (error) {
        await client
          .query('ROLLBACK')
          .catch((e: unknown) => (broken = e instanceof Error ? e : new Error(String(e))))
        throw error
      } finally {
        client.release(broken)
      }
    },
    async close() {
      await feed.close()
      await pool.end()
    },
    changes: feed.changes,
  }

  try {
    await createSchema(pool)
    await feed.start()
    const store = await createSqlBoxStore(sql, limits)
    return { ...store, dropListenConnection: () => feed.drop() }
  } catch (error) {
    await sql.close().catch(() => undefined)
    throw error
  }
}
