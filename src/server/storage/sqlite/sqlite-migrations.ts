/**
 * The SQLite schema as an append-only list of migrations; PRAGMA user_version records how many have run.
 * Never edit an entry once committed: add a new one. Times are milliseconds since the epoch (UTC).
 */
export const sqliteMigrations: readonly string[] = [
  `
  CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    api_key_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE trackers (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    subject TEXT,
    recipient TEXT,
    template TEXT,
    links TEXT NOT NULL,
    creator_client_key TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX trackers_by_account ON trackers (account_id, created_at DESC, id DESC);
  CREATE TABLE tracker_quota_usage (
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    period TEXT NOT NULL,
    used INTEGER NOT NULL,
    PRIMARY KEY (account_id, period)
  );
  CREATE TABLE hits (
    id TEXT NOT NULL UNIQUE,
    tracker_id TEXT NOT NULL REFERENCES trackers (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    link_index INTEGER,
    at INTEGER NOT NULL,
    signal TEXT NOT NULL,
    ip_prefix TEXT NOT NULL,
    ua_family TEXT NOT NULL,
    client_key TEXT NOT NULL
  );
  CREATE INDEX hits_by_tracker ON hits (tracker_id, at, id);
  CREATE INDEX hits_by_time ON hits (at);
  `,
  // The per-tracker index need not carry the 36-character hit id: reads sort ties in memory, and every hit
  // insert maintains one smaller key.
  `
  DROP INDEX hits_by_tracker;
  CREATE INDEX hits_by_tracker_time ON hits (tracker_id, at);
  `,
];
