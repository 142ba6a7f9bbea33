/**
 * Turns an environment record into the tracker's typed configuration, or into an error that names the
 * offending variable. Pure: it reads only the record it is given (main.ts passes process.env).
 */
import proxyAddr from '@fastify/proxy-addr';

export type DatabaseConfig = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export interface TrackerConfig {
  host: string;
  port: number;
  database: DatabaseConfig;
  /** Base of pixel and link URLs, without a trailing slash. */
  publicUrl: string;
  /** HMAC keys, first signs; null means main.ts generates one and keeps it in `dataDir`. */
  trackerSecrets: string[] | null;
  /** Where generated files (the development secret, the SQLite default) live. */
  dataDir: string;
  allowedOrigins: string[];
  registrationSecret: string | null;
  monthlyTrackerQuota: number | null;
  /** Development mode: preview client header and POST /dev/clock. Never on in production. */
  devMode: boolean;
  tls: { certFile: string; keyFile: string } | null;
  /** Addresses/CIDRs of reverse proxies whose X-Forwarded-For is believed; empty trusts none. */
  trustedProxies: string[];
  /** How often buffered hits are written, at most 100 ms (the documented loss window on kill -9). */
  hitFlushIntervalMs: number;
  /** This process's spool file for hits the database cannot take right now; one per process. */
  hitSpoolPath: string;
  /** Requests per minute per client IP on /api/v1. */
  apiRateLimitPerMinute: number;
  /** Account creations per hour per client IP. */
  accountCreationsPerHour: number;
}

export type ConfigResult = { ok: true; config: TrackerConfig } | { ok: false; error: string };

type Env = Readonly<Record<string, string | undefined>>;

class ConfigError extends Error {}

const MIN_SECRET_LENGTH = 32;

export function loadConfig(env: Env): ConfigResult {
  try {
    return { ok: true, config: readConfig(env) };
  } catch (error) {
    if (error instanceof ConfigError) return { ok: false, error: error.message };
    throw error;
  }
}

function readConfig(env: Env): TrackerConfig {
  const host = text(env, 'HOST') ?? '127.0.0.1';
  const port = integer(env, 'PORT', 0, 65535) ?? 3001;
  const tls = readTls(env);
  const database = readDatabase(env);
  const dataDir = text(env, 'DATA_DIR') ?? (database.kind === 'sqlite' ? dirnameOf(database.path) : './data');
  return {
    host,
    port,
    database,
    publicUrl: readPublicUrl(env, host, port, tls !== null),
    trackerSecrets: readSecrets(env),
    dataDir,
    allowedOrigins: readOrigins(env),
    registrationSecret: text(env, 'REGISTRATION_SECRET'),
    monthlyTrackerQuota: integer(env, 'MONTHLY_TRACKER_QUOTA', 1, 1_000_000_000),
    devMode: boolean(env, 'TRACKER_DEV_MODE') ?? false,
    tls,
    trustedProxies: readTrustedProxies(env),
    hitFlushIntervalMs: integer(env, 'HIT_FLUSH_INTERVAL_MS', 1, 100) ?? 50,
    hitSpoolPath: readHitSpoolPath(env, dataDir, database),
    apiRateLimitPerMinute: integer(env, 'API_RATE_LIMIT_PER_MINUTE', 1, 1_000_000) ?? 600,
    accountCreationsPerHour: integer(env, 'ACCOUNT_CREATIONS_PER_HOUR', 1, 1_000_000) ?? 10,
  };
}

function readDatabase(env: Env): DatabaseConfig {
  const url = text(env, 'DATABASE_URL') ?? 'sqlite:./data/politely.sqlite';
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (path === '') fail('DATABASE_URL', 'sqlite: needs a file path, e.g. sqlite:./data/politely.sqlite');
    return { kind: 'sqlite', path };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url };
  return fail('DATABASE_URL', 'must start with sqlite: or postgres://');
}

function readPublicUrl(env: Env, host: string, port: number, https: boolean): string {
  const given = text(env, 'PUBLIC_URL');
  if (given === null) {
    // A certificate names "localhost", and a wildcard address is not somewhere a mail client can go.
    const loopbackOrWildcard = ['127.0.0.1', '::1', '0.0.0.0', '::', 'localhost'].includes(host);
    const name = loopbackOrWildcard && (https || host === '0.0.0.0' || host === '::') ? 'localhost' : host;
    const shown = name.includes(':') ? `[${name}]` : name;
    return `${https ? 'https' : 'http'}://${shown}:${port}`;
  }
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    return fail('PUBLIC_URL', 'is not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') fail('PUBLIC_URL', 'must be http(s)');
  if (url.search || url.hash) fail('PUBLIC_URL', 'must not have a query or fragment');
  // It is written into every pixel and link URL, so into every recipient's mailbox.
  if (url.username || url.password) fail('PUBLIC_URL', 'must not contain a user name or password');
  return given.replace(/\/+$/, '');
}

function readSecrets(env: Env): string[] | null {
  const secrets = list(env, 'TRACKER_SECRET');
  if (secrets.length === 0) return null;
  if (secrets.some((s) => s.length < MIN_SECRET_LENGTH)) {
    fail('TRACKER_SECRET', `each comma-separated secret needs at least ${MIN_SECRET_LENGTH} characters`);
  }
  return secrets;
}

function readOrigins(env: Env): string[] {
  if (env.ALLOWED_ORIGINS === undefined) return ['https://localhost:3000'];
  const origins = list(env, 'ALLOWED_ORIGINS');
  for (const origin of origins) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(origin);
    } catch {
      // reported below
    }
    if (!parsed || parsed.origin !== origin) {
      fail(
        'ALLOWED_ORIGINS',
        `"${origin}" is not an origin like https://host:port (no path, no trailing slash)`,
      );
    }
  }
  return origins;
}

function readTrustedProxies(env: Env): string[] {
  const proxies = list(env, 'TRUSTED_PROXIES');
  try {
    // The same parser the app uses to decide whose X-Forwarded-For to believe.
    proxyAddr.compile(proxies);
  } catch (error) {
    fail(
      'TRUSTED_PROXIES',
      `must list IP addresses, CIDR ranges or loopback/linklocal/uniquelocal: ${(error as Error).message}`,
    );
  }
  return proxies;
}

function readHitSpoolPath(env: Env, dataDir: string, database: DatabaseConfig): string {
  const given = text(env, 'HIT_SPOOL_PATH');
  if (given === null) return `${dataDir.replace(/\/+$/, '')}/hit-spool.ndjson`;
  if (given.includes('\0')) fail('HIT_SPOOL_PATH', 'must not contain a NUL character');
  if (/[/\\]$/.test(given) || /(^|[/\\])\.{1,2}$/.test(given)) {
    fail(
      'HIT_SPOOL_PATH',
      `must name a file, not a folder, e.g. ${dataDir}/hit-spool.ndjson; got "${given}"`,
    );
  }
  // Appending hits to the database file would corrupt it.
  if (database.kind === 'sqlite' && normalised(given) === normalised(database.path)) {
    fail('HIT_SPOOL_PATH', 'must not be the SQLite database file named by DATABASE_URL');
  }
  return given;
}

/** A path with `./` and repeated slashes removed, enough to compare two spellings of one relative path. */
function normalised(path: string): string {
  return path.replace(/\/{2,}/g, '/').replace(/(^|\/)(\.\/)+/g, '$1');
}

function readTls(env: Env): TrackerConfig['tls'] {
  const certFile = text(env, 'TLS_CERT_FILE');
  const keyFile = text(env, 'TLS_KEY_FILE');
  if (certFile && keyFile) return { certFile, keyFile };
  if (certFile) fail('TLS_KEY_FILE', 'must be set together with TLS_CERT_FILE');
  if (keyFile) fail('TLS_CERT_FILE', 'must be set together with TLS_KEY_FILE');
  return null;
}

function text(env: Env, name: string): string | null {
  const value = env[name]?.trim();
  return value ? value : null;
}

function list(env: Env, name: string): string[] {
  return (text(env, name) ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function integer(env: Env, name: string, min: number, max: number): number | null {
  const value = text(env, name);
  if (value === null) return null;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    fail(name, `must be a whole number from ${min} to ${max}, got "${value}"`);
  }
  return Number(value);
}

function boolean(env: Env, name: string): boolean | null {
  const value = text(env, name)?.toLowerCase();
  if (value === undefined) return null;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return fail(name, `must be true or false, got "${value}"`);
}

function dirnameOf(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut <= 0 ? (cut === 0 ? '/' : '.') : path.slice(0, cut);
}

function fail(name: string, problem: string): never {
  throw new ConfigError(`${name} ${problem}`);
}
