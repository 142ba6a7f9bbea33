/**
 * Builds everything tracked declines need from one settings store and one `fetch`: the settings service,
 * the tracker client bound to the settings, the decline panel's reply-tracking port and its defaults.
 * The composition root calls it once; tests and the preview call it with their own store.
 */
import type { DeclineDefaults, ReplyTrackingPort } from '../app/pane-services';
import { createSettingsService, type SettingsService } from '../settings/settings-service';
import type { SettingsStore } from '../settings/settings-store';
import { createDeferredTrackerClient } from '../tracker-client/deferred-tracker-client';
import type { TrackerClient } from '../tracker-client/tracker-client';
import { createReplyTracking } from './reply-tracking';

export interface TrackingServices {
  settings: SettingsService;
  client: TrackerClient;
  replyTracking: ReplyTrackingPort;
  readDeclineDefaults(): DeclineDefaults;
}

export interface CreateTrackingServicesOptions {
  settingsStore: SettingsStore;
  fetch: typeof fetch;
  /** Outlook's display name, used as the account name when the settings hold none. */
  displayName(): string | null;
}

export function createTrackingServices(options: CreateTrackingServicesOptions): TrackingServices {
  const settings = createSettingsService(options.settingsStore);
  // The HTTP client is first needed at "Open reply" or in Tracked declines, not for the first render.
  const client = createDeferredTrackerClient(async () => {
    const { createSettingsBoundTrackerClient } = await import(
      /* webpackChunkName: "tracker-client", webpackPrefetch: true */ './settings-bound-tracker-client'
    );
    return createSettingsBoundTrackerClient({
      settings,
      fetch: options.fetch,
      accountName: () =>
        settings.current().yourName.trim() || options.displayName()?.trim() || 'Politely user',
      timeoutMs: 10_000,
      // The tracker sends a heartbeat every 25 s; two missed ones mean the stream is gone.
      liveIdleTimeoutMs: 60_000,
    });
  });
  return {
    settings,
    client,
    replyTracking: createReplyTracking({ client, settings }),
    readDeclineDefaults: () => {
      const { yourName, defaultReasonId } = settings.current();
      return { yourName: yourName.trim() || null, reasonId: defaultReasonId };
    },
  };
}
