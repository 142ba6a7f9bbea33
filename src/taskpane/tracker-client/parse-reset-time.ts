/**
 * Works out when a 429 lifts, from whatever the tracker offers: the `Retry-After` header (seconds or an
 * HTTP date), `X-RateLimit-Reset` (seconds from now), or an ISO-8601 time quoted in the message.
 * Returns null rather than a guess.
 */

export interface ResetTimeClues {
  message: string;
  retryAfter: string | null;
  rateLimitReset: string | null;
  now: Date;
}

const ISO_TIME = /\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?/;

export function parseResetTime({ message, retryAfter, rateLimitReset, now }: ResetTimeClues): Date | null {
  const quoted = ISO_TIME.exec(message);
  if (quoted) {
    const at = new Date(quoted[0]);
    if (!Number.isNaN(at.getTime())) return at;
  }
  for (const header of [retryAfter, rateLimitReset]) {
    if (!header) continue;
    const trimmed = header.trim();
    if (/^\d+$/.test(trimmed)) return new Date(now.getTime() + Number(trimmed) * 1000);
    const at = new Date(trimmed);
    if (!Number.isNaN(at.getTime())) return at;
  }
  return null;
}
