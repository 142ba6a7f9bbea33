/**
 * Builds the real app for route tests: a real SQLite store in memory, in-process live events, the real hit
 * buffer and token signer, and an adjustable clock, with any dependency replaceable per test.
 */
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { buildApp, type AppConfig, type AppDeps } from '../../../src/server/app';
import { createAdjustableClock, type AdjustableClock } from '../../../src/server/clock';
import { createInMemoryLiveEvents } from '../../../src/server/live/live-events';
import { createSqliteTrackerStore } from '../../../src/server/storage/sqlite/sqlite-tracker-store';
import type { TrackerStore } from '../../../src/server/storage/tracker-store';
import { createHitBuffer } from '../../../src/server/tracking/hit-buffer';
import { createTokenSigner } from '../../../src/server/tracking/token-signer';
import { createTrackingTokens } from '../../../src/server/tracking/tracking-tokens';

export const TEST_SECRET = 'route-test-secret-route-test-secret-0';
export const START = new Date('2026-11-02T10:00:00.000Z');
export const CHROME_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
export const OUTLOOK_UA = 'Mozilla/4.0 (compatible; ms-office; MSOffice 16)';

export interface TestApp {
  app: FastifyInstance;
  deps: AppDeps & { clock: AdjustableClock };
  /** The unguarded store, for assertions and for breaking on purpose. */
  store: TrackerStore;
  close: () => Promise<void>;
}

export interface TestAppOptions {
  config?: Partial<AppConfig>;
  store?: TrackerStore;
  deps?: Partial<AppDeps>;
  storageTimeoutMs?: number;
  logger?: FastifyServerOptions['logger'];
}

export async function buildTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const store = options.store ?? createSqliteTrackerStore({ path: ':memory:' });
  const live = createInMemoryLiveEvents();
  const clock = createAdjustableClock({ now: () => START });
  const config: AppConfig = {
    publicUrl: 'https://track.example.test',
    allowedOrigins: ['https://localhost:3000'],
    registrationSecret: null,
    monthlyTrackerQuota: null,
    devMode: false,
    trustedProxies: [],
    apiRateLimitPerMinute: 10_000,
    accountCreationsPerHour: 10_000,
    ...options.config,
  };
  const deps = {
    config,
    store,
    live,
    clock,
    hits: createHitBuffer({ store, live, flushIntervalMs: 100 }),
    tokens: createTrackingTokens(createTokenSigner([TEST_SECRET])),
    ...options.deps,
  } as AppDeps & { clock: AdjustableClock };
  const app = await buildApp(deps, {
    storageTimeoutMs: options.storageTimeoutMs ?? 2000,
    logger: options.logger ?? false,
  });
  return {
    app,
    deps,
    store,
    close: async () => {
      await app.close();
      await deps.hits.close(1000);
      await store.close().catch(() => undefined);
    },
  };
}

export async function createAccount(
  app: FastifyInstance,
  name = 'Ada',
): Promise<{ accountId: string; apiKey: string }> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/accounts', payload: { name } });
  if (response.statusCode !== 201) throw new Error(`account creation failed: ${response.body}`);
  return response.json();
}

export interface CreatedTracker {
  id: string;
  pixelUrl: string;
  links: { url: string; trackedUrl: string }[];
  createdAt: string;
}

/** Creates a tracker as a Chrome client at 203.0.113.7, so that client is the tracker's creator. */
export async function createTracker(
  app: FastifyInstance,
  apiKey: string,
  body: Record<string, unknown> = {
    subject: 'Re: Interview',
    recipient: 'hr@example.com',
    template: 'not-looking',
  },
): Promise<CreatedTracker> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/trackers',
    headers: { authorization: `Bearer ${apiKey}`, 'user-agent': CHROME_UA },
    remoteAddress: '203.0.113.7',
    payload: body,
  });
  if (response.statusCode !== 201) throw new Error(`tracker creation failed: ${response.body}`);
  return response.json();
}

/** The path part of a pixel or tracked-link URL, for app.inject. */
export function pathOf(url: string): string {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
}
