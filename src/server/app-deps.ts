/**
 * What buildApp needs from outside, decorated once on the Fastify instance as `app.deps`, so that routes get
 * their collaborators in one typed place and tests can substitute any of them.
 */
import type { Account, TrackerStore } from './storage/tracker-store';
import type { LiveEvents } from './live/live-events';
import type { HitBuffer } from './tracking/hit-buffer';
import type { TrackingTokens } from './tracking/tracking-tokens';
import type { AdjustableClock, Clock } from './clock';
import type { TrackerConfig } from './config';

export type AppConfig = Pick<
  TrackerConfig,
  | 'publicUrl'
  | 'allowedOrigins'
  | 'registrationSecret'
  | 'monthlyTrackerQuota'
  | 'devMode'
  | 'trustedProxies'
  | 'apiRateLimitPerMinute'
  | 'accountCreationsPerHour'
>;

export interface AppDeps {
  config: AppConfig;
  /** Handlers see it guarded: failures and time-outs become 503s (see guardStore). */
  store: TrackerStore;
  live: LiveEvents;
  hits: HitBuffer;
  tokens: TrackingTokens;
  /** The only source of "now"; in development mode an AdjustableClock that POST /dev/clock moves. */
  clock: Clock | AdjustableClock;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
  interface FastifyRequest {
    /** The caller's account on authenticated /api/v1 routes; null elsewhere. */
    account: Account | null;
  }
}
