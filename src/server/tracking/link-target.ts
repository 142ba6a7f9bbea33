/**
 * The rules for a tracked link's target: what POST /trackers accepts, and the exact Location that
 * GET /l/<token> sends. The Location is the WHATWG serialisation of the stored URL (punycode host,
 * percent-encoded path), so it is the same destination a browser would resolve, in pure ASCII that an HTTP
 * header can carry.
 */

/** C0 controls and DEL: a URL parser silently drops or encodes them, so what was shown is not what is stored. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/** Why `value` cannot be a link target, or null when it can. */
export function linkTargetProblem(value: string): string | null {
  if (CONTROL_CHARACTER.test(value)) return 'must not contain control characters such as tabs or line breaks';
  const url = parseHttpsUrl(value);
  if (url === null) return 'must be an absolute https URL';
  if (url.username !== '' || url.password !== '') return 'must not contain a user name or password';
  return null;
}

/** The Location header for a stored target, or null when the stored value is not a valid target. */
export function redirectLocationOf(stored: string): string | null {
  if (linkTargetProblem(stored) !== null) return null;
  return parseHttpsUrl(stored)?.href ?? null;
}

function parseHttpsUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '' ? url : null;
  } catch {
    return null;
  }
}
