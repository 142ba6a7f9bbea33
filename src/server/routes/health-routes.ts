/**
 * /healthz answers 200 whenever the process can serve HTTP; /readyz answers 200 only when storage answers a
 * ping (in time), else 503, so a load balancer can take an instance out while its database is away.
 */
import type { FastifyInstance } from 'fastify';
import { errorBody } from '../http/error-handling';

export function healthRoutes(app: FastifyInstance): Promise<void> {
  const { store } = app.deps;
  app.get('/healthz', () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    try {
      await store.ping();
      return { status: 'ready' };
    } catch {
      return reply.code(503).send(errorBody(503, 'Storage is not answering; this instance is not ready.'));
    }
  });
  return Promise.resolve();
}
