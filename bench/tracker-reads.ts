/**
 * npm run bench:tracker-reads [-- --hits 20000] [-- --db sqlite|postgres] [-- --json]
 *
 * What a flooded tracker costs the API: records HITS hits on one tracker (a flood of pixel loads from a few
 * clients, a second apart, written in batches of 1,000 as the hit buffer does), then times the detail read
 * (GET /api/v1/trackers/:id) and the list read (GET /api/v1/trackers, 20 trackers, the flooded one among
 * them) through the real app (app.inject: routes, schemas, serialization, guarded store), and prints the
 * median and worst latency of 30 reads each and the response sizes. It also times the hit writes and counts
 * the hit rows kept for the tracker.
 * `--db postgres` uses a throwaway schema on DATABASE_URL (postgres://…). Bounded: nothing listens.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HitFact } from '../src/core/tracking/hit-facts';
import { createPostgresTrackerStore } from '../src/server/storage/postgres/postgres-tracker-store';
import { createSqliteTrackerStore } from '../src/server/storage/sqlite/sqlite-tracker-store';
import type { HitCursor, TrackerStore } from '../src/server/storage/tracker-store';
import { buildTestApp, createAccount, createTracker, START } from '../test/server/support/build-test-app';
import { createTestSchema } from '../test/server/storage/postgres-test-database';

interface Options {
  hits: number;
  db: 'sqlite' | 'postgres';
  json: boolean;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { hits: 20_000, db: 'sqlite', json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--json') options.json = true;
    else if (arg === '--hits') options.hits = Math.min(Math.max(Math.round(Number(value())), 1), 500_000);
    else if (arg === '--db') {
      const db = value();
      if (db !== 'sqlite' && db !== 'postgres') throw new Error('--db is sqlite or postgres');
      options.db = db;
    } else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

const READS = 30;
const CLIENTS = ['198.51.100.0|Firefox', '192.0.2.0|GoogleImageProxy', '198.51.100.0|Scanner'];

function floodHit(trackerId: string, index: number): HitFact {
  const clientKey = CLIENTS[index % CLIENTS.length] ?? '';
  const [ipPrefix = '', uaFamily = ''] = clientKey.split('|');
  return {
    id: `${String(index).padStart(9, '0')}-${randomUUID()}`,
    trackerId,
    kind: 'open',
    linkIndex: null,
    at: new Date(START.getTime() + 60_000 + index * 1000),
    signal: uaFamily === 'GoogleImageProxy' ? 'proxy' : uaFamily === 'Scanner' ? 'scanner' : 'human',
    ipPrefix,
    uaFamily,
    clientKey,
  };
}

async function openStore(options: Options): Promise<{ store: TrackerStore; cleanup: () => Promise<void> }> {
  if (options.db === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'politely-reads-'));
    const store = createSqliteTrackerStore({ path: join(dir, 'reads.sqlite') });
    return { store, cleanup: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })) };
  }
  const url = process.env.DATABASE_URL ?? '';
  if (!url.startsWith('postgres')) throw new Error('--db postgres needs DATABASE_URL=postgres://…');
  const schema = await createTestSchema(url);
  const store = await createPostgresTrackerStore({ connectionString: schema.url });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await schema.drop();
    },
  };
}

interface ReadFigures {
  medianMs: number;
  worstMs: number;
  bytes: number;
}

async function timeReads(read: () => Promise<{ statusCode: number; body: string }>): Promise<ReadFigures> {
  const times: number[] = [];
  let bytes = 0;
  await read(); // warm-up
  for (let i = 0; i < READS; i++) {
    const started = performance.now();
    const response = await read();
    times.push(performance.now() - started);
    if (response.statusCode !== 200)
      throw new Error(`read answered ${response.statusCode}: ${response.body}`);
    bytes = Buffer.byteLength(response.body);
  }
  times.sort((a, b) => a - b);
  const round = (ms: number) => Number(ms.toFixed(1));
  return { medianMs: round(times[Math.floor(READS / 2)] ?? 0), worstMs: round(times.at(-1) ?? 0), bytes };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const { store, cleanup } = await openStore(options);
  const t = await buildTestApp({ store, storageTimeoutMs: 30_000 });
  try {
    const { accountId, apiKey } = await createAccount(t.app);
    const headers = { authorization: `Bearer ${apiKey}` };
    for (let i = 0; i < 19; i++) await createTracker(t.app, apiKey);
    const flooded = await createTracker(t.app, apiKey);

    const writeStarted = performance.now();
    for (let from = 0; from < options.hits; from += 1000) {
      const batch = Array.from({ length: Math.min(1000, options.hits - from) }, (_, k) =>
        floodHit(flooded.id, from + k),
      );
      await store.recordHits(batch);
    }
    const writeSeconds = (performance.now() - writeStarted) / 1000;

    let keptRows = 0;
    let before: HitCursor | null = null;
    do {
      const page = await store.listHits(accountId, flooded.id, { limit: 200, before });
      keptRows += page?.hits.length ?? 0;
      before = page?.next ?? null;
    } while (before);

    const detail = await timeReads(() =>
      t.app.inject({ method: 'GET', url: `/api/v1/trackers/${flooded.id}`, headers }),
    );
    const list = await timeReads(() =>
      t.app.inject({ method: 'GET', url: '/api/v1/trackers?limit=20', headers }),
    );
    const body = (
      await t.app.inject({ method: 'GET', url: `/api/v1/trackers/${flooded.id}`, headers })
    ).json<{ opens: number; machineOpens: number; events: unknown[] }>();

    const report = {
      db: options.db,
      hits: options.hits,
      writes: {
        seconds: Number(writeSeconds.toFixed(2)),
        hitsPerSecond: Math.round(options.hits / writeSeconds),
      },
      detail,
      list,
      summary: { opens: body.opens, machineOpens: body.machineOpens, eventsReturned: body.events.length },
      loadAverage: loadavg().map((n) => Number(n.toFixed(2))),
    };
    if (options.json) console.log(JSON.stringify(report, null, 2));
    else {
      const row = (name: string, f: ReadFigures) =>
        `${name.padEnd(7)} median ${f.medianMs} ms   worst ${f.worstMs} ms   ${f.bytes.toLocaleString('en')} bytes`;
      console.log(
        `tracker reads (${options.db}), one tracker with ${options.hits.toLocaleString('en')} hits`,
      );
      console.log(
        `writes  ${report.writes.hitsPerSecond.toLocaleString('en')} hits/s in batches of 1,000; ${keptRows.toLocaleString('en')} hit rows kept`,
      );
      console.log(row('detail', detail));
      console.log(row('list', list));
      console.log(
        `summary opens ${body.opens}, machineOpens ${body.machineOpens}, events returned ${body.events.length}`,
      );
      console.log(`load average ${report.loadAverage.join(' ')} (2 cores, shared)`);
    }
  } finally {
    await t.close();
    await cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(`bench:tracker-reads failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
