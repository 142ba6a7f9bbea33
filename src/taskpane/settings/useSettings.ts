import { useSyncExternalStore } from 'react';
import type { SettingsService } from './settings-service';
import type { PolitelySettings } from './settings-store';

/** The current settings, re-rendering when they are saved anywhere in the pane. */
export function useSettings(service: SettingsService): PolitelySettings {
  return useSyncExternalStore(service.subscribe, service.current);
}
