import { DECLINE_REASONS } from '../../core/decline/decline-reasons';
import type { SettingsService } from './settings-service';
import { SettingsView } from './SettingsView';
import { useSettingsForm } from './useSettingsForm';

export interface SettingsPanelProps {
  service: SettingsService;
  displayName: string | null;
}

const REASON_OPTIONS = DECLINE_REASONS.map(({ id, label }) => ({ id, label }));

/** The Settings tab: loaded lazily, since most sessions never open it. */
export default function SettingsPanel({ service, displayName }: SettingsPanelProps) {
  const form = useSettingsForm(service);
  return <SettingsView form={form} reasons={REASON_OPTIONS} displayName={displayName} />;
}
