/**
 * Retention for the tracker: deletes hit events older than N days from the database that DATABASE_URL names
 * (SQLite or PostgreSQL), then prints how many went. Trackers themselves stay; their old opens are gone.
 *
 *   npm run tracker:prune -- --days 180      # or set HIT_RETENTION_DAYS=180 and run: npm run tracker:prune
 *
 * Safe to run while trackers serve traffic (PostgreSQL deletes in small slices); schedule it daily.
 */
import { loadConfig } from '../src/server/config';
import { openStorage } from '../src/server/storage/open-storage';

const DAY_MS = 86_400_000;

function retentionDays(args: readonly string[], fromEnv: string | undefined): number {
  const flag = args.indexOf('--days');
  const given = flag >= 0 ? args[flag + 1] : fromEnv;
  if (given === undefined || given.trim() === '') {
    throw new Error('say how many days of hits to keep: --days N (or set HIT_RETENTION_DAYS)');
  }
  if (!/^\d+$/.test(given.trim()) || Number(given) < 1 || Number(given) > 36_500) {
    throw new Error(`--days must be a whole number of days from 1 to 36500, got "${given}"`);
  }
  return Number(given);
}

async function main(): Promise<void> {
  const days = retentionDays(process.argv.slice(2), process.env.HIT_RETENTION_DAYS);
  const loaded = loadConfig(process.env);
  if (!loaded.ok) throw new Error(`configuration error: ${loaded.error}`);
  const cutoff = new Date(Date.now() - days * DAY_MS);
  const { store, live } = await openStorage(loaded.config.database);
  try {
    const deleted = await store.deleteHitsOlderThan(cutoff);
    console.log(
      `deleted ${deleted} hit(s) recorded before ${cutoff.toISOString()} (older than ${days} days)`,
    );
  } finally {
    await live.close();
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(`tracker:prune: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
