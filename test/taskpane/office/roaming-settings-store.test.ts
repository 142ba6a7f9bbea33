import { describe, expect, it } from 'vitest';
import {
  createRoamingSettingsStore,
  type RoamingSettingsOffice,
} from '../../../src/taskpane/office/roaming-settings-store';
import {
  SettingsSaveError,
  defaultSettings,
  type PolitelySettings,
} from '../../../src/taskpane/settings/settings-store';

type SaveOutcome = { status: 'succeeded' } | { status: 'failed'; error: { code: number; message: string } };

/** A roaming-settings double: an in-memory bag plus a persisted copy that only `saveAsync` updates. */
function createFakeOffice(options: { outcome?: SaveOutcome; setThrows?: unknown } = {}) {
  const bag = new Map<string, unknown>();
  const persisted = new Map<string, unknown>();
  const office = {
    AsyncResultStatus: { Succeeded: 'succeeded' },
    context: {
      roamingSettings: {
        get: (name: string) => bag.get(name),
        set: (name: string, value: unknown) => {
          if (options.setThrows) throw options.setThrows;
          bag.set(name, JSON.parse(JSON.stringify(value)));
        },
        remove: (name: string) => {
          bag.delete(name);
        },
        saveAsync: (callback?: (result: Office.AsyncResult<void>) => void) => {
          const outcome = options.outcome ?? { status: 'succeeded' };
          if (outcome.status === 'succeeded') for (const [k, v] of bag) persisted.set(k, v);
          queueMicrotask(() => callback?.(outcome as unknown as Office.AsyncResult<void>));
        },
      },
    },
  };
  return { office: office as unknown as RoamingSettingsOffice, bag, persisted };
}

const defaults = defaultSettings('https://localhost:3001');
const mine: PolitelySettings = {
  trackerUrl: 'https://tracker.example',
  apiKey: 'k_123',
  yourName: 'Robin Lee',
  defaultReasonId: 'timing',
  trackOpens: false,
};

describe('createRoamingSettingsStore', () => {
  it('starts from the defaults in a mailbox that has none, with tracking on', () => {
    const { office } = createFakeOffice();
    expect(createRoamingSettingsStore(office, defaults).load()).toEqual({
      trackerUrl: 'https://localhost:3001',
      apiKey: null,
      yourName: '',
      defaultReasonId: null,
      trackOpens: true,
    });
  });

  it('persists with saveAsync and reads the same settings back', async () => {
    const { office, persisted } = createFakeOffice();
    const store = createRoamingSettingsStore(office, defaults);
    await store.save(mine);
    expect(persisted.size).toBe(1);
    expect(store.load()).toEqual(mine);
  });

  it('ignores stored values of the wrong shape instead of failing', () => {
    const { office, bag } = createFakeOffice();
    bag.set('politely.settings.v1', {
      trackerUrl: 42,
      trackOpens: 'yes',
      defaultReasonId: 'made-up',
      yourName: 'Ana',
    });
    expect(createRoamingSettingsStore(office, defaults).load()).toEqual({ ...defaults, yourName: 'Ana' });
  });

  it('turns Outlook 9057 (over 32 KB) into a clear too-large error and keeps the old values', async () => {
    const { office } = createFakeOffice({
      outcome: { status: 'failed', error: { code: 9057, message: 'Settings size exceeded' } },
    });
    const store = createRoamingSettingsStore(office, defaults);
    const error = await store.save(mine).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SettingsSaveError);
    expect(error).toMatchObject({ kind: 'too-large' });
    expect((error as Error).message).toContain('at most 32 KB');
    expect(store.load()).toEqual(defaults);
  });

  it('refuses settings over 32 KB before calling Outlook', async () => {
    const { office, bag } = createFakeOffice();
    const store = createRoamingSettingsStore(office, defaults);
    const error = await store.save({ ...mine, yourName: 'x'.repeat(40_000) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'too-large' });
    expect(bag.size).toBe(0);
  });

  it('reports a set() that throws the size error', async () => {
    const { office } = createFakeOffice({ setThrows: { code: 9057, message: 'size limit' } });
    const error = await createRoamingSettingsStore(office, defaults)
      .save(mine)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'too-large' });
  });

  it('explains any other failed save with Outlook’s message', async () => {
    const { office } = createFakeOffice({
      outcome: { status: 'failed', error: { code: 5001, message: 'An internal error has occurred.' } },
    });
    const error = await createRoamingSettingsStore(office, defaults)
      .save(mine)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'failed' });
    expect((error as Error).message).toBe(
      'Settings not saved: Outlook could not store them with your mailbox (An internal error has occurred.). Try again in a moment.',
    );
  });
});
