import { useCallback, useState } from 'react';
import type { DeclineReasonId } from '../../core/decline/decline-reasons';
import type { SettingsService } from './settings-service';
import { useSettings } from './useSettings';
import { validateTrackerUrl } from './validate-tracker-url';

export interface SettingsDraft {
  trackerUrl: string;
  yourName: string;
  defaultReasonId: DeclineReasonId | null;
  trackOpens: boolean;
}

export type SettingsSaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

export interface SettingsForm {
  draft: SettingsDraft;
  hasApiKey: boolean;
  trackerUrlError: string | null;
  /** True when saving would forget the key because the tracker URL changed. */
  willForgetKey: boolean;
  isDirty: boolean;
  save: SettingsSaveState;
  setField<K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K]): void;
  submit(): Promise<void>;
  revert(): void;
}

/** State of the settings form: a draft over the saved settings, validated on submit. */
export function useSettingsForm(service: SettingsService): SettingsForm {
  const saved = useSettings(service);
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(service.current()));
  const [save, setSave] = useState<SettingsSaveState>({ kind: 'idle' });
  const [showUrlError, setShowUrlError] = useState(false);

  const urlCheck = validateTrackerUrl(draft.trackerUrl);
  const normalisedUrl = urlCheck.ok ? urlCheck.url : draft.trackerUrl.trim();
  const isDirty =
    normalisedUrl !== saved.trackerUrl ||
    draft.yourName.trim() !== saved.yourName ||
    draft.defaultReasonId !== saved.defaultReasonId ||
    draft.trackOpens !== saved.trackOpens;

  const setField = useCallback(<K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K]) => {
    setDraft((previous) => ({ ...previous, [key]: value }));
    setSave({ kind: 'idle' });
  }, []);

  const submit = async (): Promise<void> => {
    if (!urlCheck.ok) {
      setShowUrlError(true);
      return;
    }
    setSave({ kind: 'saving' });
    try {
      const next = await service.update({
        trackerUrl: urlCheck.url,
        yourName: draft.yourName.trim(),
        defaultReasonId: draft.defaultReasonId,
        trackOpens: draft.trackOpens,
      });
      setDraft(draftOf(next));
      setShowUrlError(false);
      setSave({ kind: 'saved' });
    } catch (error) {
      setSave({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return {
    draft,
    hasApiKey: saved.apiKey !== null,
    trackerUrlError: showUrlError && !urlCheck.ok ? urlCheck.message : null,
    willForgetKey: saved.apiKey !== null && urlCheck.ok && urlCheck.url !== saved.trackerUrl,
    isDirty,
    save,
    setField,
    submit,
    revert: () => {
      setDraft(draftOf(service.current()));
      setShowUrlError(false);
      setSave({ kind: 'idle' });
    },
  };
}

function draftOf(settings: SettingsDraft): SettingsDraft {
  const { trackerUrl, yourName, defaultReasonId, trackOpens } = settings;
  return { trackerUrl, yourName, defaultReasonId, trackOpens };
}
