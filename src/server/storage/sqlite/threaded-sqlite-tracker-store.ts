/**
 * SQLite adapter of TrackerStore that runs the synchronous better-sqlite3 calls on a worker thread, so a
 * batch of hit inserts never blocks the thread that answers pixel requests. Same guarantees as
 * createSqliteTrackerStore (it is that store, behind a message port); if the worker dies, every pending and
 * later call rejects.
 */
import { Worker } from 'node:worker_threads';
import type { HitDetailLimits, HitFact, RecordedHit, TrackerStore } from '../tracker-store';

type Method = keyof TrackerStore;

export interface StoreRequest {
  seq: number;
  method: Method;
  args: unknown[];
}

/** [index in the batch, accountId, creatorClientKey, firstOutsideAt ms or null] */
export type CompactRecordedHit = [number, string, string, number | null];

export type StoreReply =
  { seq: number; ok: true; result: unknown } | { seq: number; ok: false; error: string };

// The worker is TypeScript; it registers the same loader (tsx) that runs this process before loading it.
const WORKER_URL = new URL('./sqlite-store-worker.ts', import.meta.url).href;
const BOOTSTRAP = `import('tsx/esm/api')
  .then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL)}); })
  .catch((error) => { require('node:worker_threads').parentPort.postMessage({ ready: false, error: String(error) }); });`;

export async function createThreadedSqliteTrackerStore(options: {
  path: string;
  hitDetail?: HitDetailLimits;
}): Promise<TrackerStore> {
  const worker = new Worker(BOOTSTRAP, {
    eval: true,
    workerData: { path: options.path, hitDetail: options.hitDetail },
  });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let seq = 0;
  let failure: Error | null = null;

  await new Promise<void>((resolve, reject) => {
    const onMessage = (message: { ready?: boolean; error?: string }) => {
      if (message.ready === undefined) return;
      worker.off('message', onMessage);
      if (message.ready) resolve();
      else
        reject(
          new Error(`SQLite worker failed to open ${options.path}: ${message.error ?? 'unknown error'}`),
        );
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
  }).catch(async (error: unknown) => {
    await worker.terminate();
    throw error;
  });

  const failAll = (error: Error) => {
    failure = error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.on('message', (reply: StoreReply) => {
    const waiting = pending.get(reply.seq);
    if (!waiting) return;
    pending.delete(reply.seq);
    if (reply.ok) waiting.resolve(reply.result);
    else waiting.reject(new Error(reply.error));
  });
  worker.on('error', (error) => failAll(error));
  worker.on('exit', () => failAll(new Error('the SQLite worker has stopped')));

  const call =
    <M extends Method>(method: M) =>
    (...args: Parameters<TrackerStore[M]>): ReturnType<TrackerStore[M]> =>
      new Promise((resolve, reject) => {
        if (failure) return reject(failure);
        const id = ++seq;
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        worker.postMessage({ seq: id, method, args } satisfies StoreRequest);
      }) as ReturnType<TrackerStore[M]>;

  return {
    createAccount: call('createAccount'),
    findAccountByKeyHash: call('findAccountByKeyHash'),
    createTracker: call('createTracker'),
    getTracker: call('getTracker'),
    listHits: call('listHits'),
    listTrackers: call('listTrackers'),
    deleteTracker: call('deleteTracker'),
    findLinkTarget: call('findLinkTarget'),
    recordHits: async (hits: readonly HitFact[]): Promise<RecordedHit[]> => {
      const compact = (await call('recordHits')(hits)) as unknown as CompactRecordedHit[];
      return compact.flatMap(([index, accountId, creatorClientKey, firstOutsideAt]) => {
        const hit = hits[index];
        if (!hit) return [];
        return [
          {
            hit,
            accountId,
            creatorClientKey,
            firstOutsideAt: firstOutsideAt === null ? null : new Date(firstOutsideAt),
          },
        ];
      });
    },
    deleteHitsOlderThan: call('deleteHitsOlderThan'),
    claimEventTicket: call('claimEventTicket'),
    ping: call('ping'),
    async close() {
      if (failure) return;
      // Calls are answered in order, so once close answers, every earlier call has been answered too.
      await call('close')().catch(() => undefined);
      failure = new Error('the SQLite store is closed');
      await worker.terminate();
    },
  };
}
