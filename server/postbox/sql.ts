/**
 * What the post box's store needs from a SQL engine: queries in PostgreSQL's dialect with
 * numbered parameters ($1, $2, …), and transactions. The embedded store and the PostgreSQL one
 * each adapt their driver to this, so the store's SQL is written once (sql-store.ts).
 */
export type SqlValue = string | number | Uint8Array | null

export type SqlRow = Readonly<Record<string, unknown>>

export interface Sql {
  query(text: string, params?: readonly SqlValue[]): Promise<SqlRow[]>
  /** Runs `work` in one transaction: all of its queries apply, or none (when it throws). */
  transaction<T>(work: (tx: SqlQuery) => Promise<T>): Promise<T>
  close(): Promise<void>
  /**
   * For engines shared by several processes (PostgreSQL): tells the others, inside the append's
   * transaction (so only once it commits), that `room`'s head moved; `subscribe` hears the
   * other processes' announcements. Without it, appends are heard within this process only.
   */
  readonly changes?: {
    announce(tx: SqlQuery, room: string, head: number): Promise<void>
    subscribe(listener: (room: string, head: number) => void): void
  }
}

export type SqlQuery = Pick<Sql, 'query'>

/** A column read back as a number: PostgreSQL drivers return BIGINT as a string. */
export function int(row: SqlRow | undefined, column: string): number {
  const value = row?.[column]
  const n = typeof value === 'bigint' ? Number(value) : Number(value ?? Number.NaN)
  if (!Number.isSafeInteger(n)) throw new Error(`post box store: ${column} is not an integer`)
  return n
}

/** A column read back as bytes: a plain Uint8Array view whatever the driver returned (Buffer). */
export function bytes(row: SqlRow | undefined, column: string): Uint8Array {
  const value = row?.[column]
  if (!(value instanceof Uint8Array)) throw new Error(`post box store: ${column} is not bytes`)
  return new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
}
