import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
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

describe('Sent declines', () => {
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
      'Sent 3 hours ago · First opened 2 hours ago · Last opened 5 minutes ago · 1 click',
    );
    expect(second?.textContent).toContain('RE: Phone screen');
    expect(second?.textContent).toContain('Unopened');
    const lastOpened = within(first as HTMLElement).getByText('5 minutes ago');
    expect(lastOpened.getAttribute('datetime')).toBe('2026-11-27T11:55:00.000Z');
    expect(lastOpened.getAttribute('title')).toMatch(/2026/);
    expect(screen.getByText(/“Unopened” means no open has been seen/)).toBeTruthy();
  });

  it('explains what to do when there is nothing yet', async () => {
    renderView(createFakeTrackerClient());
    expect(await screen.findByText('No tracked declines yet.')).toBeTruthy();
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
    expect(screen.getByRole('status').textContent).toContain(
      '“RE: Interview” was opened by ana@corp.example.',
    );
  });

  it('does not announce the sender’s own copy', async () => {
    const fake = createFakeTrackerClient([trackerDetail({ id: 't1' })]);
    renderView(fake);
    await screen.findByText('Unopened');
    act(() => {
      fake.hit('t1', { at: '2026-11-27T11:59:00.000Z', kind: 'open', source: 'self', client: 'Chrome' }, {});
    });
    await act(async () => {});
    expect(screen.getByRole('status').textContent).toBe('');
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
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '← Back to sent declines' }));
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
    await user.click(screen.getByRole('button', { name: '← Back to sent declines' }));
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

  it('stops listening when closed', async () => {
    const fake = createFakeTrackerClient();
    const { unmount } = render(<SentDeclines client={fake.client} now={now} />);
    await screen.findByText('No tracked declines yet.');
    expect(fake.subscriberCount()).toBe(1);
    unmount();
    expect(fake.subscriberCount()).toBe(0);
  });
});
