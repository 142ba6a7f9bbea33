import type { TrackerDetail, TrackerEvent, TrackerEventPage } from '../../../src/core/tracking/api-contract';
import {
  TrackerClientError,
  type ListTrackerEventsOptions,
  type LiveEventHandlers,
  type LiveHit,
  type TrackerClient,
} from '../../../src/taskpane/tracker-client/tracker-client';

type EventsAnswer = (id: string, options: ListTrackerEventsOptions) => Promise<TrackerEventPage>;

/** An in-memory TrackerClient: trackers are plain data the test edits, and live hits are pushed by hand. */
export function createFakeTrackerClient(initial: TrackerDetail[] = []) {
  const trackers = new Map(initial.map((t) => [t.id, t]));
  const subscribers = new Set<LiveEventHandlers>();
  let failList: TrackerClientError | null = null;
  let listCalls = 0;
  // Older-event pages are answered by whatever the test sets, so it can hold, fail or serve each page.
  let answerEvents: EventsAnswer = async () => {
    throw new TrackerClientError('not-found', 'No such tracker', { status: 404 });
  };
  const eventsCalls: { id: string; options: ListTrackerEventsOptions }[] = [];
  const client: TrackerClient = {
    async createAccount() {
      return { accountId: 'a1', apiKey: 'k1' };
    },
    async createTracker() {
      throw new Error('not used here');
    },
    async listTrackers() {
      listCalls++;
      if (failList) throw failList;
      const summaries = [...trackers.values()].map(
        ({ events: _e, eventCount: _c, olderEventsCursor: _o, ...summary }) => summary,
      );
      return { trackers: summaries, nextCursor: null };
    },
    async getTracker(id) {
      const tracker = trackers.get(id);
      if (!tracker) throw new TrackerClientError('not-found', 'No such tracker', { status: 404 });
      return tracker;
    },
    async listTrackerEvents(id, options = {}) {
      eventsCalls.push({ id, options });
      return answerEvents(id, options);
    },
    async deleteTracker(id) {
      if (!trackers.delete(id)) throw new TrackerClientError('not-found', 'No such tracker', { status: 404 });
    },
    subscribe(handlers) {
      subscribers.add(handlers);
      handlers.onStateChange?.('live');
      return { close: () => subscribers.delete(handlers) };
    },
  };
  return {
    client,
    trackers,
    failListWith: (error: TrackerClientError | null) => (failList = error),
    answerEventsWith: (answer: EventsAnswer) => (answerEvents = answer),
    eventsCalls: () => eventsCalls,
    /** Records `event` on the tracker (as the server would) and pushes it to live subscribers. */
    hit(id: string, event: TrackerEvent, update: Partial<TrackerDetail>) {
      const tracker = trackers.get(id);
      if (!tracker) throw new Error(`no tracker ${id}`);
      trackers.set(id, { ...tracker, events: [...tracker.events, event], ...update });
      const live: LiveHit = { trackerId: id, at: event.at, source: event.source, kind: event.kind };
      for (const s of subscribers) s.onHit(live);
    },
    /** Reports a live-connection change to subscribers, as a dropped and restored stream would. */
    setLive(state: 'reconnecting' | 'live') {
      for (const s of subscribers) s.onStateChange?.(state);
    },
    subscriberCount: () => subscribers.size,
    listCalls: () => listCalls,
  };
}

export function trackerDetail(overrides: Partial<TrackerDetail> & { id: string }): TrackerDetail {
  return {
    subject: 'RE: Interview',
    recipient: 'ana@corp.example',
    template: 'accepted-offer',
    createdAt: '2026-11-27T10:00:00.000Z',
    status: 'unopened',
    opens: 0,
    machineOpens: 0,
    clicks: 0,
    firstOpenedAt: null,
    lastOpenedAt: null,
    events: [],
    ...overrides,
  };
}
