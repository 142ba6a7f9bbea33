-- Single-use live-event tickets: one claim per ticket, on whichever instance it is first used, kept until
-- the ticket expires (each claim forgets the expired ones).
CREATE TABLE event_ticket_claims (
  ticket_id text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);

CREATE INDEX event_ticket_claims_by_expiry ON event_ticket_claims (expires_at);
