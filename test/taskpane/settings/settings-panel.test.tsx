import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import SettingsPanel from '../../../src/taskpane/settings/SettingsPanel';
import { createSettingsService } from '../../../src/taskpane/settings/settings-service';
import {
  SettingsSaveError,
  createMemorySettingsStore,
  defaultSettings,
  type PolitelySettings,
  type SettingsStore,
} from '../../../src/taskpane/settings/settings-store';

function renderPanel(store: SettingsStore) {
  const service = createSettingsService(store);
  render(
    <FluentProvider theme={webLightTheme}>
      <SettingsPanel service={service} displayName="Robin Lee" />
    </FluentProvider>,
  );
  return { service, user: userEvent.setup() };
}

describe('Settings', () => {
  it('has tracking on by default and says where the key is stored', () => {
    renderPanel(createMemorySettingsStore(defaultSettings('https://localhost:3001')));
    expect(
      (screen.getByRole('switch', { name: 'Track when my reply is opened' }) as HTMLInputElement).checked,
    ).toBe(true);
    expect((screen.getByRole('textbox', { name: 'Tracker URL' }) as HTMLInputElement).value).toBe(
      'https://localhost:3001',
    );
    expect(screen.getByText(/stores its key with this mailbox’s add-in settings/)).toBeTruthy();
  });

  it('explains what tracking does and what the tracker URL is', () => {
    renderPanel(createMemorySettingsStore(defaultSettings('https://localhost:3001')));
    expect(
      screen.getByRole('switch', {
        name: 'Track when my reply is opened',
        description: /1×1 image .* If their mail app blocks images, no open is seen/,
      }),
    ).toBeTruthy();
    expect(
      screen.getByRole('textbox', { name: 'Tracker URL', description: /records opens of your replies/ }),
    ).toBeTruthy();
  });

  it('saves the name, default reason and switch to the store', async () => {
    const store = createMemorySettingsStore(defaultSettings('https://localhost:3001'));
    const { user } = renderPanel(store);
    await user.type(screen.getByRole('textbox', { name: 'Your name' }), 'Sam Park');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Default decline reason' }), 'timing');
    await user.click(screen.getByRole('switch', { name: 'Track when my reply is opened' }));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect(store.saved).toMatchObject({ yourName: 'Sam Park', defaultReasonId: 'timing', trackOpens: false });
  });

  it('refuses a plain-http tracker that is not on this machine', async () => {
    const store = createMemorySettingsStore(defaultSettings('https://localhost:3001'));
    const { user } = renderPanel(store);
    const url = screen.getByRole('textbox', { name: 'Tracker URL' });
    await user.clear(url);
    await user.type(url, 'http://tracker.example.com');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(screen.getByText(/Use an https:\/\/ address/)).toBeTruthy();
    expect(store.saved.trackerUrl).toBe('https://localhost:3001');
  });

  it('warns that a new tracker URL forgets the key, and forgets it on save', async () => {
    const store = createMemorySettingsStore({ ...defaultSettings('https://localhost:3001'), apiKey: 'k_1' });
    const { user } = renderPanel(store);
    const url = screen.getByRole('textbox', { name: 'Tracker URL' });
    await user.clear(url);
    await user.type(url, 'https://tracker.example.com/');
    expect(screen.getByText(/Saving forgets the key for the current tracker/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Settings saved.');
    expect(store.saved).toMatchObject({ trackerUrl: 'https://tracker.example.com', apiKey: null });
  });

  it('shows the store’s error when Outlook refuses to save, and keeps the draft', async () => {
    const saved = defaultSettings('https://localhost:3001');
    const failing: SettingsStore = {
      load: () => saved,
      save: async (_settings: PolitelySettings) => {
        throw new SettingsSaveError('too-large', 'Settings not saved: Outlook keeps at most 32 KB.');
      },
    };
    const { user, service } = renderPanel(failing);
    await user.type(screen.getByRole('textbox', { name: 'Your name' }), 'Sam');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings not saved: Outlook keeps at most 32 KB.')).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Your name' }) as HTMLInputElement).value).toBe('Sam');
    expect(service.current().yourName).toBe('');
  });
});
