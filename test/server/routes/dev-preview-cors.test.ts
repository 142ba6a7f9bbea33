import { afterEach, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  CHROME_UA,
  createAccount,
  createTracker,
  type TestApp,
} from '../support/build-test-app';

const ORIGIN = 'https://localhost:3000';

describe('pixel CORS for the preview recipient view', () => {
  let test: TestApp | null = null;
  afterEach(async () => {
    await test?.close();
    test = null;
  });

  async function pixelPath(devMode: boolean): Promise<string> {
    test = await buildTestApp({ config: { devMode } });
    const { apiKey } = await createAccount(test.app);
    const tracker = await createTracker(test.app, apiKey);
    return new URL(tracker.pixelUrl).pathname;
  }

  it('in development mode, answers the preflight for the preview header from an allowed origin', async () => {
    const path = await pixelPath(true);
    const preflight = await test!.app.inject({
      method: 'OPTIONS',
      url: path,
      headers: {
        origin: ORIGIN,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'x-politely-preview-client',
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(String(preflight.headers['access-control-allow-headers']).toLowerCase()).toBe(
      'x-politely-preview-client',
    );

    const get = await test!.app.inject({
      method: 'GET',
      url: path,
      headers: { origin: ORIGIN, 'user-agent': CHROME_UA, 'x-politely-preview-client': 'recipient' },
    });
    expect(get.statusCode).toBe(200);
    expect(get.headers['content-type']).toBe('image/gif');
    expect(get.headers['access-control-allow-origin']).toBe(ORIGIN);
  });

  it('gives another origin nothing to work with', async () => {
    const path = await pixelPath(true);
    const preflight = await test!.app.inject({
      method: 'OPTIONS',
      url: path,
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const get = await test!.app.inject({
      method: 'GET',
      url: path,
      headers: { origin: 'https://evil.example' },
    });
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('outside development mode, the pixel has no CORS at all', async () => {
    const path = await pixelPath(false);
    const get = await test!.app.inject({ method: 'GET', url: path, headers: { origin: ORIGIN } });
    expect(get.statusCode).toBe(200);
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await test!.app.inject({
      method: 'OPTIONS',
      url: path,
      headers: { origin: ORIGIN, 'access-control-request-method': 'GET' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });
});
