import { describe, expect, it } from 'vitest';
import { loadImagesAsPreviewClient } from '../../../src/preview/recipient/load-images-as-client';
import { readRecipientView, recipientViewUrl } from '../../../src/preview/recipient/recipient-link';

const GIF = Uint8Array.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61]);

describe('recipient link', () => {
  it('carries any reply HTML, including non-ASCII text, in the fragment only', () => {
    const html =
      '<p>Grüße, Zoë — 谢谢 <b>&amp;</b></p><img src="https://t.example/p/x.gif" width="1" height="1" alt="">';
    const url = recipientViewUrl(html, 'recipient');
    expect(url.startsWith('preview-recipient.html#')).toBe(true);
    expect(readRecipientView(url.slice(url.indexOf('#')))).toEqual({ html, client: 'recipient' });
  });

  it('rejects a fragment that is not a reply', () => {
    expect(readRecipientView('#reply=%%%')).toBeNull();
    expect(readRecipientView('')).toBeNull();
  });
});

describe('loadImagesAsPreviewClient', () => {
  it('fetches each image once with the preview header and inlines it', async () => {
    const requests: { url: string; header: string | null }[] = [];
    const fakeFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      requests.push({
        url: String(input),
        header: new Headers(init?.headers).get('x-politely-preview-client'),
      });
      return new Response(GIF, { status: 200, headers: { 'content-type': 'image/gif' } });
    }) as typeof fetch;
    const loaded = await loadImagesAsPreviewClient(
      '<div><p>Hi</p><img src="https://t.example/p/tok.gif" width="1" height="1" alt=""></div>',
      'recipient',
      fakeFetch,
    );
    expect(requests).toEqual([{ url: 'https://t.example/p/tok.gif', header: 'recipient' }]);
    expect(loaded.html).toContain('src="data:image/gif;base64,R0lGODlh"');
    expect(loaded.html).not.toContain('t.example');
    expect(loaded.loads).toEqual([
      { url: 'https://t.example/p/tok.gif', outcome: 'loaded', detail: 'image/gif, 200' },
    ]);
  });

  it('reports an image it could not load instead of loading it without the header', async () => {
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const loaded = await loadImagesAsPreviewClient(
      '<img src="https://t.example/p/tok.gif">',
      'recipient',
      failing,
    );
    expect(loaded.loads).toEqual([
      { url: 'https://t.example/p/tok.gif', outcome: 'failed', detail: 'Failed to fetch' },
    ]);
    expect(loaded.html).toBe('<img>');
  });

  it('drops scripts from the reply it shows', async () => {
    const loaded = await loadImagesAsPreviewClient('<p>ok</p><script>alert(1)</script>', 'r', fetch);
    expect(loaded.html).toBe('<p>ok</p>');
  });
});
