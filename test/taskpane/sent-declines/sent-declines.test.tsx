import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { TrackerEvent, TrackerEventPage } from '../../../src/core/tracking/api-contract';
import SentDeclines from '../../../src/taskpane/sent-declines/SentDeclines';
import { TrackerClientError } from '../../../src/taskpane/tracker-client/tracker-client';
import { createFakeTrackerClient, trackerDetail } from './fake-tracker-client';

const now = () => new Date('2026-11-27T12:00:00.000Z');

function renderView(fake: ReturnType<typeof createFakeTrackerClient>) {
  render(
    <FluentProvider theme={webLightTheme}>
      <SentDeclines client={fake.client} now={now} />
    </FluentProvider>,
  );
  return userEvent.setup();
}

const rows = () =>
  within(screen.getByRole('list', { name: 'Tracked declines, newest first' })).getAllByRole('button');

describe('Tracked declines', () => {
  it('lists declines newest first with recipient, reason, times and status', async () => {
    const fake = createFakeTrackerClient([
      trackerDetail({ id: 'old', subject: 'RE: Phone screen', createdAt: '2026-11-20T09:00:00.000Z' }),
      trackerDetail({
        id: 'new',
        subject: 'RE: Onsite',
        recipient: 'sam@corp.example',
        template: 'timing',
        createdAt: '2026-11-27T09:00:00.000Z',
        status: 'reopened',
        opens: 2,
        clicks: 1,
        firstOpenedAt: '2026-11-27T10:00:00.000Z',
        lastOpenedAt: '2026-11-27T11:55:00.000Z',
      }),
    ]);
    renderView(fake);
    await screen.findByRole('list', { name: 'Tracked declines, newest first' });
    const [first, second] = rows();
    expect(first?.textContent).toContain('RE: Onsite');
    expect(first?.textContent).toContain('Reopened (2)');
    expect(first?.textContent).toContain('To sam@corp.example · Timing or a scheduling conflict');
    expect(first?.textContent).toContain(
      'Prepared 3 hours ago · First opened 2 hours ago · Last opened 5 minutes ago · 1 click',
    );
    expect(second?.textContent).toContain('RE: Phone screen');
    expect(second?.textContent).toContain('Unopened');
    const lastOpened = within(first as HTMLElement).getByText('5 minutes ago');
    expect(lastOpened.getAttribute('datetime')).toBe('2026-11-27T11:55:00.000Z');
    expect(lastOpened.getAttribute('title')).toMatch(/2026/);
    expect(screen.getByText(/“Unopened” means no open has been seen/)).toBeTruthy();
    // Politely creates the tracker as it opens the reply form; it cannot know the reply was sent.
    expect(screen.getByRole('heading', { name: 'Tracked declines' })).toBeTruthy();
    expect(screen.getByText(/listed when Politely opens its reply form, before you press Send/)).toBeTruthy();
  });

  it('explains what to do when there is nothing yet', async () => {
    renderView(createFakeTrackerClient());
    expect(await screen.findByText('No tracked declines yet.')).toBeTruthy();
  });

  it('says in words, in a status region, whether the list is updating live', async () => {
    const fake = createFakeTrackerClient([trackerDetail({ id: 't1' })]);
    renderView(fake);
    const live = await screen.findByText('Updating live');
    expect(live.getAttribute('role')).toBe('status');
    expect(live.hasAttribute('aria-label')).toBe(false);
    act(() => fake.setLive('reconnecting'));
    expect(live.textContent).toBe('Reconnecting for live updates…');
  });

  it('shows why loading failed and loads again on request', async () => {
    const fake = createFakeTrackerClient([trackerDetail({ id: 't1' })]);
    fake.failListWith(new TrackerClientError('network', 'The tracker at https://x could not be reached.'));
    const user = renderView(fake);
    expect(await screen.findByText('The tracker at https://x could not be reached.')).toBeTruthy();
    fake.failListWith(null);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('RE: Interview')).toBeTruthy();
  });

  it('turns a row to Opened live and shows a short notice', async () => {
    const fake = createFakeTrackerClient([trackerDetail({ id: 't1' })]);
    renderView(fake);
    await screen.findByText('Unopened');
    act(() => {
      fake.hit(
        't1',
        { at: '2026-11-27T11:59:00.000Z', kind: 'open', source: 'human', client: 'Chrome' },
        {
          status: 'opened',
          opens: 1,
          firstOpenedAt: '2026-11-27T11:59:00.000Z',
          lastOpenedAt: '2026-11-27T11:59:00.000Z',
        },
      );
    });
    expect(await screen.findByText('Opened')).toBeTruthy();
    // Announced: the notice sits in a status (polite live) region.
    expect(
      screen.getByText(/“RE: Interview” was opened by ana@corp\.example\./).closest('[role="status"]'),
    ).toBeTruthy();
  });

  it('does not announce the sender’s own copy', async () => {
    const fake = createFakeTrackerClient([trackerDetail({ id: 't1' })]);
    renderView(fake);
    await screen.findByText('Unopened');
    act(() => {
      fake.hit('t1', { at: '2026-11-27T11:59:00.000Z', kind: 'open', source: 'self', client: 'Chrome' }, {});
    });
    await act(async () => {});
    expect(screen.queryByText(/was opened/)).toBeNull();
    expect(screen.getByText('Unopened')).toBeTruthy();
  });

  it('opens a detail with every event in plain words, and deletes after confirmation', async () => {
    const fake = createFakeTrackerClient([
      trackerDetail({
        id: 't1',
        status: 'opened',
        opens: 1,
        machineOpens: 1,
        events: [
          { at: '2026-11-27T10:01:00.000Z', kind: 'open', source: 'self', client: 'Outlook' },
          { at: '2026-11-27T11:00:00.000Z', kind: 'open', source: 'apple-mpp', client: 'Apple Mail' },
          { at: '2026-11-27T11:30:00.000Z', kind: 'open', source: 'proxy', client: 'Gmail' },
        ],
      }),
    ]);
    const user = renderView(fake);
    await user.click(await screen.findByRole('button', { name: /RE: Interview/ }));
    const activity = await screen.findByRole('list', { name: 'Activity, newest first' });
    // The pressed row is gone: keyboard focus is on the way back, not lost to the page.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '← Back to tracked declines' }));
    expect(
      within(activity)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      "30 minutes ago: Opened, Gmail (through Google's image proxy)",
      '1 hour ago: Preloaded by Apple Mail Privacy Protection: may not mean it was read',
      '1 hour ago: Your own copy, not counted',
    ]);
    await user.click(screen.getByRole('button', { name: 'Delete tracker' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Keep it' }));
    await user.click(screen.getByRole('button', { name: 'Keep it' }));
    await user.click(screen.getByRole('button', { name: '← Back to tracked declines' }));
    // Back on the list, focus returns to the row that was opened.
    expect(document.activeElement).toBe(rows()[0]);
    await user.click(rows()[0] as HTMLElement);
    await screen.findByRole('list', { name: 'Activity, newest first' });
    await user.click(screen.getByRole('button', { name: 'Delete tracker' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('No tracked declines yet.')).toBeTruthy();
    expect(screen.getByText('Deleted “RE: Interview”.')).toBeTruthy();
    expect(fake.trackers.has('t1')).toBe(false);
  });

  it('after a delete, puts keyboard focus on the row that took its place, then the one before, then the heading', async () => {
    const fake = createFakeTrackerClient([
      trackerDetail({ id: 'a', subject: 'RE: First', createdAt: '2026-11-27T09:00:00.000Z' }),
      trackerDetail({ id: 'b', subject: 'RE: Second', createdAt: '2026-11-26T09:00:00.000Z' }),
      trackerDetail({ id: 'c', subject: 'RE: Third', createdAt: '2026-11-25T09:00:00.000Z' }),
    ]);
    const user = renderView(fake);
    await screen.findByRole('list', { name: 'Tracked declines, newest first' });
    const deleteOpened = async (subject: string) => {
      await user.click(screen.getByRole('button', { name: new RegExp(subject) }));
      await user.click(await screen.findByRole('button', { name: 'Delete tracker' }));
      await user.click(screen.getByRole('button', { name: 'Delete' }));
      await screen.findByText(`Deleted “${subject}”.`);
    };

    await deleteOpened('RE: Second');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /RE: Third/ }));
    await deleteOpened('RE: Third');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /RE: First/ }));
    await deleteOpened('RE: First');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Tracked declines' }));

    // Focus is restored once, on the way back; a later refresh of the list does not pull it back.
    (document.activeElement as HTMLElement).blur();
    const listed = fake.listCalls();
    await act(async () => {
      fake.setLive('reconnecting');
      fake.setLive('live');
    });
    expect(fake.listCalls()).toBe(listed + 1);
    expect(document.activeElement).toBe(document.body);
  });

  describe('a long history', () => {
    /** Event n happened on the (20 + n)th, so it reads "(7 - n) days ago" at noon on the 27th. */
    const dayEvent = (n: number): TrackerEvent => ({
      at: `2026-11-${20 + n}T12:00:00.000Z`,
      kind: 'open',
      source: 'human',
      client: 'Chrome',
    });
    const activityRows = () =>
      within(screen.getByRole('list', { name: 'Activity, newest first' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent);

    function manualPage() {
      let settle!: { resolve(page: TrackerEventPage): void; reject(error: unknown): void };
      const promise = new Promise<TrackerEventPage>((resolve, reject) => (settle = { resolve, reject }));
      return { promise, ...settle };
    }

    it('shows the latest of many events and adds earlier pages on request, keeping focus sensible', async () => {
      const fake = createFakeTrackerClient([
        trackerDetail({
          id: 't1',
          events: [dayEvent(4), dayEvent(5)],
          eventCount: 5,
          olderEventsCursor: 'c1',
        }),
      ]);
      const user = renderView(fake);
      await user.click(await screen.findByRole('button', { name: /RE: Interview/ }));
      const list = await screen.findByRole('list', { name: 'Activity, newest first' });
      expect(screen.getByText('Showing the latest 2 of 5 events.')).toBeTruthy();
      expect(activityRows()).toEqual(['2 days ago: Opened, Chrome', '3 days ago: Opened, Chrome']);

      const first = manualPage();
      fake.answerEventsWith(() => first.promise);
      const more = screen.getByRole('button', { name: 'Show earlier activity' });
      await user.click(more);
      // Loading: the same button says so and keeps keyboard focus; the list is marked busy.
      expect(more.textContent).toBe('Loading earlier activity…');
      expect(more.getAttribute('aria-disabled')).toBe('true');
      expect(document.activeElement).toBe(more);
      expect(list.getAttribute('aria-busy')).toBe('true');
      expect(fake.eventsCalls()).toEqual([{ id: 't1', options: { cursor: 'c1', limit: 100 } }]);

      await act(async () => first.resolve({ events: [dayEvent(2), dayEvent(3)], nextCursor: 'c2' }));
      expect(activityRows()).toEqual([
        '2 days ago: Opened, Chrome',
        '3 days ago: Opened, Chrome',
        '4 days ago: Opened, Chrome',
        '5 days ago: Opened, Chrome',
      ]);
      expect(screen.getByText('Showing the latest 4 of 5 events.')).toBeTruthy();
      // Focus moves to the first new row, so a screen reader reads on from there; Tab leads back to the button.
      expect(document.activeElement?.textContent).toBe('4 days ago: Opened, Chrome');
      expect(screen.getByText('Added 2 earlier events at the end of the list.').getAttribute('role')).toBe(
        'status',
      );
      expect(list.getAttribute('aria-busy')).toBe('false');
      await user.tab();
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Show earlier activity' }));

      // A failed page keeps every row shown and offers to try again.
      fake.answerEventsWith(async () => {
        throw new TrackerClientError('rate-limited', 'Rate limit exceeded, retry in 1 minute', {
          status: 429,
          resetAt: new Date('2026-11-27T12:00:42.000Z'),
        });
      });
      await user.click(screen.getByRole('button', { name: 'Show earlier activity' }));
      expect((await screen.findByRole('alert')).textContent).toBe(
        'Couldn’t load earlier activity. The tracker is limiting requests from this connection. Try again in 42 seconds.',
      );
      expect(activityRows()).toHaveLength(4);
      const retry = screen.getByRole('button', { name: 'Try again' });
      expect(document.activeElement).toBe(retry);

      fake.answerEventsWith(async () => ({ events: [dayEvent(1)], nextCursor: null }));
      await user.click(retry);
      await waitFor(() => expect(activityRows()).toHaveLength(5));
      expect(activityRows().at(-1)).toBe('6 days ago: Opened, Chrome');
      expect(screen.queryByRole('alert')).toBeNull();
      expect(screen.queryByRole('button', { name: /earlier activity|Try again/ })).toBeNull();
      expect(screen.queryByText(/Showing the latest/)).toBeNull();
      // The button is gone; focus is on the row it brought, not lost to the page.
      expect(document.activeElement?.textContent).toBe('6 days ago: Opened, Chrome');
      expect(fake.eventsCalls().map((call) => call.options.cursor)).toEqual(['c1', 'c2', 'c2']);
    });

    it('keeps the earlier pages when a live event arrives, adding the new event on top', async () => {
      const fake = createFakeTrackerClient([
        trackerDetail({
          id: 't1',
          events: [dayEvent(4), dayEvent(5)],
          eventCount: 5,
          olderEventsCursor: 'c1',
        }),
      ]);
      const user = renderView(fake);
      await user.click(await screen.findByRole('button', { name: /RE: Interview/ }));
      fake.answerEventsWith(async () => ({ events: [dayEvent(3)], nextCursor: 'c2' }));
      await user.click(await screen.findByRole('button', { name: 'Show earlier activity' }));
      await waitFor(() => expect(activityRows()).toHaveLength(3));
      const newest = { at: '2026-11-27T11:59:00.000Z', kind: 'open' as const, source: 'human' as const };
      act(() =>
        fake.hit('t1', newest, {
          events: [dayEvent(5), newest],
          eventCount: 6,
          olderEventsCursor: 'c-newer',
          status: 'opened',
          opens: 1,
        }),
      );
      await waitFor(() => expect(activityRows()).toHaveLength(4));
      expect(activityRows()).toEqual([
        '1 minute ago: Opened',
        '2 days ago: Opened, Chrome',
        '3 days ago: Opened, Chrome',
        '4 days ago: Opened, Chrome',
      ]);
      expect(screen.getByText('Showing the latest 4 of 6 events.')).toBeTruthy();
      // The next page continues from where the earlier pages end, not from the refreshed latest events.
      fake.answerEventsWith(async () => ({ events: [], nextCursor: null }));
      await user.click(screen.getByRole('button', { name: 'Show earlier activity' }));
      expect(fake.eventsCalls().at(-1)?.options.cursor).toBe('c2');
    });

    it('says so when newer activity comes too fast to place, and shows the latest again on request', async () => {
      const fake = createFakeTrackerClient([
        trackerDetail({
          id: 't1',
          events: [dayEvent(4), dayEvent(5)],
          eventCount: 5,
          olderEventsCursor: 'c1',
        }),
      ]);
      const user = renderView(fake);
      await user.click(await screen.findByRole('button', { name: /RE: Interview/ }));
      fake.answerEventsWith(async () => ({ events: [dayEvent(3)], nextCursor: 'c2' }));
      await user.click(await screen.findByRole('button', { name: 'Show earlier activity' }));
      await waitFor(() => expect(activityRows()).toHaveLength(3));
      // 300 hits between two refreshes: the latest page no longer overlaps what is shown.
      const flood = Array.from({ length: 2 }, (_, i) => ({
        at: `2026-11-27T11:5${i}:00.000Z`,
        kind: 'open' as const,
        source: 'scanner' as const,
      }));
      act(() =>
        fake.hit('t1', flood[1] as TrackerEvent, {
          events: flood,
          eventCount: 305,
          olderEventsCursor: 'c-flood',
        }),
      );
      await screen.findByText(/New activity arrived faster than this list can follow/);
      expect(activityRows()).toHaveLength(3);
      expect(screen.getByText('Showing 3 of 305 events.')).toBeTruthy();
      await user.click(screen.getByRole('button', { name: 'Show the latest activity' }));
      expect(activityRows()).toEqual([
        '9 minutes ago: Checked by a security scanner or script: not counted',
        '10 minutes ago: Checked by a security scanner or script: not counted',
      ]);
      expect(screen.getByText('Showing the latest 2 of 305 events.')).toBeTruthy();
      expect(document.activeElement?.textContent).toBe(activityRows()[0]);
      fake.answerEventsWith(async () => ({ events: [], nextCursor: null }));
      await user.click(screen.getByRole('button', { name: 'Show earlier activity' }));
      expect(fake.eventsCalls().at(-1)?.options.cursor).toBe('c-flood');
    });

    it('shows what an older server sends, with no count and nothing to page through', async () => {
      const fake = createFakeTrackerClient([trackerDetail({ id: 't1', events: [dayEvent(4), dayEvent(5)] })]);
      const user = renderView(fake);
      await user.click(await screen.findByRole('button', { name: /RE: Interview/ }));
      await screen.findByRole('list', { name: 'Activity, newest first' });
      expect(activityRows()).toHaveLength(2);
      expect(screen.queryByText(/Showing the/)).toBeNull();
      expect(screen.queryByRole('button', { name: 'Show earlier activity' })).toBeNull();
    });
  });

  it('stops listening when closed', async () => {
    const fake = createFakeTrackerClient();
    const { unmount } = render(<SentDeclines client={fake.client} now={now} />);
    await screen.findByText('No tracked declines yet.');
    expect(fake.subscriberCount()).toBe(1);
    unmount();
    expect(fake.subscriberCount()).toBe(0);
  });
});
