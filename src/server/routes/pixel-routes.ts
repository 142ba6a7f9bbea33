/**
 * GET /p/<token>.gif: always 200 with the transparent GIF, for a valid, unknown, forged or garbled token
 * and whatever state storage is in. It never waits on storage: the token is checked in memory and a valid
 * hit is handed to the hit buffer. HEAD answers the same but records nothing (no image was fetched).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hitFromRequest } from '../tracking/hit-from-request';
import { PIXEL_CACHE_CONTROL, TRANSPARENT_GIF } from '../tracking/transparent-gif';

/** The one pixel answer; also used for pixel URLs so malformed that routing itself fails. */
export function sendPixel(reply: FastifyReply): FastifyReply {
  return reply
    .code(200)
    .header('cache-control', PIXEL_CACHE_CONTROL)
    .header('pragma', 'no-cache')
    .header('expires', '0')
    .header('cross-origin-resource-policy', 'cross-origin')
    .type('image/gif')
    .send(TRANSPARENT_GIF);
}

export function pixelRoutes(app: FastifyInstance): Promise<void> {
  const { tokens, hits } = app.deps;

  function answerPixel(request: FastifyRequest<{ Params: { '*': string } }>, reply: FastifyReply) {
    if (request.method === 'GET') {
      try {
        const file = request.params['*'];
        const token = tokens.read(file.endsWith('.gif') ? file.slice(0, -4) : file);
        if (token?.kind === 'pixel') {
          hits.enqueue(
            hitFromRequest(request, { trackerId: token.trackerId, kind: 'open', linkIndex: null }),
          );
        }
      } catch (error) {
        request.log.error({ err: error }, 'recording a pixel hit failed; the GIF is sent anyway');
      }
    }
    return sendPixel(reply);
  }

  // A wildcard, not a length-limited parameter, so even an absurd token still gets its GIF.
  app.get<{ Params: { '*': string } }>(
    '/p/*',
    { schema: { params: { type: 'object', properties: { '*': { type: 'string' } } } } },
    answerPixel,
  );
  return Promise.resolve();
}
