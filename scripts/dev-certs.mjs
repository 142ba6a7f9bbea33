// HTTPS certificate for the development servers (webpack dev server on 3000, tracker on 3001).
// Contract: resolves with PEM strings and their paths, never prompts, never runs sudo, never waits on input.
//  1. Office's dev certificates (~/.office-addin-dev-certs), when they exist and office-addin-dev-certs says
//     they are installed and valid (a user who ran `npx office-addin-dev-certs install` gets those);
//  2. otherwise a self-signed certificate for localhost, 127.0.0.1 and ::1 kept in <repo>/.certs/, created
//     once and renewed when it nears expiry, with instructions on how to trust it printed when it is made.
// `npm start` sets POLITELY_CERT_NOTICE_SHOWN=1 for its children so the notice is printed once, not per server.
import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SELF_SIGNED_DIR = join(REPO_ROOT, '.certs');
export const CERT_HOSTS = ['localhost', '127.0.0.1', '::1'];
const RENEW_WITHIN_DAYS = 7;
const VALID_DAYS = 365; // macOS refuses locally trusted server certificates valid for more than 825 days

/** Days until the PEM certificate expires (negative once expired); NaN when it cannot be parsed. */
export function daysUntilExpiry(certPem, now = new Date()) {
  try {
    const validTo = new Date(new X509Certificate(certPem).validTo);
    return (validTo.getTime() - now.getTime()) / 86_400_000;
  } catch {
    return Number.NaN;
  }
}

/** True when the certificate names every host the dev servers are reached by. */
export function coversDevHosts(certPem) {
  try {
    const names = new X509Certificate(certPem).subjectAltName ?? '';
    return ['DNS:localhost', 'IP Address:127.0.0.1'].every((name) => names.includes(name));
  } catch {
    return false;
  }
}

/** Creates a self-signed certificate (RSA 2048, SHA-256) for localhost, valid from now for `days`. */
export function createSelfSignedCertificate(days = VALID_DAYS) {
  const selfsigned = require('selfsigned');
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const pems = selfsigned.generate(
    [
      { name: 'commonName', value: 'localhost' },
      { name: 'organizationName', value: 'Politely development' },
    ],
    {
      keyPair: { privateKey, publicKey },
      algorithm: 'sha256',
      days,
      extensions: [
        { name: 'basicConstraints', cA: false, critical: true },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            { type: 2, value: 'localhost' },
            { type: 7, ip: '127.0.0.1' },
            { type: 7, ip: '::1' },
          ],
        },
      ],
    },
  );
  return { key: privateKey, cert: pems.cert };
}

/** How to make browsers and Node trust the self-signed certificate, for the given platform. */
export function trustInstructions(platform, certPath) {
  const shown = relative(process.cwd(), certPath) || certPath;
  const lines = [
    `Politely's dev servers use a self-signed certificate: ${shown}`,
    'Browsers and Outlook will not trust it until you say so. Pick one:',
  ];
  if (platform === 'win32') {
    lines.push(
      '  - Recommended: `npx office-addin-dev-certs install` (Windows asks you to confirm), then run `npm start` again;',
      "    Politely then uses Office's trusted development certificate.",
      `  - Or trust this file for your user: certutil -user -addstore Root "${certPath}"`,
    );
  } else if (platform === 'darwin') {
    lines.push(
      '  - Recommended: `npx office-addin-dev-certs install` (macOS asks for your password), then run `npm start` again;',
      "    Politely then uses Office's trusted development certificate.",
      `  - Or: security add-trusted-cert -r trustRoot -k ~/Library/Keychains/login.keychain-db "${certPath}"`,
    );
  } else {
    lines.push(
      `  - Chromium/Chrome: certutil -d sql:$HOME/.pki/nssdb -A -t "P,," -n "Politely localhost" -i "${certPath}"`,
      '    (certutil is in the libnss3-tools package; restart the browser afterwards. If Chromium never ran',
      '    yet, create its database first: mkdir -p ~/.pki/nssdb && certutil -d sql:$HOME/.pki/nssdb -N --empty-password)',
      '  - Firefox: Settings > Privacy & Security > Certificates > View Certificates > Servers > Import.',
      `  - System-wide (curl, Node): sudo cp "${certPath}" /usr/local/share/ca-certificates/politely-localhost.crt`,
      '    && sudo update-ca-certificates   (Node alone: export NODE_EXTRA_CA_CERTS=' + `"${certPath}")`,
      '  - Quickest, for one browser: open https://localhost:3000 and https://localhost:3001/healthz and accept',
      '    the warning on each.',
    );
  }
  return lines.join('\n');
}

function isCertificateUsable(certPem, now) {
  return coversDevHosts(certPem) && daysUntilExpiry(certPem, now) > RENEW_WITHIN_DAYS;
}

/** Office's dev certificate when present and reported trusted; null otherwise (never installs anything). */
function tryOfficeCertificates(homeDir, now) {
  const dir = join(homeDir, '.office-addin-dev-certs');
  const certPath = join(dir, 'localhost.crt');
  const keyPath = join(dir, 'localhost.key');
  if (!existsSync(certPath) || !existsSync(keyPath)) return null;
  try {
    // verifyCertificates runs a short, non-interactive check of the OS trust store (no sudo).
    const { verifyCertificates } = require('office-addin-dev-certs');
    if (!verifyCertificates()) return null;
    const cert = readFileSync(certPath, 'utf8');
    if (!isCertificateUsable(cert, now)) return null;
    return { key: readFileSync(keyPath, 'utf8'), cert, keyPath, certPath, source: 'office' };
  } catch {
    return null;
  }
}

/**
 * Returns the key and certificate the dev servers should use, creating a self-signed pair when needed.
 * Options exist for tests: `certDir`, `homeDir`, `platform`, `now`, `log`, `useOfficeCertificates`.
 */
export async function loadDevCertificates(options = {}) {
  const {
    certDir = SELF_SIGNED_DIR,
    homeDir = homedir(),
    platform = process.platform,
    now = new Date(),
    log = (message) => console.log(message),
    useOfficeCertificates = true,
    quiet = process.env.POLITELY_CERT_NOTICE_SHOWN === '1',
  } = options;

  if (useOfficeCertificates) {
    const office = tryOfficeCertificates(homeDir, now);
    if (office) {
      if (!quiet) log(`Using Office's trusted development certificate: ${office.certPath}`);
      return office;
    }
  }

  const certPath = join(certDir, 'localhost.crt');
  const keyPath = join(certDir, 'localhost.key');
  if (existsSync(certPath) && existsSync(keyPath)) {
    const cert = readFileSync(certPath, 'utf8');
    if (isCertificateUsable(cert, now)) {
      if (!quiet)
        log(`Using the self-signed development certificate ${certPath} (trust it once: see the README).`);
      return { key: readFileSync(keyPath, 'utf8'), cert, keyPath, certPath, source: 'self-signed' };
    }
  }

  const { key, cert } = createSelfSignedCertificate();
  mkdirSync(certDir, { recursive: true });
  writeFileSync(keyPath, key, { mode: 0o600 });
  chmodSync(keyPath, 0o600);
  writeFileSync(certPath, cert);
  if (!quiet)
    log(
      `Created a self-signed certificate for ${CERT_HOSTS.join(', ')}.\n${trustInstructions(platform, certPath)}`,
    );
  return { key, cert, keyPath, certPath, source: 'self-signed' };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // `node scripts/dev-certs.mjs` makes sure a certificate exists and prints how to trust it.
  const result = await loadDevCertificates({ quiet: true });
  console.log(
    `certificate: ${result.certPath}\nkey:         ${result.keyPath}\nsource:      ${result.source}`,
  );
  if (result.source === 'self-signed') console.log(trustInstructions(process.platform, result.certPath));
}
