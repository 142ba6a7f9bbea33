/**
 * The link from the preview's Reply form to the recipient's view: the reply HTML travels in the URL's
 * fragment (never sent to any server), base64url-encoded UTF-8, with the preview client's name.
 */

export const RECIPIENT_PAGE = 'preview-recipient.html';
export const DEFAULT_PREVIEW_CLIENT = 'recipient';

export interface RecipientView {
  html: string;
  client: string;
}

export function recipientViewUrl(html: string, client: string = DEFAULT_PREVIEW_CLIENT): string {
  const params = new URLSearchParams({ client, reply: toBase64Url(html) });
  return `${RECIPIENT_PAGE}#${params.toString()}`;
}

export function readRecipientView(hash: string): RecipientView | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const encoded = params.get('reply');
  if (!encoded) return null;
  try {
    return { html: fromBase64Url(encoded), client: params.get('client') || DEFAULT_PREVIEW_CLIENT };
  } catch {
    return null;
  }
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(encoded: string): string {
  const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, (character) => character.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** Adds "Open as recipient" to the preview's Reply form for `html`, replacing an earlier link. */
export function renderOpenAsRecipient(container: HTMLElement, html: string): void {
  container.querySelector('[data-open-as-recipient]')?.remove();
  const wrapper = document.createElement('div');
  wrapper.dataset.openAsRecipient = '';
  const link = document.createElement('a');
  link.href = recipientViewUrl(html);
  link.target = '_blank';
  link.rel = 'noopener';
  link.className = 'button';
  link.textContent = 'Open as recipient';
  const hint = document.createElement('p');
  hint.className = 'hint';
  hint.textContent =
    'Opens the reply in a new window, as the recipient’s webmail would show it, so its tracking pixel is ' +
    'loaded for real. The reply above is your own copy: Politely does not count it.';
  wrapper.append(link, hint);
  container.append(wrapper);
}
