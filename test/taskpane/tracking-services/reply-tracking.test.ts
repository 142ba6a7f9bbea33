import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSettingsService } from '../../../src/taskpane/settings/settings-service';
import { createMemorySettingsStore, defaultSettings } from '../../../src/taskpane/settings/settings-store';
import { createReplyTracking } from '../../../src/taskpane/tracking-services/reply-tracking';
import { createSettingsBoundTrackerClient } from '../../../src/taskpane/tracking-services/settings-bound-tracker-client';

type Handler = (url: string, init: RequestInit) => Response | Promise<Response>;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A tracker double keyed by "METHOD path", recording requests. */
function fakeTracker(routes: Record<string, Handler>) {
  const requests: { method: string; url: string; authorization: string | null; body: unknown }[] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const method = init.method ?? 'GET';
    requests.push({
      method,
      url,
      authorization: new Headers(init.headers).get('authorization'),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : null,
    });
    const handler = routes[`${method} ${new URL(url).pathname}`];
    if (!handler) throw new TypeError('Failed to fetch');
    return handler(url, init);
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

function setup(routes: Record<string, Handler>, settingsOverrides = {}) {
  const store = createMemorySettingsStore({
    ...defaultSettings('https://tracker.test'),
    ...settingsOverrides,
  });
  const settings = createSettingsService(store);
  const tracker = fakeTracker(routes);
  const client = createSettingsBoundTrackerClient({
    settings,
    fetch: tracker.fetch,
    accountName: () => 'Robin',
  });
  const tracking = createReplyTracking({ client, settings, formatTime: (at) => at.toISOString() });
  return { store, settings, tracker, tracking };
}

const request = {
  subject: 'RE: Interview for Designer',
  recipient: 'ana@corp.example',
  templateId: 'timing',
} as const;
const created = {
  id: 't1',
  pixelUrl: 'https://tracker.test/p/tok.gif',
  links: [],
  createdAt: '2026-11-27T10:00:00Z',
};

describe('createReplyTracking', () => {
  afterEach(() => vi.useRealTimers());

  it('on first use creates an account, keeps its key, then creates the tracker with subject, recipient and template', async () => {
    const { store, tracker, tracking } = setup({
      'POST /api/v1/accounts': () => json(201, { accountId: 'a1', apiKey: 'key-1' }),
      'POST /api/v1/trackers': () => json(201, created),
    });
    await expect(tracking.prepareTrackedReply(request)).resolves.toEqual({
      kind: 'tracked',
      pixelUrl: 'https://tracker.test/p/tok.gif',
    });
    expect(store.saved.apiKey).toBe('key-1');
    expect(tracker.requests.map((r) => `${r.method} ${r.url} ${r.authorization}`)).toEqual([
      'POST https://tracker.test/api/v1/accounts null',
      'POST https://tracker.test/api/v1/trackers Bearer key-1',
    ]);
    expect(tracker.requests[0]?.body).toEqual({ name: 'Robin' });
    expect(tracker.requests[1]?.body).toEqual({
      subject: 'RE: Interview for Designer',
      recipient: 'ana@corp.example',
      template: 'timing',
    });
  });

  it('asks nothing of the tracker when tracking is switched off', async () => {
    const { tracker, tracking } = setup({}, { trackOpens: false });
    await expect(tracking.prepareTrackedReply(request)).resolves.toEqual({ kind: 'tracking-off' });
    expect(tracker.requests).toHaveLength(0);
  });

  it('says why when the tracker cannot be reached', async () => {
    const { tracking } = setup({}, { apiKey: 'key-1' });
    const outcome = await tracking.prepareTrackedReply(request);
    expect(outcome).toEqual({
      kind: 'not-tracked',
      reason:
        'the tracker at https://tracker.test could not be reached (Failed to fetch). Check the tracker URL in Settings and your connection.',
    });
  });

  it('says when the quota resets', async () => {
    const { tracking } = setup(
      {
        'POST /api/v1/trackers': () =>
          json(429, {
            statusCode: 429,
            error: 'Too Many Requests',
            message: 'Monthly tracker quota reached; it resets at 2026-12-01T00:00:00.000Z',
          }),
      },
      { apiKey: 'key-1' },
    );
    await expect(tracking.prepareTrackedReply(request)).resolves.toEqual({
      kind: 'not-tracked',
      reason: 'your monthly tracking quota is used up. It resets on 2026-12-01T00:00:00.000Z.',
    });
  });

  it('re-registers when the stored key is refused and keeps the new key', async () => {
    let accounts = 0;
    const { store, tracking } = setup(
      {
        'POST /api/v1/accounts': () =>
          json(201, { accountId: `a${++accounts}`, apiKey: `key-new-${accounts}` }),
        'POST /api/v1/trackers': (_url, init) =>
          new Headers(init.headers).get('authorization') === 'Bearer key-new-1'
            ? json(201, created)
            : json(401, { statusCode: 401, error: 'Unauthorized', message: 'Unknown API key' }),
      },
      { apiKey: 'key-from-a-wiped-database' },
    );
    await expect(tracking.prepareTrackedReply(request)).resolves.toMatchObject({ kind: 'tracked' });
    expect(store.saved.apiKey).toBe('key-new-1');
  });

  it('resolves as not tracked when the whole attempt runs past its deadline', async () => {
    vi.useFakeTimers();
    const store = createMemorySettingsStore({ ...defaultSettings('https://tracker.test'), apiKey: 'k' });
    const settings = createSettingsService(store);
    const never = { createTracker: () => new Promise<never>(() => {}) } as never;
    const tracking = createReplyTracking({ client: never, settings, deadlineMs: 15_000 });
    const outcome = tracking.prepareTrackedReply(request);
    await vi.advanceTimersByTimeAsync(15_000);
    await expect(outcome).resolves.toEqual({
      kind: 'not-tracked',
      reason: 'the tracker did not answer within 15 s.',
    });
  });

  it('uses the tracker in Settings, and a new account there after the URL changes', async () => {
    const { settings, tracker, tracking } = setup(
      {
        'POST /api/v1/accounts': () => json(201, { accountId: 'a2', apiKey: 'key-other' }),
        'POST /api/v1/trackers': () => json(201, created),
      },
      { apiKey: 'key-1' },
    );
    await settings.update({ trackerUrl: 'https://other.test' });
    await tracking.prepareTrackedReply(request);
    expect(tracker.requests.map((r) => `${r.method} ${r.url} ${r.authorization}`)).toEqual([
      'POST https://other.test/api/v1/accounts null',
      'POST https://other.test/api/v1/trackers Bearer key-other',
    ]);
    expect(settings.current()).toMatchObject({ trackerUrl: 'https://other.test', apiKey: 'key-other' });
  });
});
