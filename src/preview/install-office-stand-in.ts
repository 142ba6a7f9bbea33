/**
 * Entry point loaded in preview-pane.html before the pane's bundle: defines `window.Office` as the stand-in,
 * backed by the preview page that embeds this frame. Never part of the production build.
 */
import { createOfficeStandIn } from './office-stand-in';
import { PREVIEW_HOST_GLOBAL } from './preview-host';
import type { PreviewHost } from './preview-host';

function findHost(): PreviewHost {
  try {
    const host = (window.parent as unknown as Record<string, unknown>)[PREVIEW_HOST_GLOBAL];
    if (window.parent !== window && host) return host as PreviewHost;
  } catch {
    // A cross-origin parent: fall through to the detached host.
  }
  console.warn('Politely preview: open /preview.html; this page only works inside it. Showing "no email".');
  return {
    currentEmail: () => null,
    user: () => ({ displayName: '', emailAddress: '' }),
    theme: () => 'light',
    supportsMailbox19: () => true,
    onItemChanged: () => () => {},
    onThemeChanged: () => () => {},
    showReply: () => {},
    loadRoamingSettings: () => ({}),
    saveRoamingSettings: () => {},
  };
}

(window as unknown as { Office: unknown }).Office = createOfficeStandIn(findHost());
