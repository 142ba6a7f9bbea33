/**
 * GET /p/<token>.gif through Fastify: the same handler the server runs ahead of routing (see app.ts), so
 * app.inject exercises exactly what a mail client gets. The route exists for tests and as a fallback.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { PixelHandler } from '../tracking/pixel-handler';
import { PIXEL_CACHE_CONTROL, TRANSPARENT_GIF } from '../tracking/transparent-gif';

/** The pixel answer for a URL so malformed that routing itself failed. */
export function sendPixel(reply: FastifyReply): FastifyReply {
  return reply
    .code(200)
    .header('cache-control', PIXEL_CACHE_CONTROL)
    .header('cross-origin-resource-policy', 'cross-origin')
    .type('image/gif')
    .send(TRANSPARENT_GIF);
}

export function pixelRoutes(app: FastifyInstance, options: { handler: PixelHandler }): Promise<void> {
  // A wildcard, not a length-limited parameter, so even an absurd token still gets its GIF.
  app.get('/p/*', (request, reply) => {
    reply.hijack();
    options.handler(request.raw, reply.raw);
  });
  return Promise.resolve();
}
