/**
 * The port for Politely's own settings, kept with the user's mailbox so they follow them between machines.
 * `load` never throws (bad stored values fall back to defaults); `save` resolves once the settings are
 * persisted or rejects with a `SettingsSaveError` whose message can be shown as it is.
 */
import { findDeclineReason, type DeclineReasonId } from '../../core/decline/decline-reasons';

export interface PolitelySettings {
  /** Base URL of the tracking server, e.g. `https://tracker.example.com`. */
  trackerUrl: string;
  /** The tracker account's key; null until the pane first talks to the tracker. */
  apiKey: string | null;
  /** Overrides the mailbox's display name as the reply's signature; blank = use the display name. */
  yourName: string;
  /** The reason the decline panel starts with; null = the panel's own default. */
  defaultReasonId: DeclineReasonId | null;
  /** "Track when my reply is opened". */
  trackOpens: boolean;
}

export type SettingsSaveErrorKind = 'too-large' | 'failed';

export class SettingsSaveError extends Error {
  override readonly name = 'SettingsSaveError';
  readonly kind: SettingsSaveErrorKind;

  constructor(kind: SettingsSaveErrorKind, message: string) {
    super(message);
    this.kind = kind;
  }
}

export interface SettingsStore {
  load(): PolitelySettings;
  save(settings: PolitelySettings): Promise<void>;
}

/** Outlook keeps at most 32 KB of settings per add-in. */
export const SETTINGS_LIMIT_BYTES = 32 * 1024;

export function defaultSettings(defaultTrackerUrl: string): PolitelySettings {
  return {
    trackerUrl: defaultTrackerUrl,
    apiKey: null,
    yourName: '',
    defaultReasonId: null,
    trackOpens: true,
  };
}

/** Reads whatever was stored (older versions, hand edits, nothing) into valid settings. */
export function readStoredSettings(stored: unknown, defaults: PolitelySettings): PolitelySettings {
  if (typeof stored !== 'object' || stored === null) return { ...defaults };
  const value = stored as Record<string, unknown>;
  const text = (key: string): string | null =>
    typeof value[key] === 'string' ? (value[key] as string) : null;
  const reasonId = text('defaultReasonId');
  const trackerUrl = text('trackerUrl')?.trim();
  return {
    trackerUrl: trackerUrl ? trackerUrl : defaults.trackerUrl,
    apiKey: text('apiKey') || null,
    yourName: text('yourName') ?? defaults.yourName,
    defaultReasonId: reasonId && findDeclineReason(reasonId) ? (reasonId as DeclineReasonId) : null,
    trackOpens: typeof value.trackOpens === 'boolean' ? value.trackOpens : defaults.trackOpens,
  };
}

export function tooLargeError(sizeBytes: number): SettingsSaveError {
  return new SettingsSaveError(
    'too-large',
    `Settings not saved: they need ${Math.ceil(sizeBytes / 1024)} KB, and Outlook keeps at most 32 KB of settings for an add-in. Shorten your name and try again.`,
  );
}

export function settingsSizeBytes(settings: PolitelySettings): number {
  return new TextEncoder().encode(JSON.stringify(settings)).length;
}

/** Settings kept in memory only: for tests, and for the preview page before it provides roaming settings. */
export function createMemorySettingsStore(
  initial: PolitelySettings,
): SettingsStore & { saved: PolitelySettings } {
  const store = {
    saved: { ...initial },
    load: () => ({ ...store.saved }),
    save: async (settings: PolitelySettings) => {
      const size = settingsSizeBytes(settings);
      if (size > SETTINGS_LIMIT_BYTES) throw tooLargeError(size);
      store.saved = { ...settings };
    },
  };
  return store;
}
