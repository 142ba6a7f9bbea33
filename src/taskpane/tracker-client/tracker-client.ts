/**
 * The pane's port to the tracking server. Every method resolves with contract data or rejects with a
 * `TrackerClientError` whose `kind` says what went wrong in terms the pane can show to a person.
 */
import type {
  CreateAccountResponse,
  CreateTrackerRequest,
  CreateTrackerResponse,
  LiveHitEvent,
  HitKind,
  TrackerDetail,
  TrackerEventPage,
  TrackerPage,
} from '../../core/tracking/api-contract';

export type TrackerClientErrorKind =
  /** No answer within the client's time limit. */
  | 'timeout'
  /** The request never reached the server (offline, DNS, TLS, CORS). */
  | 'network'
  /** The key was refused even after registering a fresh account. */
  | 'unauthorized'
  /** The monthly tracker quota is used up; `resetAt` says when it renews, when known. */
  | 'quota'
  /** Too many requests in a short time; `resetAt` says when to try again, when known. */
  | 'rate-limited'
  | 'not-found'
  /** Any other 4xx: the server's message is passed through. */
  | 'rejected'
  /** 5xx or an answer that is not the contract's JSON. */
  | 'server';

export class TrackerClientError extends Error {
  override readonly name = 'TrackerClientError';
  readonly kind: TrackerClientErrorKind;
  readonly status: number | null;
  readonly resetAt: Date | null;

  constructor(
    kind: TrackerClientErrorKind,
    message: string,
    options: { status?: number; resetAt?: Date | null } = {},
  ) {
    super(message);
    this.kind = kind;
    this.status = options.status ?? null;
    this.resetAt = options.resetAt ?? null;
  }
}

export function isTrackerClientError(error: unknown): error is TrackerClientError {
  return error instanceof TrackerClientError;
}

export interface ListTrackersOptions {
  limit?: number;
  cursor?: string | null;
}

export interface ListTrackerEventsOptions {
  /** `olderEventsCursor` of the detail or `nextCursor` of the previous page; none starts at the latest. */
  cursor?: string | null;
  /** 1 to 200 (the server's bound); the server's default is 100. */
  limit?: number;
}

/** What a live subscription is doing now, so the view can say "Live" or "Reconnecting…". */
export type LiveConnectionState = 'connecting' | 'live' | 'reconnecting' | 'closed';

export interface LiveHit extends LiveHitEvent {
  kind: HitKind;
}

export interface LiveEventHandlers {
  onHit(hit: LiveHit): void;
  onStateChange?(state: LiveConnectionState, error?: TrackerClientError): void;
}

export interface LiveSubscription {
  close(): void;
}

export interface TrackerClient {
  createAccount(name: string): Promise<CreateAccountResponse>;
  createTracker(request: CreateTrackerRequest): Promise<CreateTrackerResponse>;
  listTrackers(options?: ListTrackersOptions): Promise<TrackerPage>;
  /** The summary and latest events; `eventCount` and `olderEventsCursor` are absent from older servers. */
  getTracker(id: string): Promise<TrackerDetail>;
  /** The next older page of a tracker's kept events, oldest first within the page. */
  listTrackerEvents(id: string, options?: ListTrackerEventsOptions): Promise<TrackerEventPage>;
  deleteTracker(id: string): Promise<void>;
  /** Streams the account's open and click events; reconnects with backoff until closed. */
  subscribe(handlers: LiveEventHandlers): LiveSubscription;
}
