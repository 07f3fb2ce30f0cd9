/**
 * The post box's one SQL schema, for both stores: the embedded one (SQLite) and PostgreSQL.
 * Only types both read the same way: TEXT, BIGINT (SQLite: INTEGER affinity) and BYTEA
 * (SQLite keeps blobs as they are). The box never parses what it stores: entry and snapshot
 * bodies are encrypted bytes; a room is an opaque id; the write token is kept only as a hash.
 */
export const SCHEMA_VERSION = 1

export const SCHEMA: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS box_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS box_rooms (
    room TEXT PRIMARY KEY,
    write_hash BYTEA NOT NULL,
    created_at BIGINT NOT NULL,
    head BIGINT NOT NULL DEFAULT 0,
    dropped_to BIGINT NOT NULL DEFAULT 0,
    entry_bytes BIGINT NOT NULL DEFAULT 0
  )`,
  `CREATE TABLE IF NOT EXISTS box_entries (
    room TEXT NOT NULL REFERENCES box_rooms (room) ON DELETE CASCADE,
    seq BIGINT NOT NULL,
    body BYTEA NOT NULL,
    stored_at BIGINT NOT NULL,
    PRIMARY KEY (room, seq)
  )`,
  `CREATE TABLE IF NOT EXISTS box_snapshots (
    room TEXT NOT NULL REFERENCES box_rooms (room) ON DELETE CASCADE,
    up_to BIGINT NOT NULL,
    body BYTEA NOT NULL,
    stored_at BIGINT NOT NULL,
    PRIMARY KEY (room, up_to)
  )`,
]
