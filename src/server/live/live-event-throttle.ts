/**
 * Keeps a flooded tracker from flooding its owner's live streams: each tracker may send a burst of live
 * events, then about one a second (a token bucket per tracker). Events beyond that are not queued: the
 * latest of each kind waits and is sent when the bucket allows, so a stream always ends on the tracker's
 * latest state. A pane fetches the tracker on every event, so without this, anyone holding a pixel URL could
 * drive the owner's pane into the API rate limit. Normal use (a few loads) never reaches the limit.
 */
import type { HitKind } from '../../core/tracking/api-contract';
import type { LiveHit } from './live-events';

export interface LiveEventThrottleOptions {
  publish: (accountId: string, event: LiveHit) => void;
  /** Events a tracker may send at once. */
  burst?: number;
  /** Events per second a tracker may send after its burst. */
  perSecond?: number;
  /** Milliseconds now; Date.now unless a test moves time. */
  now?: () => number;
}

export interface LiveEventThrottle {
  offer(accountId: string, event: LiveHit): void;
  /** Sends what waits at once and stops the timers (on shutdown). */
  flush(): void;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
  waiting: Map<HitKind, { accountId: string; event: LiveHit }>;
  timer: NodeJS.Timeout | null;
}

/** Above this many tracked buckets, full idle ones are forgotten (they would start full anyway). */
const SWEEP_ABOVE = 10_000;

export function createLiveEventThrottle(options: LiveEventThrottleOptions): LiveEventThrottle {
  const burst = options.burst ?? 10;
  const perMs = (options.perSecond ?? 1) / 1000;
  const now = options.now ?? Date.now;
  const buckets = new Map<string, Bucket>();

  const refill = (bucket: Bucket, at: number) => {
    bucket.tokens = Math.min(burst, bucket.tokens + (at - bucket.updatedAt) * perMs);
    bucket.updatedAt = at;
  };

  const sendWaiting = (bucket: Bucket) => {
    for (const { accountId, event } of bucket.waiting.values()) options.publish(accountId, event);
    bucket.waiting.clear();
  };

  const schedule = (trackerId: string, bucket: Bucket) => {
    if (bucket.timer) return;
    const wait = Math.max(0, Math.ceil((1 - bucket.tokens) / perMs));
    bucket.timer = setTimeout(() => {
      bucket.timer = null;
      refill(bucket, now());
      if (bucket.waiting.size === 0) return;
      if (bucket.tokens < 1) return schedule(trackerId, bucket);
      bucket.tokens -= 1;
      sendWaiting(bucket);
    }, wait);
    // Waiting events must not keep a stopping process alive; flush() sends them.
    bucket.timer.unref();
  };

  const sweep = (at: number) => {
    for (const [key, bucket] of buckets) {
      refill(bucket, at);
      if (bucket.tokens >= burst && bucket.waiting.size === 0 && !bucket.timer) buckets.delete(key);
    }
  };

  return {
    offer(accountId, event) {
      const at = now();
      let bucket = buckets.get(event.trackerId);
      if (!bucket) {
        if (buckets.size >= SWEEP_ABOVE) sweep(at);
        bucket = { tokens: burst, updatedAt: at, waiting: new Map(), timer: null };
        buckets.set(event.trackerId, bucket);
      }
      refill(bucket, at);
      if (bucket.waiting.size === 0 && bucket.tokens >= 1) {
        bucket.tokens -= 1;
        options.publish(accountId, event);
        return;
      }
      bucket.waiting.set(event.kind, { accountId, event });
      schedule(event.trackerId, bucket);
    },
    flush() {
      for (const bucket of buckets.values()) {
        if (bucket.timer) clearTimeout(bucket.timer);
        bucket.timer = null;
        sendWaiting(bucket);
      }
    },
  };
}
