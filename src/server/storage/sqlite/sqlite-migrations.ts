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
  // The hit cap: every tracker keeps a running tally of its hits (so reads never scan hits), and each hit its
  // recording number within the tracker (`seq`), by which rows past the cap are dropped and pages are read.
  // Existing hits are numbered in time order here; their tallies are counted by the store right after this
  // migration, in the same transaction (see TALLY_MIGRATION).
  `
  ALTER TABLE trackers ADD COLUMN hit_count INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE trackers ADD COLUMN opens INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE trackers ADD COLUMN machine_opens INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE trackers ADD COLUMN clicks INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE trackers ADD COLUMN first_opened_at INTEGER;
  ALTER TABLE trackers ADD COLUMN last_opened_at INTEGER;
  ALTER TABLE trackers ADD COLUMN first_outside_at INTEGER;
  ALTER TABLE trackers ADD COLUMN last_hit_at INTEGER;
  ALTER TABLE trackers ADD COLUMN recent_opens TEXT NOT NULL DEFAULT '{}';
  ALTER TABLE hits ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
  UPDATE hits SET seq = numbered.n
    FROM (SELECT rowid AS row_id, row_number() OVER (PARTITION BY tracker_id ORDER BY at, id) AS n FROM hits)
      AS numbered
    WHERE hits.rowid = numbered.row_id;
  DROP INDEX hits_by_tracker_time;
  CREATE INDEX hits_by_tracker_seq ON hits (tracker_id, seq);
  `,
  // Single-use live-event tickets: a claim per ticket, kept until the ticket expires.
  `
  CREATE TABLE event_ticket_claims (
    ticket_id TEXT PRIMARY KEY,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX event_ticket_claims_by_expiry ON event_ticket_claims (expires_at);
  `,
];

/** The number of the migration (1-based) after which existing trackers' tallies are counted from their hits. */
export const TALLY_MIGRATION = 3;
