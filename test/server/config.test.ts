import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config';

const SECRET = 's'.repeat(32);

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    expect(loadConfig({})).toEqual({
      ok: true,
      config: {
        host: '127.0.0.1',
        port: 3001,
        database: { kind: 'sqlite', path: './data/politely.sqlite' },
        publicUrl: 'http://127.0.0.1:3001',
        trackerSecrets: null,
        dataDir: './data',
        allowedOrigins: ['https://localhost:3000'],
        registrationSecret: null,
        monthlyTrackerQuota: null,
        devMode: false,
        tls: null,
        trustedProxies: [],
        hitFlushIntervalMs: 50,
        hitSpoolPath: './data/hit-spool.ndjson',
        apiRateLimitPerMinute: 600,
        accountCreationsPerHour: 10,
      },
    });
  });

  it('reads every variable', () => {
    const result = loadConfig({
      HOST: '0.0.0.0',
      PORT: '8080',
      DATABASE_URL: 'postgres://u:p@db:5432/politely',
      PUBLIC_URL: 'https://track.example.com/',
      TRACKER_SECRET: `${SECRET}, ${'t'.repeat(40)}`,
      ALLOWED_ORIGINS: 'https://a.example.com, https://b.example.com:8443',
      REGISTRATION_SECRET: 'invite-only',
      MONTHLY_TRACKER_QUOTA: '100',
      TRACKER_DEV_MODE: 'true',
      TLS_CERT_FILE: '/c.pem',
      TLS_KEY_FILE: '/k.pem',
      TRUSTED_PROXIES: '10.0.0.1,10.0.0.0/8',
      HIT_FLUSH_INTERVAL_MS: '100',
      HIT_SPOOL_PATH: '/var/spool/politely/a.ndjson',
    });
    expect(result).toMatchObject({
      ok: true,
      config: {
        host: '0.0.0.0',
        port: 8080,
        database: { kind: 'postgres', url: 'postgres://u:p@db:5432/politely' },
        publicUrl: 'https://track.example.com',
        trackerSecrets: [SECRET, 't'.repeat(40)],
        dataDir: './data',
        allowedOrigins: ['https://a.example.com', 'https://b.example.com:8443'],
        registrationSecret: 'invite-only',
        monthlyTrackerQuota: 100,
        devMode: true,
        tls: { certFile: '/c.pem', keyFile: '/k.pem' },
        trustedProxies: ['10.0.0.1', '10.0.0.0/8'],
        hitFlushIntervalMs: 100,
        hitSpoolPath: '/var/spool/politely/a.ndjson',
      },
    });
  });

  it('uses https://localhost in the default public URL when TLS is on', () => {
    const result = loadConfig({ TLS_CERT_FILE: '/c', TLS_KEY_FILE: '/k' });
    expect(result.ok && result.config.publicUrl).toBe('https://localhost:3001');
  });

  it('keeps generated files, and the hit spool, beside the SQLite database', () => {
    const result = loadConfig({ DATABASE_URL: 'sqlite:/var/lib/politely/db.sqlite' });
    expect(result.ok && result.config.dataDir).toBe('/var/lib/politely');
    expect(result.ok && result.config.hitSpoolPath).toBe('/var/lib/politely/hit-spool.ndjson');
    const inDataDir = loadConfig({ DATA_DIR: '/srv/politely/' });
    expect(inDataDir.ok && inDataDir.config.hitSpoolPath).toBe('/srv/politely/hit-spool.ndjson');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'sqlite:' }, 'DATABASE_URL'],
    [{ PUBLIC_URL: 'not a url' }, 'PUBLIC_URL'],
    [{ PUBLIC_URL: 'ftp://x.example' }, 'PUBLIC_URL'],
    [{ PUBLIC_URL: 'https://x.example/?a=1' }, 'PUBLIC_URL'],
    [{ TRACKER_SECRET: 'short' }, 'TRACKER_SECRET'],
    [{ TRACKER_SECRET: `${SECRET},short` }, 'TRACKER_SECRET'],
    [{ ALLOWED_ORIGINS: 'https://a.example.com/' }, 'ALLOWED_ORIGINS'],
    [{ ALLOWED_ORIGINS: 'localhost:3000' }, 'ALLOWED_ORIGINS'],
    [{ MONTHLY_TRACKER_QUOTA: '0' }, 'MONTHLY_TRACKER_QUOTA'],
    [{ MONTHLY_TRACKER_QUOTA: '-5' }, 'MONTHLY_TRACKER_QUOTA'],
    [{ TRACKER_DEV_MODE: 'yes' }, 'TRACKER_DEV_MODE'],
    [{ TLS_CERT_FILE: '/c.pem' }, 'TLS_KEY_FILE'],
    [{ TLS_KEY_FILE: '/k.pem' }, 'TLS_CERT_FILE'],
    [{ HIT_FLUSH_INTERVAL_MS: '500' }, 'HIT_FLUSH_INTERVAL_MS'],
    [{ TRUSTED_PROXIES: '10.0.0.1,proxy.internal' }, 'TRUSTED_PROXIES'],
    [{ TRUSTED_PROXIES: '10.0.0.0/33' }, 'TRUSTED_PROXIES'],
    [{ PUBLIC_URL: 'https://user:secret@track.example' }, 'PUBLIC_URL'],
    [{ ALLOWED_ORIGINS: 'null' }, 'ALLOWED_ORIGINS'],
    [{ ALLOWED_ORIGINS: '*' }, 'ALLOWED_ORIGINS'],
    [{ ALLOWED_ORIGINS: 'https://a.example.com:443' }, 'ALLOWED_ORIGINS'],
    [{ HIT_SPOOL_PATH: '/var/spool/politely/' }, 'HIT_SPOOL_PATH'],
    [{ HIT_SPOOL_PATH: '..' }, 'HIT_SPOOL_PATH'],
    [{ HIT_SPOOL_PATH: 'spool\0.ndjson' }, 'HIT_SPOOL_PATH'],
    [{ DATABASE_URL: 'sqlite:./data/db.sqlite', HIT_SPOOL_PATH: 'data//db.sqlite' }, 'HIT_SPOOL_PATH'],
  ])('refuses %j, naming %s', (env, variable) => {
    const result = loadConfig(env);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.startsWith(`${variable} `)).toBe(true);
  });
});
