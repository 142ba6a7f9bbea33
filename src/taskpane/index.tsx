/**
 * The composition root: waits for Office once, builds the adapters, and renders the pane.
 * The only file outside office/ that names the `Office` global.
 */
import { createRoot } from 'react-dom/client';
import { analyzeInvitation } from '../core/invitation/analyze-invitation';
import { App } from './app/App';
import { DEFAULT_TRACKER_URL } from './app/build-constants';
import { createOfficeMailbox } from './office/office-mailbox';
import { createRoamingSettingsStore } from './office/roaming-settings-store';
import { defaultSettings } from './settings/settings-store';
import { createTrackingServices } from './tracking-services/create-tracking-services';

void Office.onReady(() => {
  const container = document.getElementById('root');
  if (!container) throw new Error('taskpane.html has no #root element.');
  const mailbox = createOfficeMailbox(Office);
  const tracking = createTrackingServices({
    settingsStore: createRoamingSettingsStore(Office, defaultSettings(DEFAULT_TRACKER_URL)),
    fetch: window.fetch.bind(window),
    displayName: () => mailbox.userDisplayName(),
  });
  const services = {
    mailbox,
    analyzeInvitation,
    readDeclineDefaults: tracking.readDeclineDefaults,
    replyTracking: tracking.replyTracking,
    trackedDeclines: { settings: tracking.settings, client: tracking.client },
  };
  createRoot(container).render(<App services={services} />);
});
