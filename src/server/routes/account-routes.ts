/**
 * POST /api/v1/accounts: creates an account and shows its API key once; only the key's hash is stored.
 * When REGISTRATION_SECRET is set, the caller must present it in X-Registration-Secret.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HttpError } from '../http/http-errors';
import { hashApiKey, newApiKey } from '../http/authenticate';
import { refuseUnstorableText } from '../http/storable-text';
import { newRandomId } from '../tracking/tracking-tokens';
import { CreateAccountBody, CreateAccountReply, ErrorBody } from '../schemas/api-schemas';

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest();

export const accountRoutes: FastifyPluginAsyncTypebox = (app) => {
  const { store, clock, config } = app.deps;
  const requiredSecret = config.registrationSecret === null ? null : sha256(config.registrationSecret);

  app.post(
    '/accounts',
    {
      config: { rateLimit: { max: config.accountCreationsPerHour, timeWindow: '1 hour' } },
      schema: {
        body: CreateAccountBody,
        response: { 201: CreateAccountReply, '4xx': ErrorBody },
      },
    },
    async (request, reply) => {
      if (requiredSecret) {
        const presented = request.headers['x-registration-secret'];
        // Compare fixed-length hashes so neither the length nor the content leaks through timing.
        if (typeof presented !== 'string' || !timingSafeEqual(sha256(presented), requiredSecret)) {
          throw new HttpError(
            403,
            'Creating an account here needs the registration secret (X-Registration-Secret).',
          );
        }
      }
      refuseUnstorableText({ name: request.body.name });
      const apiKey = newApiKey();
      const accountId = newRandomId();
      await store.createAccount({
        id: accountId,
        name: request.body.name,
        apiKeyHash: hashApiKey(apiKey),
        createdAt: clock.now(),
      });
      return reply.code(201).send({ accountId, apiKey });
    },
  );
  return Promise.resolve();
};
