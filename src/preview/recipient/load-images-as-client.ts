/**
 * Loads a reply's images the way a distinct mail client would, for the preview's recipient view: each
 * http(s) image is fetched by this browser with the `X-Politely-Preview-Client` header and inlined as a
 * data: URL. Only a tracker in development mode honours that header; any other tracker sees this browser
 * (the sender's) and rightly counts the load as the sender's own copy.
 */

export const PREVIEW_CLIENT_HEADER = 'X-Politely-Preview-Client';

export interface ImageLoad {
  url: string;
  outcome: 'loaded' | 'failed';
  detail: string;
}

export interface LoadedReply {
  /** The reply's body markup with every image either inlined or removed. */
  html: string;
  loads: ImageLoad[];
}

export async function loadImagesAsPreviewClient(
  html: string,
  client: string,
  fetchImage: typeof fetch,
): Promise<LoadedReply> {
  // DOMParser documents are inert: nothing in them loads or runs until the markup is placed elsewhere.
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const element of doc.querySelectorAll('script, iframe, object, embed, link, meta, base'))
    element.remove();
  const loads: ImageLoad[] = [];
  for (const image of [...doc.querySelectorAll('img')]) {
    const url = image.getAttribute('src') ?? '';
    image.removeAttribute('src');
    image.removeAttribute('srcset');
    if (!/^https?:\/\//i.test(url)) {
      if (url) loads.push({ url, outcome: 'failed', detail: 'not an http(s) image' });
      continue;
    }
    try {
      const response = await fetchImage(url, {
        headers: { [PREVIEW_CLIENT_HEADER]: client },
        cache: 'no-store',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
      });
      if (!response.ok) throw new Error(`answered ${response.status}`);
      const type = response.headers.get('content-type') ?? 'application/octet-stream';
      image.setAttribute('src', `data:${type};base64,${toBase64(await response.arrayBuffer())}`);
      loads.push({ url, outcome: 'loaded', detail: `${type}, ${response.status}` });
    } catch (error) {
      loads.push({ url, outcome: 'failed', detail: error instanceof Error ? error.message : String(error) });
    }
  }
  return { html: doc.body.innerHTML, loads };
}

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
