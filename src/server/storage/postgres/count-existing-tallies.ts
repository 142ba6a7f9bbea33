/**
 * Upgrading in place to the hit cap (migration 2): counts the tally of every tracker that already has hits,
 * from all of them, inside the migration's transaction, so no instance ever sees a tracker without its tally.
 * Rows past the cap stay until the tracker's next write drops them, once the tally holds what they counted.
 */
import { createTallyBuilder } from '../../../core/tracking/open-tally';
import type { MigrationQuery } from './apply-migrations';
import { tallyParams, TALLY_ASSIGNMENTS, toHit, type HitRow } from './postgres-rows';

export const TALLY_MIGRATION = 2;

export async function countExistingTallies(query: MigrationQuery): Promise<void> {
  const { rows: trackers } = await query<{ id: string; creator_client_key: string }>(
    'SELECT id, creator_client_key FROM trackers WHERE id IN (SELECT DISTINCT tracker_id FROM hits)',
  );
  for (const tracker of trackers) {
    // The migration numbered hits in (at, id) order, so pages by seq come in time order; a flooded tracker
    // is read a page at a time, never whole.
    const builder = createTallyBuilder(tracker.creator_client_key);
    for (let after = 0; ;) {
      const { rows } = await query<HitRow>(
        'SELECT * FROM hits WHERE tracker_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
        [tracker.id, after, BACKFILL_PAGE],
      );
      builder.add(rows.map(toHit));
      const last = rows.at(-1);
      if (!last || rows.length < BACKFILL_PAGE) break;
      after = Number(last.seq);
    }
    await query(`UPDATE trackers SET ${TALLY_ASSIGNMENTS} WHERE id = $10`, [
      ...tallyParams(builder.finish()),
      tracker.id,
    ]);
  }
}

const BACKFILL_PAGE = 10_000;
