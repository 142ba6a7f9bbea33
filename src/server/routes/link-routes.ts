/**
 * GET /l/<token>: a tracked link. A genuine token redirects (302) to the URL stored when the tracker was
 * created, and counts a click; anything else is 404. The target is never read from the request, so this is
 * not an open redirect. The Location is the stored URL's ASCII serialisation (see tracking/link-target.ts).
 */
import type { FastifyInstance } from 'fastify';
import { notFound } from '../http/http-errors';
import { hitFromRequest } from '../tracking/hit-from-request';
import { redirectLocationOf } from '../tracking/link-target';

export function linkRoutes(app: FastifyInstance): Promise<void> {
  const { tokens, hits, store, clock, config } = app.deps;

  app.get<{ Params: { '*': string } }>(
    '/l/*',
    { schema: { params: { type: 'object', properties: { '*': { type: 'string' } } } } },
    async (request, reply) => {
      const token = tokens.read(request.params['*']);
      if (token?.kind !== 'link') throw notFound('This tracked link is not valid.');
      const target = await store.findLinkTarget(token.trackerId, token.linkIndex);
      if (target === null) throw notFound('This tracked link no longer exists.');
      // Stored before today's creation rules, or altered in the database: never sent as it is.
      const location = redirectLocationOf(target);
      if (location === null) throw notFound('This tracked link does not lead to a valid https address.');
      if (request.method === 'GET') {
        hits.enqueue(
          hitFromRequest(
            request,
            { trackerId: token.trackerId, kind: 'click', linkIndex: token.linkIndex },
            { clock, devMode: config.devMode },
          ),
        );
      }
      return reply.code(302).header('cache-control', 'no-store').header('location', location).send();
    },
  );
  return Promise.resolve();
}
