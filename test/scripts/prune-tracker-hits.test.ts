import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HitFact } from '../../src/core/tracking/hit-facts';
import { createSqliteTrackerStore } from '../../src/server/storage/sqlite/sqlite-tracker-store';

const run = promisify(execFile);
const DAY_MS = 86_400_000;

async function prune(databaseUrl: string, args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'scripts/prune-tracker-hits.ts', ...args],
      {
        env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl, ...env },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run tracker:prune', () => {
  let dir: string;
  let path: string;
  let trackerId: string;
  let accountId: string;
  const hitAgo = (days: number): HitFact => ({
    id: randomUUID(),
    trackerId,
    kind: 'open',
    linkIndex: null,
    at: new Date(Date.now() - days * DAY_MS),
    signal: 'human',
    ipPrefix: '198.51.100.0',
    uaFamily: 'Firefox',
    clientKey: '198.51.100.0|Firefox',
  });

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'politely-prune-'));
    path = join(dir, 'tracker.sqlite');
    accountId = randomUUID();
    trackerId = randomUUID();
    const store = createSqliteTrackerStore({ path });
    await store.createAccount({ id: accountId, name: 'ada', apiKeyHash: 'hash', createdAt: new Date() });
    await store.createTracker(
      {
        id: trackerId,
        accountId,
        subject: null,
        recipient: null,
        template: null,
        links: [],
        creatorClientKey: 'creator',
        createdAt: new Date(Date.now() - 400 * DAY_MS),
      },
      null,
    );
    await store.recordHits([hitAgo(200), hitAgo(91), hitAgo(89), hitAgo(1)]);
    await store.close();
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function remainingHits(): Promise<number> {
    const store = createSqliteTrackerStore({ path });
    try {
      return (await store.getTracker(accountId, trackerId))?.hits.length ?? -1;
    } finally {
      await store.close();
    }
  }

  it('deletes the hits older than --days and keeps the rest and the tracker', async () => {
    const result = await prune(`sqlite:${path}`, ['--days', '90']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^deleted 2 hit\(s\) recorded before .* \(older than 90 days\)/);
    expect(await remainingHits()).toBe(2);
  });

  it('takes the number of days from HIT_RETENTION_DAYS when no flag is given', async () => {
    const result = await prune(`sqlite:${path}`, [], { HIT_RETENTION_DAYS: '30' });
    expect(result.stdout).toContain('deleted 3 hit(s)');
    expect(await remainingHits()).toBe(1);
  });

  it('refuses to guess: no days, or a bad number, is an error that says what to give, and deletes nothing', async () => {
    const missing = await prune(`sqlite:${path}`, []);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('--days N (or set HIT_RETENTION_DAYS)');
    const bad = await prune(`sqlite:${path}`, ['--days', '0']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--days must be a whole number of days from 1 to 36500, got "0"');
    expect(await remainingHits()).toBe(4);
  });
});
