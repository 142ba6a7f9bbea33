/**
 * A `TrackerClient` that always talks to the tracker URL currently in Settings, with the key kept there:
 * it creates the account on first use, stores the new key before using it, and swaps to a fresh HTTP
 * client when the URL changes. Errors are the HTTP client's `TrackerClientError`s.
 */
import { createHttpTrackerClient } from '../tracker-client/http-tracker-client';
import type { TrackerClient } from '../tracker-client/tracker-client';
import type { SettingsService } from '../settings/settings-service';

export interface SettingsBoundTrackerClientOptions {
  settings: SettingsService;
  fetch: typeof fetch;
  /** The account name sent when registering: the user's name, when known. */
  accountName(): string;
  timeoutMs?: number;
  liveIdleTimeoutMs?: number;
}

export function createSettingsBoundTrackerClient(options: SettingsBoundTrackerClientOptions): TrackerClient {
  const { settings } = options;
  let cached: { baseUrl: string; client: TrackerClient } | null = null;

  const clientFor = (baseUrl: string): TrackerClient => {
    if (cached?.baseUrl === baseUrl) return cached.client;
    const client: TrackerClient = createHttpTrackerClient({
      baseUrl,
      fetch: options.fetch,
      timeoutMs: options.timeoutMs,
      liveIdleTimeoutMs: options.liveIdleTimeoutMs,
      // Read at each request: the key may have been replaced by another request's registration.
      getApiKey: async () => (settings.current().trackerUrl === baseUrl ? settings.current().apiKey : null),
      register: async () => {
        const account = await client.createAccount(options.accountName());
        // Stored before use, so a key the server accepted is never lost to a reload.
        await settings.update({ trackerUrl: baseUrl, apiKey: account.apiKey });
        return account.apiKey;
      },
    });
    cached = { baseUrl, client };
    return client;
  };
  const current = (): TrackerClient => clientFor(settings.current().trackerUrl);

  return {
    createAccount: (name) => current().createAccount(name),
    createTracker: (request) => current().createTracker(request),
    listTrackers: (listOptions) => current().listTrackers(listOptions),
    getTracker: (id) => current().getTracker(id),
    listTrackerEvents: (id, eventOptions) => current().listTrackerEvents(id, eventOptions),
    deleteTracker: (id) => current().deleteTracker(id),
    subscribe: (handlers) => current().subscribe(handlers),
  };
}
