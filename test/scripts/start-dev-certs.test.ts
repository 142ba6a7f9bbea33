// The certificate `npm start` serves HTTPS with: made once, reused, renewed before expiry, and actually
// accepted by a TLS client that trusts it for localhost and 127.0.0.1.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createSelfSignedCertificate,
  daysUntilExpiry,
  loadDevCertificates,
  trustInstructions,
} from '../../scripts/dev-certs.mjs';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'politely-certs-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function isolated(log: string[], extra: { now?: Date; platform?: NodeJS.Platform } = {}) {
  return {
    certDir: join(tempDir(), '.certs'),
    homeDir: tempDir(), // no ~/.office-addin-dev-certs here, so the self-signed path is taken
    log: (message: string) => log.push(message),
    quiet: false,
    ...extra,
  };
}

/** Serves HTTPS with the key pair and fetches it as a client that trusts only `cert`. */
async function fetchOverTls(key: string, cert: string, host: string): Promise<string> {
  const server = https.createServer({ key, cert }, (_req, res) => res.end('hello'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    return await new Promise<string>((resolve, reject) => {
      https
        .get({ host, port, ca: cert, agent: false }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve(body));
        })
        .on('error', reject);
    });
  } finally {
    server.close();
  }
}

describe('loadDevCertificates', () => {
  it('creates a self-signed certificate once, with a private key only the user can read, and says how to trust it', async () => {
    const log: string[] = [];
    const options = isolated(log, { platform: 'linux' });
    const first = await loadDevCertificates(options);
    expect(first.source).toBe('self-signed');
    expect(first.certPath).toBe(join(options.certDir, 'localhost.crt'));
    expect(first.cert).toContain('BEGIN CERTIFICATE');
    expect(first.key).toContain('PRIVATE KEY');
    expect(statSync(first.keyPath).mode & 0o777).toBe(0o600);
    expect(daysUntilExpiry(first.cert)).toBeGreaterThan(360);
    expect(log.join('\n')).toContain('certutil -d sql:$HOME/.pki/nssdb');

    log.length = 0;
    const second = await loadDevCertificates(options);
    expect(second.cert).toBe(first.cert);
    expect(second.key).toBe(first.key);
    expect(log.join('\n')).not.toContain('Created');
  });

  it.each(['localhost', '127.0.0.1'])(
    'serves TLS that a client trusting the certificate accepts for %s',
    async (host) => {
      const { key, cert } = await loadDevCertificates(isolated([]));
      await expect(fetchOverTls(key, cert, host)).resolves.toBe('hello');
    },
  );

  it('makes a new certificate when the old one is about to expire', async () => {
    const options = isolated([]);
    const old = createSelfSignedCertificate(3);
    mkdirSync(options.certDir, { recursive: true });
    writeFileSync(join(options.certDir, 'localhost.crt'), old.cert);
    writeFileSync(join(options.certDir, 'localhost.key'), old.key);
    const renewed = await loadDevCertificates(options);
    expect(renewed.cert).not.toBe(old.cert);
    expect(daysUntilExpiry(renewed.cert)).toBeGreaterThan(360);
  });

  it('prints nothing when quiet (npm start already showed the notice)', async () => {
    const log: string[] = [];
    await loadDevCertificates({ ...isolated(log), quiet: true });
    expect(log).toEqual([]);
  });
});

describe('trustInstructions', () => {
  it.each([
    ['linux', /certutil -d sql:\$HOME\/\.pki\/nssdb .*-i "\/x\/localhost\.crt"/],
    ['linux', /update-ca-certificates/],
    ['darwin', /npx office-addin-dev-certs install/],
    ['darwin', /security add-trusted-cert .*"\/x\/localhost\.crt"/],
    ['win32', /certutil -user -addstore Root "\/x\/localhost\.crt"/],
  ] as const)('on %s mentions %s', (platform, expected) => {
    expect(trustInstructions(platform, '/x/localhost.crt')).toMatch(expected);
  });
});
