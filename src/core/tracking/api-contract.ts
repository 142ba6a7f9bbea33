/**
 * The tracker's HTTP contract, version 1 (JSON). Shared by the server (which validates requests
 * against schemas built to match) and the task pane's tracker client. Times are ISO-8601 strings.
 */

/** Where a pixel or link hit came from; only `human` and `proxy` count as opens. */
export type HitSource = 'human' | 'proxy' | 'apple-mpp' | 'prefetch' | 'scanner' | 'self';

export type OpenStatus = 'unopened' | 'opened' | 'reopened';

export type HitKind = 'open' | 'click';

export interface CreateAccountRequest {
  name: string;
}

export interface CreateAccountResponse {
  accountId: string;
  /** Shown once; the server keeps only its hash. */
  apiKey: string;
}

export interface CreateTrackerRequest {
  subject?: string;
  recipient?: string;
  template?: string;
  /** https URLs to wrap as tracked links; at most 20. */
  links?: string[];
}

export interface TrackedLink {
  url: string;
  trackedUrl: string;
}

export interface CreateTrackerResponse {
  id: string;
  pixelUrl: string;
  links: TrackedLink[];
  createdAt: string;
}

export interface TrackerSummary {
  id: string;
  subject: string | null;
  recipient: string | null;
  template: string | null;
  createdAt: string;
  status: OpenStatus;
  opens: number;
  machineOpens: number;
  clicks: number;
  firstOpenedAt: string | null;
  lastOpenedAt: string | null;
}

export interface TrackerEvent {
  at: string;
  kind: HitKind;
  source: HitSource;
  /** A coarse client family such as "Gmail" or "Outlook", when known. */
  client?: string;
}

export interface TrackerDetail extends TrackerSummary {
  /**
   * The latest events, oldest first: at most 100. A tracker keeps its first 500 and latest 2,000 events in
   * detail; every event is counted in the summary whether or not its detail is kept.
   */
  events: TrackerEvent[];
  /** Every pixel load and click recorded for the tracker (including the sender's own), kept in detail or not. */
  eventCount?: number;
  /**
   * For the next older page of kept events (GET /api/v1/trackers/:id/events?cursor=…), or null when `events`
   * already reaches back to the oldest kept one. (Optional only for servers older than the hit cap.)
   */
  olderEventsCursor?: string | null;
}

/** GET /api/v1/trackers/:id/events?cursor&limit: older kept events, newest page first, each page oldest first. */
export interface TrackerEventPage {
  events: TrackerEvent[];
  nextCursor: string | null;
}

export interface TrackerPage {
  trackers: TrackerSummary[];
  nextCursor: string | null;
}

/** `data` of each server-sent event on GET /api/v1/events (event name: `open` or `click`). */
export interface LiveHitEvent {
  trackerId: string;
  at: string;
  source: HitSource;
}

/** Body of every 4xx/5xx answer from /api/v1. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
}
