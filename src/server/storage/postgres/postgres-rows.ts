/**
 * How the PostgreSQL adapter's rows map to the port's types and back: trackers with their tally columns, and
 * hit facts. Times are timestamptz (Date), recent opens jsonb.
 */
import type { HitFact, HitSignal } from '../../../core/tracking/hit-facts';
import type { OpenTally } from '../../../core/tracking/open-tally';
import type { StoredTracker } from '../tracker-store';

/** The counts are bigint columns, which `pg` returns as strings (exact; JavaScript numbers hold them). */
export interface TallyColumns {
  hit_count: string;
  opens: string;
  machine_opens: string;
  clicks: string;
  first_opened_at: Date | null;
  last_opened_at: Date | null;
  first_outside_at: Date | null;
  last_hit_at: Date | null;
  recent_opens: Record<string, number>;
}

export interface TrackerRow extends TallyColumns {
  id: string;
  account_id: string;
  subject: string | null;
  recipient: string | null;
  template: string | null;
  links: string[];
  creator_client_key: string;
  created_at: Date;
}

export interface HitRow {
  /** bigint, as a string. */
  seq: string;
  id: string;
  tracker_id: string;
  kind: HitFact['kind'];
  link_index: number | null;
  at: Date;
  signal: HitSignal;
  ip_prefix: string;
  ua_family: string;
  client_key: string;
}

const TALLY_COLUMNS =
  'hit_count, opens, machine_opens, clicks, first_opened_at, last_opened_at, first_outside_at, last_hit_at, recent_opens';
export const TRACKER_COLUMNS = `id, account_id, subject, recipient, template, links, creator_client_key, created_at, ${TALLY_COLUMNS}`;
/** The columns a new tracker is inserted with (its tally starts at the defaults). */
export const NEW_TRACKER_COLUMNS =
  'id, account_id, subject, recipient, template, links, creator_client_key, created_at';
export const HIT_COLUMNS = 'id, tracker_id, kind, link_index, at, signal, ip_prefix, ua_family, client_key';

/** `SET` assignments of the tally columns from parameters $1…$9, in tallyParams order. */
export const TALLY_ASSIGNMENTS =
  'hit_count = $1, opens = $2, machine_opens = $3, clicks = $4, first_opened_at = $5, last_opened_at = $6, ' +
  'first_outside_at = $7, last_hit_at = $8, recent_opens = $9::jsonb';

export type TallyParams = [
  number,
  number,
  number,
  number,
  Date | null,
  Date | null,
  Date | null,
  Date | null,
  string,
];

export function tallyParams(tally: OpenTally): TallyParams {
  return [
    tally.hits,
    tally.opens,
    tally.machineOpens,
    tally.clicks,
    tally.firstOpenedAt,
    tally.lastOpenedAt,
    tally.firstOutsideAt,
    tally.lastHitAt,
    JSON.stringify(tally.recentOpens),
  ];
}

export function toTally(row: TallyColumns): OpenTally {
  return {
    hits: Number(row.hit_count),
    opens: Number(row.opens),
    machineOpens: Number(row.machine_opens),
    clicks: Number(row.clicks),
    firstOpenedAt: row.first_opened_at,
    lastOpenedAt: row.last_opened_at,
    firstOutsideAt: row.first_outside_at,
    lastHitAt: row.last_hit_at,
    recentOpens: row.recent_opens,
  };
}

export function toTracker(row: TrackerRow): StoredTracker {
  return {
    id: row.id,
    accountId: row.account_id,
    subject: row.subject,
    recipient: row.recipient,
    template: row.template,
    links: row.links,
    creatorClientKey: row.creator_client_key,
    createdAt: row.created_at,
  };
}

export function toHit(row: HitRow): HitFact {
  return {
    id: row.id,
    trackerId: row.tracker_id,
    kind: row.kind,
    linkIndex: row.link_index,
    at: row.at,
    signal: row.signal,
    ipPrefix: row.ip_prefix,
    uaFamily: row.ua_family,
    clientKey: row.client_key,
  };
}
