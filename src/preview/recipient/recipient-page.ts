/**
 * The preview's recipient view (preview-recipient.html): shows a reply as the recipient's webmail would, in
 * a sandboxed frame, after loading its images as a distinct preview client. Development and preview only.
 */
import { loadImagesAsPreviewClient, PREVIEW_CLIENT_HEADER } from './load-images-as-client';
import { readRecipientView } from './recipient-link';

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`preview-recipient.html is missing #${id}`);
  return found as T;
}

async function show(): Promise<void> {
  const status = element('recipient-status');
  const view = readRecipientView(window.location.hash);
  if (!view) {
    status.textContent =
      'No reply to show. Open this page with "Open as recipient" from the preview’s Reply form.';
    document.body.dataset.state = 'empty';
    return;
  }
  element('recipient-client').textContent = view.client;
  element('recipient-header').textContent = PREVIEW_CLIENT_HEADER;
  status.textContent = 'Loading the reply’s images…';
  const loaded = await loadImagesAsPreviewClient(view.html, view.client, window.fetch.bind(window));
  element<HTMLIFrameElement>('recipient-body').srcdoc =
    '<!doctype html><html><head><meta charset="utf-8"></head>' +
    '<body style="font-family: Segoe UI, system-ui, sans-serif; font-size: 14px; margin: 12px">' +
    loaded.html +
    '</body></html>';
  const log = element<HTMLUListElement>('recipient-loads');
  log.replaceChildren(
    ...loaded.loads.map((load) => {
      const item = document.createElement('li');
      item.dataset.outcome = load.outcome;
      item.textContent = `${load.outcome === 'loaded' ? 'Loaded' : 'Not loaded'}: ${load.url} (${load.detail})`;
      return item;
    }),
  );
  const failed = loaded.loads.filter((load) => load.outcome === 'failed').length;
  status.textContent =
    loaded.loads.length === 0
      ? 'The reply has no images, so nothing was tracked.'
      : failed === 0
        ? `Shown as "${view.client}": ${loaded.loads.length} image(s) loaded.`
        : `${failed} image(s) could not be loaded. Is the tracker running in development mode, and does it allow this page’s origin?`;
  document.body.dataset.state = failed === 0 ? 'shown' : 'failed';
}

void show();
window.addEventListener('hashchange', () => void show());
