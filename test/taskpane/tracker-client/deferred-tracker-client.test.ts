import { describe, expect, it } from 'vitest';
import { createDeferredTrackerClient } from '../../../src/taskpane/tracker-client/deferred-tracker-client';
import type { LiveConnectionState } from '../../../src/taskpane/tracker-client/tracker-client';
import { createFakeTrackerClient } from '../sent-declines/fake-tracker-client';

describe('createDeferredTrackerClient', () => {
  it('loads the implementation once, on first use', async () => {
    let loads = 0;
    const fake = createFakeTrackerClient();
    const client = createDeferredTrackerClient(async () => {
      loads++;
      return fake.client;
    });
    expect(loads).toBe(0);
    await Promise.all([client.listTrackers(), client.listTrackers()]);
    expect(loads).toBe(1);
  });

  it('passes an older-events request through with its id, cursor and limit', async () => {
    const fake = createFakeTrackerClient();
    fake.answerEventsWith(async () => ({ events: [], nextCursor: null }));
    const client = createDeferredTrackerClient(async () => fake.client);
    await expect(client.listTrackerEvents('t1', { cursor: 'c1', limit: 50 })).resolves.toEqual({
      events: [],
      nextCursor: null,
    });
    expect(fake.eventsCalls()).toEqual([{ id: 't1', options: { cursor: 'c1', limit: 50 } }]);
  });

  it('reports a failed chunk load as a network error and tries again next time', async () => {
    let attempt = 0;
    const fake = createFakeTrackerClient();
    const client = createDeferredTrackerClient(async () => {
      if (++attempt === 1) throw new Error('Loading chunk 7 failed');
      return fake.client;
    });
    await expect(client.listTrackers()).rejects.toMatchObject({
      kind: 'network',
      message: expect.stringContaining('Loading chunk 7 failed'),
    });
    await expect(client.listTrackers()).resolves.toEqual({ trackers: [], nextCursor: null });
  });

  it('does not subscribe when closed before the implementation arrived', async () => {
    const fake = createFakeTrackerClient();
    const client = createDeferredTrackerClient(async () => fake.client);
    const states: LiveConnectionState[] = [];
    client.subscribe({ onHit: () => {}, onStateChange: (s) => states.push(s) }).close();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fake.subscriberCount()).toBe(0);
    expect(states).toEqual([]);
  });
});
