/**
 * Development-only routes, registered only when TRACKER_DEV_MODE is on (otherwise they are 404):
 * POST /dev/clock `{ advanceMs }` moves the server's clock forward, so a test can get past the 60 s
 * open-folding window without waiting.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AdjustableClock, Clock } from '../clock';
import { AdvanceClockBody, ErrorBody } from '../schemas/api-schemas';
import { Type } from 'typebox';

export function isAdjustable(clock: Clock): clock is AdjustableClock {
  return typeof (clock as Partial<AdjustableClock>).advance === 'function';
}

export const devRoutes: FastifyPluginAsyncTypebox<{ clock: AdjustableClock }> = (app, { clock }) => {
  app.post(
    '/dev/clock',
    {
      schema: {
        body: AdvanceClockBody,
        response: { 200: Type.Object({ now: Type.String() }), '4xx': ErrorBody },
      },
    },
    (request) => ({ now: clock.advance(request.body.advanceMs).toISOString() }),
  );
  return Promise.resolve();
};
