import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PaneNavigation } from '../../../src/taskpane/navigation/PaneNavigation';
import type { PaneViewLoaders } from '../../../src/taskpane/navigation/PaneNavigation';
import { createSettingsService } from '../../../src/taskpane/settings/settings-service';
import { createMemorySettingsStore, defaultSettings } from '../../../src/taskpane/settings/settings-store';
import { createFakeTrackerClient, trackerDetail } from '../sent-declines/fake-tracker-client';

function renderNavigation(fake = createFakeTrackerClient(), apiKey: string | null = null) {
  const settings = createSettingsService(
    createMemorySettingsStore({ ...defaultSettings('https://localhost:3001'), apiKey }),
  );
  render(
    <FluentProvider theme={webLightTheme}>
      <PaneNavigation
        declinePanel={<p>The decline panel</p>}
        settings={settings}
        client={fake.client}
        displayName="Robin Lee"
      />
    </FluentProvider>,
  );
  return userEvent.setup();
}

describe('PaneNavigation', () => {
  it('starts on Decline and loads the other views when their tab is chosen', async () => {
    const user = renderNavigation();
    expect(screen.getByRole('tab', { name: 'Decline' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel').textContent).toBe('The decline panel');

    await user.click(screen.getByRole('tab', { name: 'Tracked declines' }));
    expect(await screen.findByText('No tracked declines yet.')).toBeTruthy();
    // Hidden, not unmounted: whatever the user typed there is still there when they come back.
    expect(screen.getByText('The decline panel').closest<HTMLElement>('[role="tabpanel"]')?.hidden).toBe(
      true,
    );

    await user.click(screen.getByRole('tab', { name: 'Settings' }));
    expect(await screen.findByRole('switch', { name: 'Track when my reply is opened' })).toBeTruthy();
  });

  it('keeps the decline form as the user left it while they look at another tab', async () => {
    const settings = createSettingsService(
      createMemorySettingsStore(defaultSettings('https://localhost:3001')),
    );
    render(
      <PaneNavigation
        declinePanel={<input aria-label="Draft" />}
        settings={settings}
        client={createFakeTrackerClient().client}
        displayName={null}
      />,
    );
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Draft' }), 'my edits');
    await user.click(screen.getByRole('tab', { name: 'Settings' }));
    await screen.findByRole('textbox', { name: 'Tracker URL' });
    await user.click(screen.getByRole('tab', { name: 'Decline' }));
    expect((screen.getByRole('textbox', { name: 'Draft' }) as HTMLInputElement).value).toBe('my edits');
  });

  it('keeps an unsaved Settings draft while the user looks at another tab', async () => {
    const user = renderNavigation();
    await user.click(screen.getByRole('tab', { name: 'Settings' }));
    await user.type(await screen.findByRole('textbox', { name: 'Your name' }), 'Sam Park');

    await user.click(screen.getByRole('tab', { name: 'Decline' }));
    expect(screen.getByRole('tabpanel').textContent).toBe('The decline panel');
    expect(screen.queryByRole('textbox', { name: 'Your name' })).toBeNull();
    await user.click(screen.getByRole('tab', { name: 'Tracked declines' }));
    await screen.findByText('No tracked declines yet.');

    await user.click(screen.getByRole('tab', { name: 'Settings' }));
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Your name' }).value).toBe('Sam Park');
    expect(screen.getAllByRole('tabpanel')).toHaveLength(1);
  });

  it('says when a view could not be downloaded, and Try again fetches it again', async () => {
    // React reports the error it caught in the boundary; keep the test's output to what matters.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const swallow = (event: ErrorEvent) => event.preventDefault();
    window.addEventListener('error', swallow);
    try {
      const sentDeclines = vi
        .fn<PaneViewLoaders['sentDeclines']>()
        .mockRejectedValueOnce(new Error('Loading chunk sent-declines failed.'))
        .mockImplementation(() => import('../../../src/taskpane/sent-declines/SentDeclines'));
      const settings = createSettingsService(
        createMemorySettingsStore(defaultSettings('https://localhost:3001')),
      );
      render(
        <PaneNavigation
          declinePanel={<p>The decline panel</p>}
          settings={settings}
          client={createFakeTrackerClient().client}
          displayName={null}
          loaders={{
            sentDeclines,
            settingsPanel: () => import('../../../src/taskpane/settings/SettingsPanel'),
          }}
        />,
      );
      const user = userEvent.setup();
      await user.click(screen.getByRole('tab', { name: 'Tracked declines' }));
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain(
        'This view couldn’t be loaded, perhaps because the connection dropped.',
      );

      await user.click(screen.getByRole('button', { name: 'Try again' }));
      expect(await screen.findByText('No tracked declines yet.')).toBeTruthy();
      expect(screen.queryByRole('alert')).toBeNull();
      expect(sentDeclines).toHaveBeenCalledTimes(2);
    } finally {
      window.removeEventListener('error', swallow);
      quiet.mockRestore();
    }
  });

  it('moves between tabs with the arrow keys, keeping one tab in the tab order', async () => {
    const user = renderNavigation();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Decline' }));
    await user.keyboard('{ArrowLeft}');
    const settingsTab = screen.getByRole('tab', { name: 'Settings' });
    expect(document.activeElement).toBe(settingsTab);
    expect(settingsTab.getAttribute('aria-selected')).toBe('true');
    expect(screen.getAllByRole('tab').map((tab) => tab.getAttribute('tabindex'))).toEqual(['-1', '-1', '0']);
    expect(await screen.findByRole('textbox', { name: 'Tracker URL' })).toBeTruthy();
  });

  it('announces a new open while another view is shown, and leads to Tracked declines', async () => {
    const fake = createFakeTrackerClient([trackerDetail({ id: 't1', subject: 'RE: Onsite' })]);
    const user = renderNavigation(fake, 'k_1');
    expect(fake.subscriberCount()).toBe(1);
    act(() => {
      fake.hit(
        't1',
        { at: '2026-11-27T11:59:00.000Z', kind: 'open', source: 'human' },
        { status: 'opened', opens: 1 },
      );
    });
    expect(await screen.findByText('“RE: Onsite” was opened by ana@corp.example.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Show' }));
    expect(screen.getByRole('tab', { name: 'Tracked declines' }).getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByText('Opened')).toBeTruthy();
  });

  it('does not ask the tracker anything (which would create an account) before the mailbox has a key', async () => {
    const fake = createFakeTrackerClient();
    const user = renderNavigation(fake, null);
    expect(fake.subscriberCount()).toBe(0);
    await user.click(screen.getByRole('tab', { name: 'Tracked declines' }));
    expect(await screen.findByText('No tracked declines yet.')).toBeTruthy();
    expect(fake.listCalls()).toBe(0);
    expect(fake.subscriberCount()).toBe(0);
  });
});
