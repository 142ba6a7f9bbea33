/**
 * Free text in request bodies behaves the same on every storage adapter: what can be stored comes back
 * exactly, and what PostgreSQL cannot hold (NUL) is a 400 naming the field on both, never a 503 on one.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createPostgresTrackerStore } from '../../../src/server/storage/postgres/postgres-tracker-store';
import { createSqliteTrackerStore } from '../../../src/server/storage/sqlite/sqlite-tracker-store';
import type { TrackerStore } from '../../../src/server/storage/tracker-store';
import { createTestSchema, postgresForTests, type TestSchema } from '../storage/postgres-test-database';
import { buildTestApp, createAccount, createTracker, type TestApp } from '../support/build-test-app';

const serverUrl = await postgresForTests();

const adapters: [string, boolean, () => Promise<{ store: TrackerStore; drop?: () => Promise<void> }>][] = [
  ['SQLite', true, () => Promise.resolve({ store: createSqliteTrackerStore({ path: ':memory:' }) })],
  [
    'PostgreSQL',
    serverUrl !== undefined,
    async () => {
      const schema: TestSchema = await createTestSchema(serverUrl ?? '');
      return { store: await createPostgresTrackerStore({ connectionString: schema.url }), drop: schema.drop };
    },
  ],
];

describe.each(adapters)('free text on %s', (_name, available, open) => {
  let t: TestApp | undefined;
  let drop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await t?.close();
    await drop?.();
    t = undefined;
    drop = undefined;
  });

  async function start(): Promise<TestApp> {
    const opened = await open();
    drop = opened.drop;
    t = await buildTestApp({ store: opened.store });
    return t;
  }

  it.skipIf(!available)('keeps unicode, markup, tabs and line breaks exactly', async () => {
    const { app } = await start();
    const { apiKey } = await createAccount(app, 'Zoë <b>Ø</b> 🎉');
    const subject = 'Re: Entretien — 面接 🎉 <script>alert(1)</script>\t\r\nBcc: x@evil.example \u202e';
    const recipient = '"Zoë \u0007" <zoë@exämple.com>';
    const created = await createTracker(app, apiKey, { subject, recipient, template: 'déjà-vu' });
    const read = await app.inject({
      url: `/api/v1/trackers/${created.id}`,
      headers: { authorization: `Bearer ${apiKey}` },
    });
    expect(read.json()).toMatchObject({ subject, recipient, template: 'déjà-vu' });
  });

  it.skipIf(!available).each([
    ['subject', { subject: 'Re: a\u0000b' }],
    ['recipient', { recipient: 'hr@example.com\u0000' }],
    ['template', { template: '\u0000' }],
  ])('refuses a NUL in %s with a 400 naming it', async (field, payload) => {
    const { app } = await start();
    const { apiKey } = await createAccount(app);
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/trackers',
      headers: { authorization: `Bearer ${apiKey}` },
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toBe(`${field} must not contain NUL (U+0000) characters.`);
  });

  it.skipIf(!available)('refuses a NUL in an account name with a 400 naming it', async () => {
    const { app } = await start();
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { name: 'A\u0000' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/^name must not contain NUL/);
  });
});
