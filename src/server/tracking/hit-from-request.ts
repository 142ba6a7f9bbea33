/**
 * Builds the stored facts of a pixel load or link click from the incoming request: the moment (from the
 * injected clock), a fresh idempotency id, and the request-only classification from core. The raw user agent
 * and IP go no further than this function.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { classifyHitRequest } from '../../core/tracking/classify-hit';
import type { HitFact } from '../../core/tracking/hit-facts';
import type { Clock } from '../clock';
import { newHitId } from './hit-ids';

/** Header a development preview sends to act as a distinct recipient client (ignored outside dev mode). */
export const PREVIEW_CLIENT_HEADER = 'x-politely-preview-client';

const PREVIEW_NAME = /^[A-Za-z0-9 ._-]{1,40}$/;

export interface HitContext {
  clock: Clock;
  devMode: boolean;
}

export function hitFromRequest(
  request: { headers: IncomingHttpHeaders; ip: string },
  target: { trackerId: string; kind: HitFact['kind']; linkIndex: number | null },
  context: HitContext,
): HitFact {
  const { headers } = request;
  const purpose = headers['sec-purpose'] ?? headers.purpose ?? headers['x-moz'];
  const preview = context.devMode ? headers[PREVIEW_CLIENT_HEADER] : undefined;
  const classified = classifyHitRequest({
    userAgent: headers['user-agent'],
    ip: request.ip,
    purpose: Array.isArray(purpose) ? purpose.join(',') : purpose,
    previewClient: typeof preview === 'string' && PREVIEW_NAME.test(preview) ? preview : null,
  });
  const at = context.clock.now();
  return { id: newHitId(at), at, ...target, ...classified };
}
