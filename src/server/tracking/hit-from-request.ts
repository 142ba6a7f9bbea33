/**
 * Builds the stored facts of a pixel load or link click from the incoming request: the moment (from the
 * injected clock), a fresh idempotency id, and the request-only classification from core. The raw user agent
 * and IP go no further than this function.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { classifyHitRequest } from '../../core/tracking/classify-hit';
import type { HitFact } from '../../core/tracking/hit-facts';

/** Header a development preview sends to act as a distinct recipient client (ignored outside dev mode). */
export const PREVIEW_CLIENT_HEADER = 'x-politely-preview-client';

const PREVIEW_NAME = /^[A-Za-z0-9 ._-]{1,40}$/;

export function hitFromRequest(
  request: FastifyRequest,
  target: { trackerId: string; kind: HitFact['kind']; linkIndex: number | null },
): HitFact {
  const { headers } = request;
  const { clock, config } = request.server.deps;
  const purpose = headers['sec-purpose'] ?? headers.purpose ?? headers['x-moz'];
  const preview = config.devMode ? headers[PREVIEW_CLIENT_HEADER] : undefined;
  const classified = classifyHitRequest({
    userAgent: headers['user-agent'],
    ip: request.ip,
    purpose: Array.isArray(purpose) ? purpose.join(',') : purpose,
    previewClient: typeof preview === 'string' && PREVIEW_NAME.test(preview) ? preview : null,
  });
  return { id: randomUUID(), at: clock.now(), ...target, ...classified };
}
