/**
 * The pixel answer as a plain Node request handler, so that the server can serve it before Fastify's routing
 * (the hot path) and the Fastify route can serve the very same function (tests through app.inject). It always
 * answers 200 with the transparent GIF, for a valid, unknown, forged or garbled token and whatever state
 * storage is in, and never waits on storage: the token is checked in memory and a valid hit is handed to the
 * hit buffer. HEAD answers the same but records nothing (no image was fetched).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../clock';
import type { HitBuffer } from './hit-buffer';
import { hitFromRequest } from './hit-from-request';
import type { TrackingTokens } from './tracking-tokens';
import { PIXEL_CACHE_CONTROL, TRANSPARENT_GIF } from './transparent-gif';

export interface PixelHandlerDeps {
  tokens: TrackingTokens;
  hits: HitBuffer;
  clock: Clock;
  devMode: boolean;
  /**
   * Development mode only (else empty): origins whose pages may read the pixel answer, so the preview's
   * recipient view can fetch it with the preview-client header (see routes/dev-preview-cors.ts).
   */
  previewOrigins: readonly string[];
  /** The client address, honouring only trusted proxies (the same rule Fastify's request.ip uses). */
  clientIp: (request: IncomingMessage) => string;
  onError: (message: string, error: unknown) => void;
}

export type PixelHandler = (request: IncomingMessage, response: ServerResponse) => void;

/** Every pixel answer's headers, built once, as the flat name/value list Node writes without re-checking. */
const PIXEL_HEADERS: readonly string[] = [
  'content-type',
  'image/gif',
  'content-length',
  String(TRANSPARENT_GIF.length),
  'cache-control',
  PIXEL_CACHE_CONTROL,
  'pragma',
  'no-cache',
  'expires',
  '0',
  'x-content-type-options',
  'nosniff',
  // Mail pages on other sites embed the pixel; a same-origin resource policy would block it.
  'cross-origin-resource-policy',
  'cross-origin',
  'referrer-policy',
  'no-referrer',
];

export function isPixelRequest(request: IncomingMessage): boolean {
  return (request.method === 'GET' || request.method === 'HEAD') && (request.url?.startsWith('/p/') ?? false);
}

export function createPixelHandler(deps: PixelHandlerDeps): PixelHandler {
  const { tokens, hits } = deps;
  const context = { clock: deps.clock, devMode: deps.devMode };
  return (request, response) => {
    if (request.method === 'GET') {
      try {
        const url = request.url ?? '';
        const end = url.indexOf('?');
        const file = url.slice(3, end === -1 ? undefined : end);
        const token = tokens.read(file.endsWith('.gif') ? file.slice(0, -4) : file);
        if (token?.kind === 'pixel') {
          const ip = deps.clientIp(request);
          hits.enqueue(
            hitFromRequest(
              { headers: request.headers, ip },
              { trackerId: token.trackerId, kind: 'open', linkIndex: null },
              context,
            ),
          );
        }
      } catch (error) {
        deps.onError('recording a pixel hit failed; the GIF is sent anyway', error);
      }
    }
    const origin = request.headers.origin;
    if (deps.previewOrigins.length > 0 && origin !== undefined && deps.previewOrigins.includes(origin)) {
      response.writeHead(200, [...PIXEL_HEADERS, 'access-control-allow-origin', origin, 'vary', 'Origin']);
    } else {
      response.writeHead(200, PIXEL_HEADERS as string[]);
    }
    response.end(request.method === 'HEAD' ? undefined : TRANSPARENT_GIF);
  };
}
