/**
 * Wraps `fetch` to the tracking server's HTTP v1 API. Every call either resolves with contract data or
 * rejects with a `TrackerClientError`; it never hangs longer than `timeoutMs`, and a refused key leads
 * to exactly one re-registration and one retry.
 */
import type {
  ApiErrorBody,
  CreateAccountResponse,
  CreateTrackerRequest,
  CreateTrackerResponse,
  HitKind,
  TrackerDetail,
  TrackerEvent,
  TrackerEventPage,
  TrackerPage,
} from '../../core/tracking/api-contract';
import { createSseParser } from './sse-parser';
import { parseResetTime } from './parse-reset-time';
import {
  TrackerClientError,
  type LiveConnectionState,
  type LiveEventHandlers,
  type LiveHit,
  type LiveSubscription,
  type ListTrackerEventsOptions,
  type ListTrackersOptions,
  type TrackerClient,
} from './tracker-client';

export interface HttpTrackerClientOptions {
  /** e.g. `https://localhost:3001`; a trailing slash is ignored. */
  baseUrl: string;
  fetch: typeof fetch;
  /** The stored key, or null when this mailbox has none yet. */
  getApiKey(): Promise<string | null>;
  /** Creates an account, stores its key and returns it. Called on first use and once after a 401. */
  register(): Promise<string>;
  /** Upper bound for one request, from sending to the last byte of the answer. Default 10 s. */
  timeoutMs?: number;
  /** Live stream: first reconnect delay, doubled per failed attempt up to `maxReconnectDelayMs`. */
  reconnectDelayMs?: number;
  maxReconnectDelayMs?: number;
  /** Reconnect when the live stream has been silent this long (the server sends heartbeats). 0 = never. */
  liveIdleTimeoutMs?: number;
  now?(): Date;
}

const HIT_KINDS: readonly string[] = ['open', 'click'] satisfies HitKind[];

export function createHttpTrackerClient(options: HttpTrackerClientOptions): TrackerClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 10_000;
  const reconnectDelayMs = options.reconnectDelayMs ?? 1_000;
  const maxReconnectDelayMs = options.maxReconnectDelayMs ?? 30_000;
  const liveIdleTimeoutMs = options.liveIdleTimeoutMs ?? 0;
  const now = options.now ?? (() => new Date());
  const doFetch = options.fetch;
  let pendingRegistration: Promise<string> | null = null;

  const describeServer = (): string => `the tracker at ${baseUrl}`;

  /** Sends one request; the timer covers the answer's headers, and `readBody` extends it to the body. */
  async function send<T>(
    path: string,
    init: RequestInit,
    readBody: (response: Response) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    // Stays attached after the headers arrive: closing a live subscription must also stop its body.
    signal?.addEventListener('abort', () => controller.abort(), { once: true });
    try {
      const response = await doFetch(`${baseUrl}${path}`, { ...init, signal: controller.signal });
      return await readBody(response);
    } catch (error) {
      // Checked first: a body cut off by the timer may surface as a parse error.
      if (timedOut) {
        throw new TrackerClientError(
          'timeout',
          `${capitalize(describeServer())} did not answer within ${formatSeconds(timeoutMs)}.`,
        );
      }
      if (error instanceof TrackerClientError) throw error;
      if (signal?.aborted) throw error;
      throw new TrackerClientError(
        'network',
        `${capitalize(describeServer())} could not be reached (${errorText(error)}). Check the tracker URL in Settings and your connection.`,
      );
    } finally {
      clearTimeout(timer);
    }
  }

  async function readJson<T>(response: Response, isValid: (value: unknown) => boolean): Promise<T> {
    if (!response.ok) throw await errorFromResponse(response);
    let value: unknown;
    try {
      value = await response.json();
    } catch {
      throw new TrackerClientError(
        'server',
        `${capitalize(describeServer())} sent an answer that is not JSON.`,
        {
          status: response.status,
        },
      );
    }
    if (!isValid(value)) {
      throw new TrackerClientError(
        'server',
        `${capitalize(describeServer())} sent an unexpected answer; is the URL a Politely tracker?`,
        { status: response.status },
      );
    }
    return value as T;
  }

  async function errorFromResponse(response: Response): Promise<TrackerClientError> {
    const status = response.status;
    let message = '';
    try {
      const body = (await response.json()) as Partial<ApiErrorBody>;
      if (typeof body.message === 'string') message = body.message;
    } catch {
      // A body that is not the contract's JSON leaves the message to the status code.
    }
    if (status === 401) {
      return new TrackerClientError('unauthorized', message || 'The tracker refused the API key.', {
        status,
      });
    }
    if (status === 404) {
      return new TrackerClientError('not-found', message || 'Not found on the tracker.', { status });
    }
    if (status === 429) {
      const resetAt = parseResetTime({
        message,
        retryAfter: response.headers.get('retry-after'),
        rateLimitReset: response.headers.get('x-ratelimit-reset'),
        now: now(),
      });
      const kind = /quota/i.test(message) ? 'quota' : 'rate-limited';
      const fallback =
        kind === 'quota' ? 'The monthly tracking quota is used up.' : 'Too many requests to the tracker.';
      return new TrackerClientError(kind, message || fallback, { status, resetAt });
    }
    if (status >= 400 && status < 500) {
      return new TrackerClientError('rejected', message || `The tracker rejected the request (${status}).`, {
        status,
      });
    }
    return new TrackerClientError(
      'server',
      `${capitalize(describeServer())} had a problem (${status})${message ? `: ${message}` : ''}.`,
      { status },
    );
  }

  /** One registration at a time; a caller whose key is already replaced just takes the new one. */
  async function reRegister(rejectedKey: string | null): Promise<string> {
    const current = await options.getApiKey();
    if (current && current !== rejectedKey) return current;
    if (!pendingRegistration) {
      pendingRegistration = options.register().finally(() => {
        pendingRegistration = null;
      });
    }
    try {
      return await pendingRegistration;
    } catch (error) {
      if (error instanceof TrackerClientError) throw error;
      throw new TrackerClientError('unauthorized', `Could not create a tracker account: ${errorText(error)}`);
    }
  }

  async function authorized<T>(
    path: string,
    init: RequestInit,
    readBody: (response: Response) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    const withKey = (key: string): RequestInit => ({
      ...init,
      headers: { ...(init.headers as Record<string, string> | undefined), authorization: `Bearer ${key}` },
    });
    const refusedKey = Symbol('refused');
    const attempt = (key: string): Promise<T | typeof refusedKey> =>
      send<T | typeof refusedKey>(
        path,
        withKey(key),
        (response) => (response.status === 401 ? Promise.resolve(refusedKey) : readBody(response)),
        signal,
      );

    const storedKey = await options.getApiKey();
    const firstKey = storedKey ?? (await reRegister(null));
    const first = await attempt(firstKey);
    if (first !== refusedKey) return first;
    const secondKey = await reRegister(firstKey);
    const second = await attempt(secondKey);
    if (second !== refusedKey) return second;
    throw new TrackerClientError(
      'unauthorized',
      'The tracker refused a freshly created API key. Check the tracker URL in Settings.',
      { status: 401 },
    );
  }

  const jsonHeaders = { 'content-type': 'application/json', accept: 'application/json' };

  function subscribe(handlers: LiveEventHandlers): LiveSubscription {
    let closed = false;
    let failures = 0;
    let controller: AbortController | null = null;
    let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
    let idleTimer: ReturnType<typeof setTimeout> | null = null;

    const setState = (state: LiveConnectionState, error?: TrackerClientError): void => {
      handlers.onStateChange?.(state, error);
    };
    const clearIdle = (): void => {
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = null;
    };
    const armIdle = (): void => {
      clearIdle();
      if (liveIdleTimeoutMs > 0) idleTimer = setTimeout(() => controller?.abort(), liveIdleTimeoutMs);
    };

    const parser = createSseParser((message) => {
      armIdle();
      if (!HIT_KINDS.includes(message.event)) return;
      const hit = parseLiveHit(message.event as HitKind, message.data);
      if (hit) handlers.onHit(hit);
    }, armIdle);

    const connect = async (): Promise<void> => {
      setState(failures === 0 ? 'connecting' : 'reconnecting');
      controller = new AbortController();
      const signal = controller.signal;
      let lastError: TrackerClientError | undefined;
      try {
        const body = await authorized(
          '/api/v1/events',
          { method: 'GET', headers: { accept: 'text/event-stream' }, cache: 'no-store' },
          async (response) => {
            if (!response.ok) throw await errorFromResponse(response);
            if (!response.body) throw new TrackerClientError('server', 'The live event stream has no body.');
            return response.body;
          },
          signal,
        );
        failures = 0;
        setState('live');
        armIdle();
        const reader = body.getReader();
        const decoder = new TextDecoder();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          parser.push(decoder.decode(value, { stream: true }));
        }
      } catch (error) {
        if (error instanceof TrackerClientError) lastError = error;
        if (
          error instanceof TrackerClientError &&
          (error.kind === 'unauthorized' || error.kind === 'not-found')
        ) {
          closed = true;
          setState('closed', error);
          return;
        }
      } finally {
        clearIdle();
      }
      if (closed) return;
      failures += 1;
      let delay = Math.min(maxReconnectDelayMs, reconnectDelayMs * 2 ** (failures - 1));
      if (lastError?.resetAt) {
        delay = Math.min(maxReconnectDelayMs, Math.max(delay, lastError.resetAt.getTime() - now().getTime()));
      }
      setState('reconnecting', lastError);
      reconnectTimer = setTimeout(() => {
        reconnectTimer = null;
        if (!closed) void connect();
      }, delay);
    };

    void connect();
    return {
      close(): void {
        if (closed) return;
        closed = true;
        if (reconnectTimer) clearTimeout(reconnectTimer);
        clearIdle();
        controller?.abort();
        setState('closed');
      },
    };
  }

  return {
    async createAccount(name: string): Promise<CreateAccountResponse> {
      return send(
        '/api/v1/accounts',
        { method: 'POST', headers: jsonHeaders, body: JSON.stringify({ name }) },
        (response) =>
          readJson<CreateAccountResponse>(response, (v) => hasStrings(v, ['accountId', 'apiKey'])),
      );
    },

    async createTracker(request: CreateTrackerRequest): Promise<CreateTrackerResponse> {
      return authorized(
        '/api/v1/trackers',
        { method: 'POST', headers: jsonHeaders, body: JSON.stringify(request) },
        (response) =>
          readJson<CreateTrackerResponse>(response, (v) => hasStrings(v, ['id', 'pixelUrl', 'createdAt'])),
      );
    },

    async listTrackers(listOptions: ListTrackersOptions = {}): Promise<TrackerPage> {
      const query = new URLSearchParams();
      if (listOptions.limit !== undefined) query.set('limit', String(listOptions.limit));
      if (listOptions.cursor) query.set('cursor', listOptions.cursor);
      const suffix = query.size > 0 ? `?${query.toString()}` : '';
      return authorized(
        `/api/v1/trackers${suffix}`,
        { method: 'GET', headers: { accept: 'application/json' }, cache: 'no-store' },
        (response) => readJson<TrackerPage>(response, (v) => isRecord(v) && Array.isArray(v.trackers)),
      );
    },

    async getTracker(id: string): Promise<TrackerDetail> {
      const detail = await authorized(
        `/api/v1/trackers/${encodeURIComponent(id)}`,
        { method: 'GET', headers: { accept: 'application/json' }, cache: 'no-store' },
        (response) =>
          readJson<TrackerDetail>(
            response,
            (v) => hasStrings(v, ['id', 'status']) && isEventList((v as { events?: unknown }).events),
          ),
      );
      return withPagingFields(detail);
    },

    async listTrackerEvents(
      id: string,
      eventOptions: ListTrackerEventsOptions = {},
    ): Promise<TrackerEventPage> {
      const query = new URLSearchParams();
      if (eventOptions.cursor) query.set('cursor', eventOptions.cursor);
      if (eventOptions.limit !== undefined) query.set('limit', String(eventOptions.limit));
      const suffix = query.size > 0 ? `?${query.toString()}` : '';
      const page = await authorized(
        `/api/v1/trackers/${encodeURIComponent(id)}/events${suffix}`,
        { method: 'GET', headers: { accept: 'application/json' }, cache: 'no-store' },
        (response) =>
          readJson<TrackerEventPage>(
            response,
            (v) =>
              isRecord(v) &&
              isEventList(v.events) &&
              (v.nextCursor === null || (typeof v.nextCursor === 'string' && v.nextCursor !== '')),
          ),
      );
      return { events: page.events, nextCursor: page.nextCursor };
    },

    async deleteTracker(id: string): Promise<void> {
      await authorized(
        `/api/v1/trackers/${encodeURIComponent(id)}`,
        { method: 'DELETE' },
        async (response) => {
          if (!response.ok) throw await errorFromResponse(response);
        },
      );
    },

    subscribe,
  };
}

function parseLiveHit(kind: HitKind, data: string): LiveHit | null {
  try {
    const value: unknown = JSON.parse(data);
    if (!hasStrings(value, ['trackerId', 'at', 'source'])) return null;
    const { trackerId, at, source } = value as LiveHit;
    return { kind, trackerId, at, source };
  } catch {
    return null;
  }
}

/**
 * The detail with its paging fields only when they are usable: an older server omits them, and a value of the
 * wrong type is dropped rather than failing the whole read, so the pane shows the latest events either way.
 */
function withPagingFields(detail: TrackerDetail): TrackerDetail {
  const { eventCount, olderEventsCursor, ...rest } = detail;
  const result: TrackerDetail = rest;
  if (typeof eventCount === 'number' && Number.isSafeInteger(eventCount) && eventCount >= 0) {
    result.eventCount = eventCount;
  }
  if (olderEventsCursor === null || (typeof olderEventsCursor === 'string' && olderEventsCursor !== '')) {
    result.olderEventsCursor = olderEventsCursor;
  }
  return result;
}

function isEventList(value: unknown): value is TrackerEvent[] {
  return (
    Array.isArray(value) &&
    value.every(
      (event) =>
        hasStrings(event, ['at', 'kind', 'source']) &&
        ((event as { client?: unknown }).client === undefined ||
          typeof (event as { client?: unknown }).client === 'string'),
    )
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function hasStrings(value: unknown, keys: string[]): boolean {
  return isRecord(value) && keys.every((key) => typeof value[key] === 'string');
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}
