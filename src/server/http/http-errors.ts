/**
 * The errors route handlers throw on purpose. The single error handler turns each into its status and a
 * `{ statusCode, error, message }` body; anything else becomes a generic 500 without details.
 */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = (message: string) => new HttpError(404, message);
export const unauthorized = (message: string) =>
  new HttpError(401, message, { 'www-authenticate': 'Bearer realm="politely"' });

/** Storage failed or did not answer in time; the client may retry. */
export class StorageUnavailableError extends HttpError {
  constructor(override readonly cause: unknown) {
    super(503, 'The tracker cannot reach its storage right now; please try again shortly.', {
      'retry-after': '5',
    });
    this.name = 'StorageUnavailableError';
  }
}
