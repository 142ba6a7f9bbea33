/**
 * Holds the current settings for the whole pane over a `SettingsStore`: readers get a stable snapshot,
 * `update` persists first and only then publishes, so no view ever shows a value Outlook did not keep.
 */
import type { PolitelySettings, SettingsStore } from './settings-store';

export interface SettingsService {
  current(): PolitelySettings;
  /** Persists `patch` and publishes the result; rejects with the store's `SettingsSaveError`. */
  update(patch: Partial<PolitelySettings>): Promise<PolitelySettings>;
  subscribe(listener: () => void): () => void;
}

export function createSettingsService(store: SettingsStore): SettingsService {
  let current = store.load();
  const listeners = new Set<() => void>();
  // Saves run one after another, so a slow save never lands after a newer one.
  let queue: Promise<unknown> = Promise.resolve();

  return {
    current: () => current,
    update(patch) {
      const run = async (): Promise<PolitelySettings> => {
        const next = { ...current, ...patch };
        // A key belongs to one tracker: a new URL means a new account there on first use.
        if (next.trackerUrl !== current.trackerUrl && patch.apiKey === undefined) next.apiKey = null;
        await store.save(next);
        current = next;
        for (const listener of listeners) listener();
        return next;
      };
      const result = queue.then(run, run);
      queue = result.catch(() => undefined);
      return result;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
