-- Politely tracker schema, version 1. Applied once by apply-migrations.ts under an advisory lock.
-- Times are timestamptz (UTC instants); ids are opaque text chosen by the application.

CREATE TABLE accounts (
  id text PRIMARY KEY,
  name text NOT NULL,
  -- Hex SHA-256 of the API key; the key itself is never stored.
  api_key_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL
);

CREATE TABLE trackers (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  subject text,
  recipient text,
  template text,
  -- Targets of the tracked links in order; a click names its link by 0-based index.
  links text[] NOT NULL DEFAULT '{}',
  creator_client_key text NOT NULL,
  created_at timestamptz NOT NULL,
  -- Earliest hit from a client other than the creator; kept here so a batch write can report it without
  -- scanning the tracker's hits. Only ever moves earlier (LEAST), so concurrent writers agree.
  first_outside_at timestamptz
);

-- The account listing: newest first, keyset-paginated on (created_at, id).
CREATE INDEX trackers_account_listing ON trackers (account_id, created_at DESC, id DESC);

-- Quota slots are counted per account and period and never handed back, so create-then-delete cannot get
-- round the quota.
CREATE TABLE tracker_quota_usage (
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  period text NOT NULL,
  used integer NOT NULL,
  PRIMARY KEY (account_id, period)
);

CREATE TABLE hits (
  -- Idempotency key given when the hit was accepted: a replayed batch inserts nothing twice.
  id text PRIMARY KEY,
  tracker_id text NOT NULL REFERENCES trackers (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('open', 'click')),
  link_index integer,
  at timestamptz NOT NULL,
  signal text NOT NULL CHECK (signal IN ('human', 'proxy', 'apple-mpp', 'prefetch', 'scanner')),
  ip_prefix text NOT NULL,
  ua_family text NOT NULL,
  client_key text NOT NULL
);

-- The per-tracker event list, read in (at, id) order.
CREATE INDEX hits_by_tracker ON hits (tracker_id, at, id);

-- Retention deletes by age; hits arrive roughly in time order, so a tiny BRIN index is enough.
CREATE INDEX hits_by_time ON hits USING brin (at);
