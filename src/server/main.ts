/**
 * The tracker process: the only place that reads the environment, listens, and handles signals. On SIGTERM
 * or SIGINT it stops taking requests, writes every buffered hit, then closes storage, so no hit answered
 * with 200 is lost on a clean stop. It logs exactly one line (the URL) when it is up.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from './app';
import { createAdjustableClock, systemClock } from './clock';
import { loadConfig, type TrackerConfig } from './config';
import { openStorage } from './storage/open-storage';
import { createHitBuffer } from './tracking/hit-buffer';
import { createHitOverflow } from './tracking/hit-overflow';
import { createTokenSigner } from './tracking/token-signer';
import { createTrackingTokens } from './tracking/tracking-tokens';

const SECRET_FILE = 'tracker-secret';

/** Reads the development secret kept in the data folder, creating it (mode 0600) on first start. */
function developmentSecret(dataDir: string): string {
  const path = join(dataDir, SECRET_FILE);
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(path, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  chmodSync(path, 0o600);
  const secret = readFileSync(path, 'utf8').trim();
  if (secret.length < 32)
    throw new Error(`${path} holds a secret shorter than 32 characters; delete it to regenerate`);
  return secret;
}

function describeStorage(config: TrackerConfig): string {
  return config.database.kind === 'sqlite' ? `sqlite ${config.database.path}` : 'postgres';
}

async function main(): Promise<void> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    console.error(`politely tracker: configuration error: ${loaded.error}`);
    process.exit(1);
  }
  const config = loaded.config;
  const log = (message: string, error?: unknown) =>
    console.error(
      JSON.stringify({
        level: 'error',
        time: new Date().toISOString(),
        msg: message,
        err: String(error ?? ''),
      }),
    );

  const secrets = config.trackerSecrets ?? [developmentSecret(config.dataDir)];
  const tls = config.tls
    ? { cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) }
    : null;
  const clock = config.devMode ? createAdjustableClock(systemClock) : systemClock;
  const { store, live } = await openStorage(config.database, log);
  const hits = createHitBuffer({
    store,
    live,
    flushIntervalMs: config.hitFlushIntervalMs,
    onError: log,
    // Hits storage cannot take (database down, queue full) wait in this process's own spool file.
    overflow: (write) =>
      createHitOverflow({ path: config.hitSpoolPath, write, onWarning: (message) => log(message) }),
  });
  // With PORT=0 and no PUBLIC_URL, the URLs can only name the port once it is chosen (set after listen).
  const appConfig = { ...config };
  const app = await buildApp(
    { config: appConfig, store, live, hits, clock, tokens: createTrackingTokens(createTokenSigner(secrets)) },
    { https: tls, logger: { level: 'warn' } },
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      console.error(`politely tracker: ${signal} again, exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    let unwritten = 0;
    try {
      await app.close();
      unwritten = await hits.close(15_000);
      await live.close();
      await store.close();
    } catch (error) {
      log('error while stopping', error);
      process.exit(1);
    }
    if (unwritten > 0) log(`${unwritten} hits could not be written before exit`);
    process.exit(unwritten > 0 ? 1 : 0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  // Fastify cannot tell that the server it was given speaks TLS, so the URL is put together here.
  const bound = app.server.address();
  const port = typeof bound === 'object' && bound ? bound.port : config.port;
  const shownHost = config.host.includes(':') ? `[${config.host}]` : config.host;
  const address = `${config.tls ? 'https' : 'http'}://${shownHost}:${port}`;
  if (config.port === 0 && !process.env.PUBLIC_URL) {
    appConfig.publicUrl = config.publicUrl.replace(/:0$/, `:${port}`);
  }
  const mode = config.devMode ? ', DEVELOPMENT MODE' : '';
  console.log(
    `politely tracker listening on ${address} (public URL ${appConfig.publicUrl}, storage ${describeStorage(config)}${mode})`,
  );
}

main().catch((error: unknown) => {
  console.error(
    `politely tracker: failed to start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
