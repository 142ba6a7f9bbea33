/**
 * HitBuffer takes accepted hits without waiting on storage and writes them in batched store transactions:
 * within `flushIntervalMs` (≤ 100 ms) of arrival, or at once when a batch fills. A failed write keeps the
 * hits queued (up to `maxQueued`) and is retried on the next tick; because the store is idempotent on hit
 * ids, a retry never double counts. After each write it publishes live events for the newly stored hits
 * (a flooded tracker's at about one a second after a burst: see live-event-throttle.ts).
 *
 * With an `overflow` (see hit-overflow.ts), a failed write or a full queue moves the queued hits to a local
 * spool file instead of holding or dropping them, and the spool is replayed once storage accepts writes again.
 */
import type { HitFact } from '../../core/tracking/hit-facts';
import { resolveHitSource } from '../../core/tracking/summarize-opens';
import { createLiveEventThrottle } from '../live/live-event-throttle';
import type { LiveEvents, LiveHit } from '../live/live-events';
import type { RecordedHit, TrackerStore } from '../storage/tracker-store';
import type { HitOverflow } from './hit-overflow';
import { createThrottledReport } from './throttled-report';

export interface HitBufferOptions {
  store: Pick<TrackerStore, 'recordHits'>;
  live: Pick<LiveEvents, 'publish'>;
  flushIntervalMs: number;
  /** Most hits per store transaction. */
  maxBatch?: number;
  /** Most hits held while storage fails; beyond it new hits are dropped and counted. */
  maxQueued?: number;
  /** A write that has not settled after this long counts as failed and is retried (ids make that safe). */
  writeTimeoutMs?: number;
  onError?: (message: string, error: unknown) => void;
  /**
   * A failed write is reported at once, then at most once per this interval while writes keep failing (with
   * a count of those not reported), so an outage does not flood the log. Default 60 s.
   */
  failureReportIntervalMs?: number;
  /** Milliseconds now, for the report interval and the live-event throttle; Date.now unless a test moves time. */
  now?: () => number;
  /** Live events one tracker may send at once, then about one a second (see live-event-throttle.ts). */
  liveEventBurst?: number;
  /**
   * Makes the disk spool for hits storage cannot take, given the buffer's own write so that replayed hits
   * publish live events too. Without it, failed hits stay queued and hits beyond `maxQueued` are dropped.
   */
  overflow?: (write: (hits: HitFact[]) => Promise<void>) => HitOverflow;
}

export interface HitBufferStats {
  queued: number;
  /** Hits handed to the store in successful writes (duplicates and hits of deleted trackers included). */
  written: number;
  dropped: number;
  failedFlushes: number;
}

export interface HitBuffer {
  /** Accepts a hit; false when the queue is full and the hit was dropped. Never throws, never waits. */
  enqueue(hit: HitFact): boolean;
  /** Writes everything queued so far; resolves when written, rejects if storage fails (hits stay queued). */
  flush(): Promise<void>;
  /**
   * Stops the timer and writes everything, retrying failures until `timeoutMs` has passed; resolves with the
   * number of hits that could not be written (0 on a clean stop).
   */
  close(timeoutMs?: number): Promise<number>;
  stats(): HitBufferStats;
}

export function createHitBuffer(options: HitBufferOptions): HitBuffer {
  const { store, live } = options;
  const maxBatch = options.maxBatch ?? 1000;
  const maxQueued = options.maxQueued ?? 200_000;
  const interval = Math.min(Math.max(options.flushIntervalMs, 1), 100);
  const onError = options.onError ?? (() => undefined);
  const writeTimeoutMs = options.writeTimeoutMs ?? 10_000;
  const reportOptions = { intervalMs: options.failureReportIntervalMs ?? 60_000, now: options.now };
  const writeFailures = createThrottledReport({ ...reportOptions, unit: 'hits', report: onError });
  const publishFailures = createThrottledReport({ ...reportOptions, unit: 'events', report: onError });
  const liveEvents = createLiveEventThrottle({
    burst: options.liveEventBurst,
    now: options.now,
    publish: (accountId: string, event: LiveHit) => {
      live.publish(accountId, event).then(
        () => publishFailures.recovered('Publishing live events works again'),
        (error: unknown) => publishFailures.failed('Publishing a live event failed', error, 1),
      );
    },
  });

  let queue: HitFact[] = [];
  /**
   * The batch being written, kept out of `queue`: a spill during the write empties the queue, and the
   * write's success must then remove exactly this batch, not whatever hits arrived since.
   */
  let inFlight: HitFact[] = [];
  let written = 0;
  let dropped = 0;
  let failedFlushes = 0;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let closed = false;

  const schedule = (delay: number) => {
    if (timer || closed) return;
    timer = setTimeout(() => {
      timer = null;
      flush().catch(() => {
        // Already reported through onError; the hits stay queued for the next tick.
      });
    }, delay);
  };

  const overflow = options.overflow?.(async (batch) => publish(await store.recordHits(batch)));

  /** Moves every queued hit to the spool file; false when there is no spool. */
  function spillQueue(): boolean {
    if (!overflow) return false;
    const kept = overflow.spill(queue);
    dropped += queue.length - kept;
    queue = [];
    return true;
  }

  async function writeAll(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      inFlight = batch;
      let recorded;
      try {
        recorded = await withTimeout(store.recordHits(batch), writeTimeoutMs);
      } catch (error) {
        failedFlushes++;
        // Back at the head of the queue, to be spooled or retried (a late success is harmless: ids).
        queue = batch.concat(queue);
        inFlight = [];
        const queued = queue.length;
        const where = spillQueue() ? 'they were spooled to disk' : 'they stay queued';
        writeFailures.failed(
          `Storing ${batch.length} hits failed; ${where} (${queued} queued)`,
          error,
          batch.length,
        );
        throw error;
      }
      inFlight = [];
      written += batch.length;
      writeFailures.recovered('Storing hits works again');
      overflow?.storageAccepted();
      publish(recorded);
    }
  }

  function publish(recorded: RecordedHit[]): void {
    for (const { hit, accountId, creatorClientKey, firstOutsideAt } of recorded) {
      liveEvents.offer(accountId, {
        kind: hit.kind,
        trackerId: hit.trackerId,
        at: hit.at.toISOString(),
        source: resolveHitSource(hit, creatorClientKey, firstOutsideAt),
      });
    }
  }

  function flush(): Promise<void> {
    // One write at a time; a flush asked for during a write runs after it, so it covers later hits too.
    const previous = running ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(writeAll)
      .finally(() => {
        if (running === next) running = null;
        if (queue.length > 0) schedule(interval);
      });
    running = next;
    return next;
  }

  return {
    enqueue(hit) {
      if (queue.length >= maxQueued && !spillQueue()) {
        dropped++;
        return false;
      }
      queue.push(hit);
      if (queue.length >= maxBatch && !running) {
        if (timer) clearTimeout(timer);
        timer = null;
        schedule(0);
      } else {
        schedule(interval);
      }
      return true;
    },
    flush,
    async close(timeoutMs = 10_000) {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        try {
          // A write that hangs must not hold the process past its deadline.
          await withTimeout(flush(), Math.max(0, deadline - Date.now()));
          if (queue.length === 0) break;
        } catch {
          if (Date.now() >= deadline) break;
          await new Promise((resolve) =>
            setTimeout(resolve, Math.min(200, Math.max(0, deadline - Date.now()))),
          );
        }
      }
      if (overflow) {
        // Spooled hits are safe on disk: written now if storage lets us before the deadline, else next start.
        spillQueue();
        let timeUp: NodeJS.Timeout | undefined;
        await Promise.race([
          overflow.drain().catch(() => undefined),
          new Promise((resolve) => (timeUp = setTimeout(resolve, Math.max(0, deadline - Date.now())))),
        ]);
        clearTimeout(timeUp);
        await overflow.close();
      }
      // Events held back from a flooded tracker go out now, while the streams are still open.
      liveEvents.flush();
      return queue.length;
    },
    stats: () => ({ queued: queue.length + inFlight.length, written, dropped, failedFlushes }),
  };
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from storage within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
