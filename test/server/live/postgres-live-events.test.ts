import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { LiveHit } from '../../../src/server/live/live-events';
import {
  createPostgresLiveEvents,
  packPayloads,
  type PostgresLiveEvents,
} from '../../../src/server/live/postgres-live-events';
import { postgresForTests } from '../storage/postgres-test-database';
import { eventually } from '../../support/eventually';

const serverUrl = await postgresForTests();

function liveHit(trackerId: string, kind: LiveHit['kind'] = 'open'): LiveHit {
  return { trackerId, kind, at: '2026-11-02T10:00:00.000Z', source: 'human' };
}

describe('packPayloads', () => {
  it('keeps every NOTIFY payload under the size limit without splitting an event, each marked with its sender', () => {
    const sender = 'a1b2c3d4e5f60718';
    const events = Array.from({ length: 300 }, (_, i): [string, 'open', string, string, 'human'] => [
      'account',
      'open',
      `tracker-${i}`,
      '2026-11-02T10:00:00.000Z',
      'human',
    ]);
    const payloads = packPayloads(sender, events, 1000);
    expect(payloads.length).toBeGreaterThan(1);
    expect(payloads.every((payload) => Buffer.byteLength(payload) <= 1000)).toBe(true);
    expect(payloads.every((payload) => payload.startsWith(sender))).toBe(true);
    expect(payloads.flatMap((payload) => JSON.parse(payload.slice(sender.length)) as unknown[])).toEqual(
      events,
    );
  });
});

describe.skipIf(serverUrl === undefined)('LISTEN/NOTIFY live events across processes', () => {
  const open: PostgresLiveEvents[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((live) => live.close()));
  });

  async function instance(channel: string): Promise<PostgresLiveEvents> {
    const live = await createPostgresLiveEvents({ connectionString: serverUrl ?? '', channel });
    open.push(live);
    await live.whenListening();
    return live;
  }
  const freshChannel = () => `politely_test_${randomBytes(4).toString('hex')}`;

  it("delivers an event published on one instance to the account's subscribers on another, once", async () => {
    const channel = freshChannel();
    const a = await instance(channel);
    const b = await instance(channel);
    const onA: LiveHit[] = [];
    const onB: LiveHit[] = [];
    const otherAccount: LiveHit[] = [];
    a.subscribe('acct-1', (event) => onA.push(event));
    b.subscribe('acct-1', (event) => onB.push(event));
    b.subscribe('acct-2', (event) => otherAccount.push(event));

    await b.publish('acct-1', liveHit('t-1'));

    await eventually(() => expect(onA).toEqual([liveHit('t-1')]));
    // The publisher's own subscribers are served locally and must not get the echo from the database too.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(onB).toEqual([liveHit('t-1')]);
    expect(otherAccount).toEqual([]);
  });

  it('delivers a burst of events published in one tick, in order', async () => {
    const channel = freshChannel();
    const a = await instance(channel);
    const b = await instance(channel);
    const received: string[] = [];
    a.subscribe('acct', (event) => received.push(event.trackerId));
    const sent = Array.from({ length: 500 }, (_, i) => `tracker-${i}`);
    for (const id of sent) void b.publish('acct', liveHit(id, 'click'));
    await eventually(() => expect(received).toEqual(sent));
  });

  it('resumes delivery after its listening connection is cut', async () => {
    const channel = freshChannel();
    const a = await instance(channel);
    const b = await instance(channel);
    const received: string[] = [];
    a.subscribe('acct', (event) => received.push(event.trackerId));

    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      // Only this test's listeners: other test files may be listening on the same server.
      const { rows } = await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = $1',
        [`LISTEN ${channel}`],
      );
      expect(rows).toHaveLength(2);
    } finally {
      await admin.end();
    }
    await eventually(async () => {
      await b.publish('acct', liveHit('after-reconnect'));
      expect(received).toContain('after-reconnect');
    }, 5000);
  });
});
