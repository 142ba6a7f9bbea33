/**
 * Wraps a TrackerStore for request handlers: every call either settles within a time limit or rejects with
 * StorageUnavailableError, so an outage answers 503 with a clear message instead of hanging or leaking a
 * driver error. Writes that time out may still complete later; hit writes are idempotent, and the rest are
 * single-row inserts the client can retry.
 */
import { StorageUnavailableError } from '../http/http-errors';
import type { TrackerStore } from './tracker-store';

export function guardStore(store: TrackerStore, timeoutMs: number): TrackerStore {
  const guard =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      new Promise<R>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new StorageUnavailableError(new Error('timed out'))),
          timeoutMs,
        );
        let pending: Promise<R>;
        try {
          pending = call(...args);
        } catch (error) {
          pending = Promise.reject(error);
        }
        pending.then(
          (value) => {
            clearTimeout(timer);
            resolve(value);
          },
          (error: unknown) => {
            clearTimeout(timer);
            reject(new StorageUnavailableError(error));
          },
        );
      });

  return {
    createAccount: guard((account) => store.createAccount(account)),
    findAccountByKeyHash: guard((hash) => store.findAccountByKeyHash(hash)),
    createTracker: guard((tracker, quota) => store.createTracker(tracker, quota)),
    getTracker: guard((accountId, trackerId, hitLimit) => store.getTracker(accountId, trackerId, hitLimit)),
    listHits: guard((accountId, trackerId, query) => store.listHits(accountId, trackerId, query)),
    listTrackers: guard((accountId, query) => store.listTrackers(accountId, query)),
    deleteTracker: guard((accountId, trackerId) => store.deleteTracker(accountId, trackerId)),
    findLinkTarget: guard((trackerId, index) => store.findLinkTarget(trackerId, index)),
    recordHits: guard((hits) => store.recordHits(hits)),
    deleteHitsOlderThan: guard((cutoff) => store.deleteHitsOlderThan(cutoff)),
    claimEventTicket: guard((ticketId, expiresAt, now) => store.claimEventTicket(ticketId, expiresAt, now)),
    ping: guard(() => store.ping()),
    close: () => store.close(),
  };
}
