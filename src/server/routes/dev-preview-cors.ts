/**
 * Development mode only: lets the preview's recipient view, a page on an allowed origin, fetch the pixel
 * with the `X-Politely-Preview-Client` header. A browser sends a custom header only after a CORS
 * preflight, and lets the page read the answer only with `Access-Control-Allow-Origin`. Without development
 * mode none of this is registered: pixels stay plain images, and the header is ignored anyway.
 */
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { PREVIEW_CLIENT_HEADER } from '../tracking/hit-from-request';

const PIXEL_PATH = /^\/p\//;

interface DevPreviewCorsOptions {
  allowedOrigins: readonly string[];
}

export const devPreviewCors: FastifyPluginAsync<DevPreviewCorsOptions> = fp(
  async (app: FastifyInstance, { allowedOrigins }: DevPreviewCorsOptions) => {
    const allowed = (origin: string | undefined): origin is string =>
      origin !== undefined && allowedOrigins.includes(origin);

    app.options('/p/*', (request, reply) => {
      const origin = request.headers.origin;
      if (allowed(origin)) {
        reply
          .header('access-control-allow-origin', origin)
          .header('access-control-allow-methods', 'GET')
          .header('access-control-allow-headers', PREVIEW_CLIENT_HEADER)
          .header('access-control-max-age', '600');
      }
      return reply.header('vary', 'Origin').code(204).send();
    });

    app.addHook('onRequest', (request, reply, done) => {
      const origin = request.headers.origin;
      if (request.method === 'GET' && PIXEL_PATH.test(request.url) && allowed(origin)) {
        reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
      }
      done();
    });
  },
  { name: 'dev-preview-cors' },
);
