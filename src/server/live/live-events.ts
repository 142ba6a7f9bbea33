/**
 * LiveEvents is the port for pushing hit events to an account's open event streams: publish fans an event out
 * to every subscriber of that account (in this process, or across processes for a shared-database adapter);
 * it never delivers one account's events to another.
 *
 * Stability: shared with the PostgreSQL LISTEN/NOTIFY adapter. Change it only additively.
 */
import type { LiveHitEvent, HitKind } from '../../core/tracking/api-contract';

export interface LiveHit extends LiveHitEvent {
  kind: HitKind;
}

export type LiveHitListener = (event: LiveHit) => void;

export interface LiveEvents {
  /** Delivers to the account's subscribers; resolves once handed over (best effort, never retried). */
  publish(accountId: string, event: LiveHit): Promise<void>;
  /** Returns the function that ends this subscription. */
  subscribe(accountId: string, listener: LiveHitListener): () => void;
  close(): Promise<void>;
}

/** In-process fan-out: enough for one tracker process. */
export function createInMemoryLiveEvents(): LiveEvents {
  const listeners = new Map<string, Set<LiveHitListener>>();
  return {
    publish(accountId, event) {
      for (const listener of listeners.get(accountId) ?? []) {
        try {
          listener(event);
        } catch {
          // One broken stream must not stop delivery to the others.
        }
      }
      return Promise.resolve();
    },
    subscribe(accountId, listener) {
      let set = listeners.get(accountId);
      if (!set) {
        set = new Set();
        listeners.set(accountId, set);
      }
      set.add(listener);
      return () => {
        const current = listeners.get(accountId);
        current?.delete(listener);
        if (current?.size === 0) listeners.delete(accountId);
      };
    },
    close() {
      listeners.clear();
      return Promise.resolve();
    },
  };
}
