/**
 * Free text from a request body (names, subjects, recipients, template ids) must be storable alike by every
 * adapter. PostgreSQL text cannot hold U+0000, so a NUL would fail the insert and look like an outage (503)
 * there while SQLite kept it; it is refused up front, with a 400 naming the field, on every adapter.
 */
import { HttpError } from './http-errors';

export function refuseUnstorableText(fields: Readonly<Record<string, string | null | undefined>>): void {
  for (const [name, value] of Object.entries(fields)) {
    if (value?.includes('\u0000')) {
      throw new HttpError(400, `${name} must not contain NUL (U+0000) characters.`);
    }
  }
}
