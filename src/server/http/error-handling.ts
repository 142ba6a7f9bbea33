/**
 * The app's one error handler and not-found handler: validation errors, Fastify's own client errors and
 * HttpErrors become 4xx/503 `{ statusCode, error, message }`; anything unexpected becomes a bare 500. No
 * stack, URL or query string (which may carry a token) ever reaches the response or the log.
 */
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ApiErrorBody } from '../../core/tracking/api-contract';
import { HttpError, StorageUnavailableError } from './http-errors';

export function errorBody(statusCode: number, message: string): ApiErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
}

function errorHandlingPlugin(app: FastifyInstance): Promise<void> {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpError) {
      if (error instanceof StorageUnavailableError) {
        request.log.warn({ err: error.cause, route: request.routeOptions.url }, 'storage unavailable');
      }
      return reply
        .code(error.statusCode)
        .headers(error.headers)
        .send(errorBody(error.statusCode, error.message));
    }
    if (error.validation) {
      return reply.code(400).send(errorBody(400, error.message));
    }
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 400 && status < 500) {
      return reply.code(status).send(errorBody(status, error.message));
    }
    request.log.error({ err: error, route: request.routeOptions.url }, 'unexpected error');
    return reply.code(500).send(errorBody(500, 'Something went wrong on the tracker; it has been logged.'));
  });

  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).send(errorBody(404, 'There is nothing at this address.')),
  );
  return Promise.resolve();
}

export const errorHandling = fp(errorHandlingPlugin, { name: 'politely-error-handling' });
