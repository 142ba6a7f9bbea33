/**
 * Upgrading in place to the hit cap (migration 2): counts the tally of every tracker that already has hits,
 * from all of them, inside the migration's transaction, so no instance ever sees a tracker without its tally.
 * Rows past the cap stay until the tracker's next write drops them, once the tally holds what they counted.
 */
import type { HitFact } from '../../../core/tracking/hit-facts';
import { tallyOf } from '../../../core/tracking/open-tally';
import type { MigrationQuery } from './apply-migrations';
import { tallyParams, TALLY_ASSIGNMENTS, toHit, type HitRow } from './postgres-rows';

export const TALLY_MIGRATION = 2;

export async function countExistingTallies(query: MigrationQuery): Promise<void> {
  const { rows: trackers } = await query<{ id: string; creator_client_key: string }>(
    'SELECT id, creator_client_key FROM trackers WHERE id IN (SELECT DISTINCT tracker_id FROM hits)',
  );
  for (const tracker of trackers) {
    const { rows } = await query<HitRow>('SELECT * FROM hits WHERE tracker_id = $1', [tracker.id]);
    const hits: HitFact[] = rows.map(toHit);
    await query(`UPDATE trackers SET ${TALLY_ASSIGNMENTS} WHERE id = $10`, [
      ...tallyParams(tallyOf(hits, tracker.creator_client_key)),
      tracker.id,
    ]);
  }
}
