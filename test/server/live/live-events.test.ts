import { describe, expect, it } from 'vitest';
import { createInMemoryLiveEvents, type LiveHit } from '../../../src/server/live/live-events';

const event: LiveHit = { kind: 'open', trackerId: 't1', at: '2026-11-02T10:00:00.000Z', source: 'human' };

describe('in-memory live events', () => {
  it("delivers an account's events to each of its subscribers and to no other account", async () => {
    const live = createInMemoryLiveEvents();
    const first: LiveHit[] = [];
    const second: LiveHit[] = [];
    const stranger: LiveHit[] = [];
    live.subscribe('a', (e) => first.push(e));
    live.subscribe('a', (e) => second.push(e));
    live.subscribe('b', (e) => stranger.push(e));

    await live.publish('a', event);

    expect(first).toEqual([event]);
    expect(second).toEqual([event]);
    expect(stranger).toEqual([]);
  });

  it('stops delivering after unsubscribe, and a throwing listener does not block the others', async () => {
    const live = createInMemoryLiveEvents();
    const received: LiveHit[] = [];
    const stop = live.subscribe('a', (e) => received.push(e));
    live.subscribe('a', () => {
      throw new Error('stream gone');
    });
    await live.publish('a', event);
    stop();
    await live.publish('a', event);
    expect(received).toEqual([event]);
  });
});
