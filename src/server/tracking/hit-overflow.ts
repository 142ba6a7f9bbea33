/**
 * HitOverflow is where the hit buffer puts hits that storage cannot take right now (the database is down, or
 * the in-memory queue is full): it appends them to this process's spool file and keeps that file drained,
 * replaying it as soon as storage accepts a write again (and on a backoff timer meanwhile). Each spooled hit
 * is written exactly once, because the store ignores hit ids it already holds.
 *
 * One spool file belongs to one process at a time: a lock file beside it refuses a second live process,
 * and a lock left by a dead process (kill -9) is taken over, with its hits.
 */
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { HitFact, HitSignal } from '../../core/tracking/hit-facts';
import { createHitSpool, type HitCodec, type HitSpoolStats } from './hit-spool';

export interface HitOverflowOptions {
  /** The spool file, e.g. DATA_DIR/hit-spool.ndjson; give every process on a host its own. */
  path: string;
  /** Writes hits to storage (and whatever follows a write, such as live events); rejects when storage fails. */
  write: (hits: HitFact[]) => Promise<void>;
  maxBytes?: number;
  /** First and longest pause between replay attempts while storage stays down. */
  retryDelayMs?: { first: number; max: number };
  onWarning?: (message: string) => void;
}

export interface HitOverflow {
  /** Appends hits durably (data-synced) before returning; returns how many were kept. */
  spill(hits: readonly HitFact[]): number;
  /** Storage just accepted a write: replay the spool now if it holds hits. */
  storageAccepted(): void;
  /** Resolves once nothing waits in the spool, or rejects when the last replay attempt failed. */
  drain(): Promise<void>;
  /** Stops retrying at once (what is spooled stays on disk for the next start) and releases the lock. */
  close(): Promise<void>;
  stats(): HitSpoolStats;
}

const SIGNALS = new Set<string>(['human', 'proxy', 'apple-mpp', 'prefetch', 'scanner']);

/** A HitFact as one JSON line; decoding checks every field, so a torn or foreign line is rejected. */
export const hitFactCodec: HitCodec<HitFact> = {
  encode: (hit) => ({ ...hit, at: hit.at.toISOString() }),
  decode(value) {
    if (typeof value !== 'object' || value === null) return undefined;
    const v = value as Record<string, unknown>;
    const at = typeof v.at === 'string' ? new Date(v.at) : null;
    if (
      typeof v.id !== 'string' ||
      typeof v.trackerId !== 'string' ||
      (v.kind !== 'open' && v.kind !== 'click') ||
      !(v.linkIndex === null || (typeof v.linkIndex === 'number' && Number.isInteger(v.linkIndex))) ||
      !at ||
      Number.isNaN(at.getTime()) ||
      typeof v.signal !== 'string' ||
      !SIGNALS.has(v.signal) ||
      typeof v.ipPrefix !== 'string' ||
      typeof v.uaFamily !== 'string' ||
      typeof v.clientKey !== 'string'
    ) {
      return undefined;
    }
    return {
      id: v.id,
      trackerId: v.trackerId,
      kind: v.kind,
      linkIndex: v.linkIndex,
      at,
      signal: v.signal as HitSignal,
      ipPrefix: v.ipPrefix,
      uaFamily: v.uaFamily,
      clientKey: v.clientKey,
    };
  },
};

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockSpool(path: string): () => void {
  const lockPath = `${path}.lock`;
  mkdirSync(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockPath, String(process.pid), { flag: 'wx', mode: 0o600 });
      return () => {
        try {
          if (readFileSync(lockPath, 'utf8') === String(process.pid)) unlinkSync(lockPath);
        } catch {
          // Already gone.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lockPath, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new Error(
          `The hit spool ${path} is in use by process ${holder}; give each tracker process its own HIT_SPOOL_PATH`,
        );
      }
      // Left by a process that died: take it over, hits included.
      unlinkSync(lockPath);
    }
  }
  throw new Error(`Could not lock the hit spool ${path}`);
}

export function createHitOverflow(options: HitOverflowOptions): HitOverflow {
  const warn = options.onWarning ?? (() => undefined);
  const { first, max } = options.retryDelayMs ?? { first: 250, max: 5000 };
  const unlock = lockSpool(options.path);
  const spool = createHitSpool<HitFact>({
    path: options.path,
    codec: hitFactCodec,
    write: options.write,
    maxBytes: options.maxBytes,
    onWarning: warn,
  });

  let delay = first;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  let lastAttempt: Promise<void> = Promise.resolve();

  function attempt(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    lastAttempt = spool.replay().then(
      (replayed) => {
        if (replayed > 0) warn(`hit spool: wrote ${replayed} spooled hit(s) to storage`);
        delay = first;
        // Hits spilled while the replay ran wait for the next round.
        if (spool.hasPending()) retryLater();
      },
      (error: unknown) => {
        retryLater();
        throw error;
      },
    );
    lastAttempt.catch(() => undefined);
    return lastAttempt;
  }

  function retryLater(): void {
    if (closed || timer) return;
    timer = setTimeout(() => void attempt(), delay);
    // Spooled hits are on disk, so a pending retry must not keep a stopping process alive.
    timer.unref();
    delay = Math.min(max, delay * 2);
  }

  if (spool.hasPending()) {
    warn(`hit spool: ${spool.stats().pendingHits} hit(s) left by an earlier process will be written`);
    retryLater();
  }

  return {
    spill(hits) {
      const kept = spool.append(hits);
      retryLater();
      return kept;
    },
    storageAccepted() {
      if (!closed && spool.hasPending() && timer) void attempt();
    },
    async drain() {
      if (spool.hasPending()) await attempt();
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      // A replay still running may finish or not: its file stays on disk until fully written, and a repeat
      // on the next start is harmless, so stopping does not wait for it.
      unlock();
    },
    stats: () => spool.stats(),
  };
}
