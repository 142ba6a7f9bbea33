/**
 * Signs and verifies string values with HMAC-SHA256 (base64url tags), shaped like fastify-cookie's signer:
 * a list of keys where the first signs and every key verifies (so keys can rotate), constant-time
 * comparison, and an answer of `{ valid, renew, value }` instead of a throw.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface UnsignResult {
  valid: boolean;
  /** True when a rotated-out (non-first) key verified it, so the caller may re-issue it. */
  renew: boolean;
  value: string | null;
}

export interface TokenSigner {
  /** `value.tag`; the value must not be empty. */
  sign(value: string): string;
  unsign(token: string): UnsignResult;
}

/** 43 base64url characters whose last one leaves the two unused bits zero: exactly 32 bytes. */
const CANONICAL_TAG = /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/;

const INVALID: UnsignResult = Object.freeze({ valid: false, renew: false, value: null });

export function createTokenSigner(secrets: readonly (string | Buffer)[]): TokenSigner {
  if (secrets.length === 0) throw new TypeError('createTokenSigner needs at least one secret');
  const keys = secrets.map((secret) => (typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret));
  const tagOf = (key: Buffer, value: string): Buffer => createHmac('sha256', key).update(value).digest();
  const signingKey = keys[0] as Buffer;

  return {
    sign(value) {
      if (value === '') throw new TypeError('Cannot sign an empty value');
      return `${value}.${tagOf(signingKey, value).toString('base64url')}`;
    },
    unsign(token) {
      const dot = token.lastIndexOf('.');
      if (dot <= 0) return INVALID;
      const value = token.slice(0, dot);
      const tag = token.slice(dot + 1);
      // Only the canonical spelling of 32 bytes counts: Node's decoder would also take padding, stray
      // characters, the +/ alphabet and other unused low bits, so one tag could be written many ways.
      if (!CANONICAL_TAG.test(tag)) return INVALID;
      const presented = Buffer.from(tag, 'base64url');
      for (let index = 0; index < keys.length; index++) {
        if (timingSafeEqual(presented, tagOf(keys[index] as Buffer, value))) {
          return { valid: true, renew: index > 0, value };
        }
      }
      return INVALID;
    },
  };
}
