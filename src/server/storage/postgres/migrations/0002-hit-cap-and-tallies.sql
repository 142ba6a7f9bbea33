-- The hit cap. Every tracker keeps a running tally of its hits, so reads never scan hits, and each hit its
-- recording number within the tracker (seq), by which rows past the cap are dropped and pages are read.
-- Existing hits are numbered in time order here; the tallies of existing trackers are counted from their hits
-- right after this migration, in the same transaction (count-existing-tallies.ts).
-- Not for a rolling deploy: code from before this migration writes hits without tallying them, so stop every
-- older instance before starting a newer one.

-- Counts are bigint: a pixel looped at 30,000 loads a second passes 2^31 in under a day.
ALTER TABLE trackers
  ADD COLUMN hit_count bigint NOT NULL DEFAULT 0,
  ADD COLUMN opens bigint NOT NULL DEFAULT 0,
  ADD COLUMN machine_opens bigint NOT NULL DEFAULT 0,
  ADD COLUMN clicks bigint NOT NULL DEFAULT 0,
  ADD COLUMN first_opened_at timestamptz,
  ADD COLUMN last_opened_at timestamptz,
  ADD COLUMN last_hit_at timestamptz,
  -- Client key -> ms of its last counted open, for the clients that may still fold a later hit (≤ 200).
  ADD COLUMN recent_opens jsonb NOT NULL DEFAULT '{}';

ALTER TABLE hits ADD COLUMN seq bigint NOT NULL DEFAULT 0;

UPDATE hits SET seq = numbered.n
FROM (SELECT id, row_number() OVER (PARTITION BY tracker_id ORDER BY at, id) AS n FROM hits) AS numbered
WHERE hits.id = numbered.id;

-- Pages of a tracker's kept hits, newest recorded first, and the range deletes of the cap.
DROP INDEX hits_by_tracker;
CREATE INDEX hits_by_tracker_seq ON hits (tracker_id, seq);
