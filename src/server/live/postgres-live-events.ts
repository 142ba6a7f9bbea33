/**
 * The PostgreSQL LISTEN/NOTIFY adapter of the LiveEvents port: an event published on any tracker process
 * reaches the subscribers of that account on every process sharing the database. Delivery is best effort, as
 * the port allows: local subscribers are served at once and never wait on the database, remote ones receive
 * events while this process holds its listening connection (re-established with backoff after an outage).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { HitKind, HitSource } from '../../core/tracking/api-contract';
import { createInMemoryLiveEvents, type LiveEvents, type LiveHit } from './live-events';

export interface PostgresLiveEventsOptions {
  connectionString: string;
  /** The NOTIFY channel; every instance of one deployment must use the same one. */
  channel?: string;
  /** Told about a lost listening connection or a failed NOTIFY (events are then not delivered remotely). */
  onError?: (error: Error) => void;
  /** Longest pause between reconnection attempts of the listening connection. */
  maxReconnectDelayMs?: number;
}

export interface PostgresLiveEvents extends LiveEvents {
  /** Resolves once the listening connection is up (tests use it before publishing from another process). */
  whenListening(): Promise<void>;
}

/** NOTIFY payloads must stay under 8000 bytes; events are packed into payloads up to this size. */
const MAX_PAYLOAD_BYTES = 7000;

/**
 * One event on the wire: [account, kind, trackerId, at, source]. A payload is the publishing instance's id
 * (16 hex characters) followed by a JSON array of events, so an instance skips its own without parsing them.
 */
type WireEvent = [string, HitKind, string, string, HitSource];
const INSTANCE_ID_LENGTH = 16;

const HIT_KINDS = new Set<string>(['open', 'click']);
const HIT_SOURCES = new Set<string>(['human', 'proxy', 'apple-mpp', 'prefetch', 'scanner', 'self']);

function isWireEvent(value: unknown): value is WireEvent {
  return (
    Array.isArray(value) &&
    value.length === 5 &&
    value.every((part) => typeof part === 'string') &&
    HIT_KINDS.has(value[1] as string) &&
    HIT_SOURCES.has(value[4] as string)
  );
}

export function packPayloads(
  instance: string,
  events: readonly WireEvent[],
  maxBytes = MAX_PAYLOAD_BYTES,
): string[] {
  const payloads: string[] = [];
  const empty = instance.length + 2;
  let current: string[] = [];
  let size = empty;
  for (const event of events) {
    const encoded = JSON.stringify(event);
    const added = Buffer.byteLength(encoded) + 1;
    if (current.length > 0 && size + added > maxBytes) {
      payloads.push(`${instance}[${current.join(',')}]`);
      current = [];
      size = empty;
    }
    current.push(encoded);
    size += added;
  }
  if (current.length > 0) payloads.push(`${instance}[${current.join(',')}]`);
  return payloads;
}

export async function createPostgresLiveEvents(
  options: PostgresLiveEventsOptions,
): Promise<PostgresLiveEvents> {
  const channel = options.channel ?? 'politely_live_hits';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`invalid NOTIFY channel name: ${channel}`);
  const onError = options.onError ?? (() => undefined);
  const maxDelay = options.maxReconnectDelayMs ?? 5000;
  const instance = randomBytes(INSTANCE_ID_LENGTH / 2).toString('hex');
  const local = createInMemoryLiveEvents();

  // Publishing shares a tiny pool; NOTIFYs queued in one tick go out as one statement.
  const publisher = new pg.Pool({
    connectionString: options.connectionString,
    max: 2,
    connectionTimeoutMillis: 2000,
    statement_timeout: 5000,
    application_name: 'politely-tracker-notify',
  });
  publisher.on('error', onError);
  let outbox: WireEvent[] = [];
  let flushScheduled: Promise<void> | undefined;

  async function flushOutbox(): Promise<void> {
    const events = outbox;
    outbox = [];
    flushScheduled = undefined;
    try {
      await publisher.query('SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload', [
        channel,
        packPayloads(instance, events),
      ]);
    } catch (error) {
      onError(error instanceof Error ? error : new Error(String(error)));
    }
  }

  let listener: pg.Client | undefined;
  let closed = false;
  let reconnectDelay = 250;
  let reconnectTimer: NodeJS.Timeout | undefined;
  let listening: { promise: Promise<void>; resolve: () => void };
  const resetListening = () => {
    let resolve = () => undefined as void;
    const promise = new Promise<void>((done) => (resolve = done));
    listening = { promise, resolve };
  };
  resetListening();

  function deliver(payload: string | undefined): void {
    // Our own events were delivered locally when published.
    if (!payload || payload.startsWith(instance)) return;
    let events: unknown;
    try {
      events = JSON.parse(payload.slice(INSTANCE_ID_LENGTH));
    } catch {
      return;
    }
    if (!Array.isArray(events)) return;
    for (const event of events) {
      if (!isWireEvent(event)) continue;
      const [accountId, kind, trackerId, at, source] = event;
      void local.publish(accountId, { kind, trackerId, at, source });
    }
  }

  function scheduleReconnect(): void {
    if (closed || reconnectTimer) return;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      void connectListener();
    }, reconnectDelay);
    reconnectTimer.unref();
    reconnectDelay = Math.min(maxDelay, reconnectDelay * 2);
  }

  async function connectListener(): Promise<void> {
    const client = new pg.Client({
      connectionString: options.connectionString,
      connectionTimeoutMillis: 2000,
      keepAlive: true,
      application_name: 'politely-tracker-listen',
    });
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      if (listener === client) listener = undefined;
      resetListening();
      if (error && !closed) onError(error);
      void client.end().catch(() => undefined);
      scheduleReconnect();
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', (message) => {
      if (message.channel === channel) deliver(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
      if (closed) {
        await client.end();
        return;
      }
      listener = client;
      reconnectDelay = 250;
      listening.resolve();
    } catch (error) {
      onLost(error instanceof Error ? error : new Error(String(error)));
    }
  }

  await connectListener();

  return {
    publish(accountId: string, event: LiveHit) {
      void local.publish(accountId, event);
      outbox.push([accountId, event.kind, event.trackerId, event.at, event.source]);
      flushScheduled ??= new Promise<void>((resolve) => setImmediate(resolve)).then(flushOutbox);
      return Promise.resolve();
    },
    subscribe: (accountId, subscriber) => local.subscribe(accountId, subscriber),
    whenListening: () => listening.promise,
    async close() {
      closed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      await flushScheduled;
      await listener?.end().catch(() => undefined);
      await publisher.end().catch(() => undefined);
      await local.close();
    },
  };
}
