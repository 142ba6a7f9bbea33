import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import selfsigned from 'selfsigned';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createAccountAndTracker,
  drivePixelLoad,
  startTrackerProcess,
  type TrackerProcess,
} from '../support/tracker-process';

describe('the tracker process', () => {
  let dir: string;
  let tracker: TrackerProcess | null = null;
  afterEach(async () => {
    await tracker?.stop('SIGKILL');
    tracker = null;
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('logs one line with its URL, and keeps a generated secret private in the data folder', async () => {
    dir = await mkdtemp(join(tmpdir(), 'politely-process-'));
    tracker = await startTrackerProcess({ DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}` });
    expect(tracker.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const secret = await stat(join(dir, 'tracker-secret'));
    expect(secret.mode & 0o777).toBe(0o600);
    expect(await tracker.stop()).toBe(0);
    expect(tracker.output().trim().split('\n')).toHaveLength(1);
  });

  it('serves HTTPS when TLS_CERT_FILE and TLS_KEY_FILE are set, and says so in its one line', async () => {
    dir = await mkdtemp(join(tmpdir(), 'politely-process-'));
    const pems = selfsigned.generate([{ name: 'commonName', value: 'localhost' }], {
      days: 1,
      keySize: 2048,
    });
    await writeFile(join(dir, 'cert.pem'), pems.cert);
    await writeFile(join(dir, 'key.pem'), pems.private);
    tracker = await startTrackerProcess({
      DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
      TLS_CERT_FILE: join(dir, 'cert.pem'),
      TLS_KEY_FILE: join(dir, 'key.pem'),
    });
    expect(tracker.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(tracker.output()).toMatch(/public URL https:\/\/localhost:\d+/);
    const answer = await new Promise<{ status?: number; type?: string; length: number }>(
      (resolve, reject) => {
        https
          .get(`${tracker!.url}/p/anything.gif`, { rejectUnauthorized: false }, (response) => {
            let length = 0;
            response.on('data', (chunk: Buffer) => (length += chunk.length));
            response.on('end', () =>
              resolve({ status: response.statusCode, type: response.headers['content-type'], length }),
            );
          })
          .on('error', reject);
      },
    );
    expect(answer).toEqual({ status: 200, type: 'image/gif', length: 43 });
    expect(await tracker.stop()).toBe(0);
  });

  it('stops at start-up with a message naming a bad variable', async () => {
    dir = await mkdtemp(join(tmpdir(), 'politely-process-'));
    await expect(startTrackerProcess({ PORT: 'eighty' })).rejects.toThrow(/PORT must be a whole number/);
  });

  it('records every hit it answered with 200 when stopped (SIGTERM) under load', async () => {
    dir = await mkdtemp(join(tmpdir(), 'politely-process-'));
    const databasePath = join(dir, 'db.sqlite');
    tracker = await startTrackerProcess({
      DATABASE_URL: `sqlite:${databasePath}`,
      TRACKER_SECRET: 'process-test-secret-process-test-secret',
    });
    const { pixelUrl, trackerId } = await createAccountAndTracker(tracker.url);

    let stopAt = Infinity;
    const running = tracker;
    const load = drivePixelLoad(pixelUrl, 20, () => Date.now() > stopAt || running.child.exitCode !== null);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const exitCode = tracker.stop('SIGTERM');
    stopAt = Date.now() + 3000;
    const { ok, failed } = await load;
    expect(await exitCode).toBe(0);

    const db = new Database(databasePath, { readonly: true });
    // Every recorded hit is counted in the tracker's tally, including those past the detail cap.
    const recorded = (
      db.prepare('SELECT hit_count AS n FROM trackers WHERE id = ?').get(trackerId) as { n: number }
    ).n;
    db.close();
    expect(ok).toBeGreaterThan(100);
    // Requests were still being sent when it stopped: some were refused, none of the accepted ones lost.
    expect(failed).toBeGreaterThan(0);
    expect(recorded).toBe(ok);
  });
});
