/**
 * Worker-thread side of the threaded SQLite store: owns the better-sqlite3 connection and answers the
 * TrackerStore calls that createThreadedSqliteTrackerStore posts to it, one at a time, in order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { HitDetailLimits, HitFact, RecordedHit, TrackerStore } from '../tracker-store';
import { createSqliteTrackerStore } from './sqlite-tracker-store';
import type { CompactRecordedHit, StoreReply, StoreRequest } from './threaded-sqlite-tracker-store';

const port = parentPort;
if (!port) throw new Error('sqlite-store-worker runs only as a worker thread');

let store: TrackerStore;
try {
  const options = workerData as { path: string; hitDetail?: HitDetailLimits };
  store = createSqliteTrackerStore({ path: options.path, hitDetail: options.hitDetail });
  port.postMessage({ ready: true });
} catch (error) {
  port.postMessage({ ready: false, error: error instanceof Error ? error.message : String(error) });
  throw error;
}

/** recordHits answers compactly: the caller still holds the hits, so only their batch index travels back. */
function compactRecorded(batch: readonly HitFact[], recorded: RecordedHit[]): CompactRecordedHit[] {
  const indexOf = new Map(batch.map((hit, index) => [hit.id, index]));
  return recorded.map((r) => [
    indexOf.get(r.hit.id) ?? -1,
    r.accountId,
    r.creatorClientKey,
    r.firstOutsideAt?.getTime() ?? null,
  ]);
}

port.on('message', (request: StoreRequest) => {
  const call = store[request.method] as (...args: unknown[]) => Promise<unknown>;
  const answer =
    request.method === 'recordHits'
      ? store
          .recordHits(request.args[0] as HitFact[])
          .then((r) => compactRecorded(request.args[0] as HitFact[], r))
      : call(...request.args);
  answer.then(
    (result) => port.postMessage({ seq: request.seq, ok: true, result } satisfies StoreReply),
    (error: unknown) =>
      port.postMessage({
        seq: request.seq,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      } satisfies StoreReply),
  );
});
