/**
 * Chooses the storage and live-event adapters for a DATABASE_URL: SQLite (on a worker thread) with in-process
 * live events, or
 * PostgreSQL with LISTEN/NOTIFY so that several instances share events. The PostgreSQL modules load only
 * when asked for.
 */
import type { DatabaseConfig } from '../config';
import { createInMemoryLiveEvents, type LiveEvents } from '../live/live-events';
import { createThreadedSqliteTrackerStore } from './sqlite/threaded-sqlite-tracker-store';
import type { TrackerStore } from './tracker-store';

export interface Storage {
  store: TrackerStore;
  live: LiveEvents;
}

export async function openStorage(
  database: DatabaseConfig,
  onError: (message: string, error: unknown) => void = () => undefined,
): Promise<Storage> {
  if (database.kind === 'sqlite') {
    // On its own thread, so hit batches never hold up the pixel answers.
    const store = await createThreadedSqliteTrackerStore({ path: database.path });
    return { store, live: createInMemoryLiveEvents() };
  }
  const { createPostgresTrackerStore } = await import('./postgres/postgres-tracker-store');
  const { createPostgresLiveEvents } = await import('../live/postgres-live-events');
  const store = await createPostgresTrackerStore({
    connectionString: database.url,
    onConnectionError: (error) => onError('PostgreSQL connection error', error),
  });
  try {
    const live = await createPostgresLiveEvents({
      connectionString: database.url,
      onError: (error) => onError('PostgreSQL live events error', error),
    });
    return { store, live };
  } catch (error) {
    await store.close();
    throw error;
  }
}
