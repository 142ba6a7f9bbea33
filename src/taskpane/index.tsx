/**
 * The composition root: waits for Office once, builds the adapters, and renders the pane.
 * The only file outside office/ that names the `Office` global.
 */
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { DEFAULT_TRACKER_URL } from './app/build-constants';
import { createDeferredInvitationDetector } from './app/deferred-invitation-detector';
import { createOfficeMailbox } from './office/office-mailbox';
import { createRoamingSettingsStore } from './office/roaming-settings-store';
import { defaultSettings } from './settings/settings-store';
import { createTrackingServices } from './tracking-services/create-tracking-services';

// The detector's tables are the pane's largest code; they load as their own chunk, starting now, while
// Office initialises and the body is read.
const detector = createDeferredInvitationDetector(async () => {
  const { analyzeInvitation } = await import(
    /* webpackChunkName: "detector" */ '../core/invitation/analyze-invitation'
  );
  return analyzeInvitation;
});
detector.preload();

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
    analyzeInvitation: detector.analyzeInvitation,
    readDeclineDefaults: tracking.readDeclineDefaults,
    replyTracking: tracking.replyTracking,
    trackedDeclines: { settings: tracking.settings, client: tracking.client },
  };
  createRoot(container).render(<App services={services} />);
});
