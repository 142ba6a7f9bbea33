/**
 * What the PostgreSQL adapter promises beyond the shared contract: deep pages of the account listing are read
 * through the listing index (keyset, no OFFSET, no sort), and several tracker processes writing the same
 * hits at once (a replayed spool racing a retried batch) still store each hit once.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HitFact } from '../../../src/core/tracking/hit-facts';
import {
  createPostgresTrackerStore,
  type PostgresTrackerStore,
} from '../../../src/server/storage/postgres/postgres-tracker-store';
import { createTestSchema, postgresForTests, type TestSchema } from './postgres-test-database';

const serverUrl = await postgresForTests();
const t0 = Date.UTC(2026, 10, 2, 10, 0, 0);

describe.skipIf(serverUrl === undefined)('PostgreSQL adapter at scale', () => {
  let schema: TestSchema;
  let a: PostgresTrackerStore;
  let b: PostgresTrackerStore;
  const owner = `owner-${randomUUID()}`;
  const trackerIds: string[] = [];

  beforeAll(async () => {
    schema = await createTestSchema(serverUrl ?? '');
    [a, b] = await Promise.all([
      createPostgresTrackerStore({ connectionString: schema.url }),
      createPostgresTrackerStore({ connectionString: schema.url }),
    ]);
    const other = `other-${randomUUID()}`;
    for (const [id, hash] of [
      [owner, 'owner-hash'],
      [other, 'other-hash'],
    ] as const) {
      await a.createAccount({ id, name: id, apiKeyHash: hash, createdAt: new Date(t0) });
    }
    // 3000 trackers for the owner and 3000 for someone else, inserted in bulk.
    await a.pool.query(
      `INSERT INTO trackers (id, account_id, links, creator_client_key, created_at)
       SELECT gen_random_uuid()::text, CASE WHEN n % 2 = 0 THEN $1 ELSE $2 END, '{}', 'creator',
              to_timestamp(($3::bigint + n * 1000) / 1000.0)
       FROM generate_series(1, 6000) AS n`,
      [owner, other, t0],
    );
    for (let i = 0; i < 5; i++) {
      const id = randomUUID();
      trackerIds.push(id);
      await a.createTracker(
        {
          id,
          accountId: owner,
          subject: null,
          recipient: null,
          template: null,
          links: [],
          creatorClientKey: 'creator',
          createdAt: new Date(t0 - i),
        },
        null,
      );
    }
    await a.pool.query('ANALYZE');
  });

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await schema?.drop();
  });

  it('reads a deep page through the listing index, without OFFSET or a sort', async () => {
    let page = await a.listTrackers(owner, { limit: 100, after: null });
    for (let i = 0; i < 20 && page.next; i++)
      page = await a.listTrackers(owner, { limit: 100, after: page.next });
    expect(page.trackers).toHaveLength(100);
    const cursor = page.next;
    if (!cursor) throw new Error('expected more pages');

    const { rows } = await a.pool.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT id FROM trackers
       WHERE account_id = $1 AND (created_at, id) < ($2::timestamptz, $3::text)
       ORDER BY created_at DESC, id DESC LIMIT 101`,
      [owner, cursor.createdAt, cursor.id],
    );
    const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
    expect(plan).toContain('trackers_account_listing');
    expect(plan).not.toMatch(/\bSort\b/);
  });

  it('stores each hit once when two processes write overlapping batches at the same moment', async () => {
    const hits: HitFact[] = Array.from({ length: 2000 }, (_, i) => {
      const trackerId = trackerIds[i % trackerIds.length] ?? '';
      const outside = i % 3 !== 0;
      return {
        id: `${(t0 + i).toString(36)}-${randomUUID()}`,
        trackerId,
        kind: 'open',
        linkIndex: null,
        at: new Date(t0 + 60_000 + i),
        signal: 'human',
        ipPrefix: '198.51.100.0',
        uaFamily: outside ? 'Firefox' : 'Chrome',
        clientKey: outside ? '198.51.100.0|Firefox' : 'creator',
      };
    });
    // A replays the whole batch while B writes it in halves, in the opposite order.
    const [fromA, ...fromB] = await Promise.all([
      a.recordHits(hits),
      b.recordHits(hits.slice(1000)),
      b.recordHits(hits.slice(0, 1000)),
    ]);
    const reported = [...(fromA ?? []), ...fromB.flat()].map((recorded) => recorded.hit.id);
    expect(reported.sort()).toEqual(hits.map((hit) => hit.id).sort());

    const { rows } = await a.pool.query<{ count: string; distinct_ids: string }>(
      'SELECT count(*) AS count, count(DISTINCT id) AS distinct_ids FROM hits WHERE tracker_id = ANY($1)',
      [trackerIds],
    );
    expect(rows[0]).toEqual({ count: '2000', distinct_ids: '2000' });
    // Both writers agree on each tracker's first outside hit, whichever committed first.
    const firstOutside = await a.pool.query<{ id: string; first_outside_at: Date }>(
      'SELECT id, first_outside_at FROM trackers WHERE id = ANY($1)',
      [trackerIds],
    );
    for (const row of firstOutside.rows) {
      const earliest = hits.find((hit) => hit.trackerId === row.id && hit.clientKey !== 'creator');
      expect(row.first_outside_at).toEqual(earliest?.at);
    }
  });
});
