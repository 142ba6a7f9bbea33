/**
 * Wraps `Office.context.roamingSettings` as a `SettingsStore`: settings live in one JSON value under one
 * key, `save` resolves only after `saveAsync` succeeds, and a failed save leaves the in-memory copy as it
 * was, so what the pane shows is what Outlook holds.
 */
import {
  SETTINGS_LIMIT_BYTES,
  SettingsSaveError,
  readStoredSettings,
  settingsSizeBytes,
  tooLargeError,
  type PolitelySettings,
  type SettingsStore,
} from '../settings/settings-store';

const SETTINGS_KEY = 'politely.settings.v1';
/** Office's error code for "the settings exceed 32 KB". */
const SIZE_LIMIT_ERROR_CODE = 9057;

/** The parts of `Office` the adapter uses, so tests can pass a plain fake. */
export interface RoamingSettingsOffice {
  context: { roamingSettings: Pick<Office.RoamingSettings, 'get' | 'set' | 'remove' | 'saveAsync'> };
  AsyncResultStatus: Pick<typeof Office.AsyncResultStatus, 'Succeeded'>;
}

export function createRoamingSettingsStore(
  office: RoamingSettingsOffice,
  defaults: PolitelySettings,
): SettingsStore {
  const roamingSettings = office.context.roamingSettings;
  return {
    load(): PolitelySettings {
      try {
        return readStoredSettings(roamingSettings.get(SETTINGS_KEY), defaults);
      } catch {
        return { ...defaults };
      }
    },

    save(settings: PolitelySettings): Promise<void> {
      const size = settingsSizeBytes(settings);
      if (size > SETTINGS_LIMIT_BYTES) return Promise.reject(tooLargeError(size));
      const previous: unknown = roamingSettings.get(SETTINGS_KEY);
      const restore = (): void => {
        try {
          if (previous === undefined || previous === null) roamingSettings.remove(SETTINGS_KEY);
          else roamingSettings.set(SETTINGS_KEY, previous);
        } catch {
          // The previous value was accepted before, so this cannot exceed the limit.
        }
      };
      try {
        roamingSettings.set(SETTINGS_KEY, { ...settings });
      } catch (error) {
        restore();
        return Promise.reject(fromOfficeError(error, size));
      }
      return new Promise((resolve, reject) => {
        try {
          roamingSettings.saveAsync((result) => {
            if (result.status === office.AsyncResultStatus.Succeeded) {
              resolve();
            } else {
              restore();
              reject(fromOfficeError(result.error, size));
            }
          });
        } catch (error) {
          restore();
          reject(fromOfficeError(error, size));
        }
      });
    },
  };
}

function fromOfficeError(error: unknown, sizeBytes: number): SettingsSaveError {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : String(error);
  if (code === SIZE_LIMIT_ERROR_CODE || /size|exceed|32\s?kb/i.test(text)) return tooLargeError(sizeBytes);
  return new SettingsSaveError(
    'failed',
    `Settings not saved: Outlook could not store them with your mailbox (${text}). Try again in a moment.`,
  );
}
