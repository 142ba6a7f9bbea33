/**
 * A `TrackerClient` whose implementation is fetched on first use (a separate chunk), so the pane's first
 * render does not wait for HTTP and live-event code. A failed load rejects that call with a `network`
 * `TrackerClientError` and is retried on the next call.
 */
import { TrackerClientError, type LiveSubscription, type TrackerClient } from './tracker-client';

export function createDeferredTrackerClient(load: () => Promise<TrackerClient>): TrackerClient {
  let loading: Promise<TrackerClient> | null = null;
  const client = (): Promise<TrackerClient> => {
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw new TrackerClientError(
        'network',
        `Politely’s tracking code could not be loaded (${error instanceof Error ? error.message : String(error)}). Check your connection and try again.`,
      );
    });
    return loading;
  };

  return {
    createAccount: async (name) => (await client()).createAccount(name),
    createTracker: async (request) => (await client()).createTracker(request),
    listTrackers: async (options) => (await client()).listTrackers(options),
    getTracker: async (id) => (await client()).getTracker(id),
    listTrackerEvents: async (id, options) => (await client()).listTrackerEvents(id, options),
    deleteTracker: async (id) => (await client()).deleteTracker(id),
    subscribe(handlers): LiveSubscription {
      let closed = false;
      let inner: LiveSubscription | null = null;
      client().then(
        (loaded) => {
          if (!closed) inner = loaded.subscribe(handlers);
        },
        (error: TrackerClientError) => {
          if (!closed) handlers.onStateChange?.('closed', error);
        },
      );
      return {
        close() {
          closed = true;
          inner?.close();
        },
      };
    },
  };
}
