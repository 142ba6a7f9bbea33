/**
 * API-key authentication: `Authorization: Bearer <apiKey>` is hashed (SHA-256) and looked up by hash, so
 * keys are never stored or compared in clear. Used as a preValidation hook: after the rate
 * limit, before the body is validated, so a bad key gets 401 rather than a 400 about its body.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { unauthorized } from './http-errors';

const API_KEY_PREFIX = 'pk_';

/** 256 random bits, base64url, with a prefix that makes a leaked key recognisable. */
export function newApiKey(): string {
  return `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function hashApiKey(apiKey: string): string {
  return createHash('sha256').update(apiKey, 'utf8').digest('hex');
}

/** The bearer credential of the request, or null when there is none. */
export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer[ ]+([^\s]+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

export async function requireAccount(request: FastifyRequest): Promise<void> {
  const apiKey = bearerToken(request);
  if (apiKey === null) {
    throw unauthorized('This needs an API key: send the header "Authorization: Bearer <apiKey>".');
  }
  const account =
    apiKey.length <= 200 ? await request.server.deps.store.findAccountByKeyHash(hashApiKey(apiKey)) : null;
  if (!account) throw unauthorized('The API key is not valid.');
  request.account = account;
}
