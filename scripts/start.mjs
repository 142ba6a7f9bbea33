// `npm start`: brings the whole product up with one command, and takes it down cleanly.
//  - a trusted or self-signed HTTPS certificate (scripts/dev-certs.mjs);
//  - the tracking server (`npm run tracker`, HTTPS on 3001) and the task pane dev server (`npm run dev-server`,
//    HTTPS on 3000, which also serves /preview.html);
//  - on Windows, sideloading into Outlook desktop through office-addin-debugging, as Office's template does;
//    elsewhere, directions to the preview page and to manual sideloading (README "Sideloading into Outlook").
// Ctrl-C or SIGTERM stops every child with SIGTERM and waits for it (the tracker flushes its hits on SIGTERM).
//
//   npm start                     start everything
//   npm start -- --dry-run        print what would be started, start nothing
//   npm start -- --no-sideload    never sideload, even on Windows
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

export const REPO_ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..');
export const PANE_PORT = 3000;
export const TRACKER_PORT = 3001;
const PANE_ORIGIN = `https://localhost:${PANE_PORT}`;
const TRACKER_ORIGIN = `https://localhost:${TRACKER_PORT}`;
const STOP_GRACE_MS = 10_000;
const READY_TIMEOUT_MS = 180_000;

/**
 * What `npm start` will do on `platform`, as data (pure: no I/O, so it is unit-tested).
 * `trackerEntryExists` says whether src/server/main.ts is there; `certificate` gives the cert/key paths.
 */
export function planStart({ platform, env = {}, args = [], trackerEntryExists, certificate }) {
  const noSideload = args.includes('--no-sideload') || env.POLITELY_NO_SIDELOAD === '1';
  const services = [];
  const notes = [];
  const shared = { POLITELY_CERT_NOTICE_SHOWN: '1' };

  if (trackerEntryExists) {
    services.push({
      name: 'tracker',
      npmScript: 'tracker',
      port: TRACKER_PORT,
      readyUrl: `${TRACKER_ORIGIN}/healthz`,
      env: {
        ...shared,
        PORT: String(TRACKER_PORT),
        PUBLIC_URL: TRACKER_ORIGIN,
        ALLOWED_ORIGINS: PANE_ORIGIN,
        TLS_CERT_FILE: certificate.certPath,
        TLS_KEY_FILE: certificate.keyPath,
        TRACKER_DEV_MODE: 'true',
      },
    });
  } else {
    notes.push(
      'The tracking server is not there yet (src/server/main.ts is missing): starting the task pane without it. ' +
        'Replies are then marked "not tracked".',
    );
  }
  services.push({
    name: 'pane',
    npmScript: 'dev-server',
    port: PANE_PORT,
    readyUrl: `${PANE_ORIGIN}/taskpane.html`,
    env: { ...shared, TRACKER_URL: TRACKER_ORIGIN },
  });

  let sideload = null;
  if (platform === 'win32' && !noSideload) {
    sideload = {
      // Same call as Office's template: registers manifest.xml for Outlook desktop and opens Outlook.
      args: ['start', 'manifest.xml', 'desktop', '--app', 'outlook'],
      undo: 'npm run stop',
    };
  } else if (platform === 'win32') {
    notes.push('Sideloading skipped (--no-sideload). See the README, "Sideloading into Outlook".');
  } else if (platform === 'darwin') {
    notes.push(
      'office-addin-debugging sideloads Outlook only on Windows. In Outlook for Mac: Get Add-ins > My add-ins > ' +
        'Add a custom add-in > Add from file… and pick manifest.xml (README, "Sideloading into Outlook").',
    );
  } else {
    notes.push(
      'Outlook desktop does not run on this system, so nothing is sideloaded. Try Politely in the preview page ' +
        `(${PANE_ORIGIN}/preview.html), or add manifest.xml to Outlook on the web / new Outlook by hand ` +
        '(README, "Sideloading into Outlook").',
    );
  }

  return {
    services,
    sideload,
    notes,
    urls: {
      taskpane: `${PANE_ORIGIN}/taskpane.html`,
      preview: `${PANE_ORIGIN}/preview.html`,
      tracker: trackerEntryExists ? TRACKER_ORIGIN : null,
    },
  };
}

/** The plan in words, as `--dry-run` prints it. */
export function describePlan(plan, certificate) {
  const lines = [`Certificate: ${certificate.certPath} (${certificate.source})`];
  for (const service of plan.services) {
    const env = Object.entries(service.env)
      .map(([key, value]) => `${key}=${value}`)
      .join(' ');
    lines.push(`Start ${service.name}: npm run ${service.npmScript}  (port ${service.port}; ${env})`);
  }
  if (plan.sideload) lines.push(`Sideload: office-addin-debugging ${plan.sideload.args.join(' ')}`);
  for (const note of plan.notes) lines.push(`Note: ${note}`);
  lines.push(`Task pane: ${plan.urls.taskpane}`, `Preview:   ${plan.urls.preview}`);
  if (plan.urls.tracker) lines.push(`Tracker:   ${plan.urls.tracker}`);
  return lines.join('\n');
}

/** How to find the process on a busy port, per platform. */
export function portHint(platform, port) {
  if (platform === 'win32') return `netstat -ano | findstr :${port}`;
  if (platform === 'darwin') return `lsof -nP -iTCP:${port} -sTCP:LISTEN`;
  return `ss -ltnp 'sport = :${port}'`;
}

/** Resolves true when something already listens on `port` (on IPv4 or IPv6 loopback/any). */
export function isPortBusy(port) {
  const tryHost = (host) =>
    new Promise((resolve) => {
      const server = net.createServer();
      server.once('error', (error) => resolve(error.code === 'EADDRINUSE' || error.code === 'EACCES'));
      server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(false)));
    });
  // One after the other (a probe on '::' also claims IPv4 on dual-stack systems): 127.0.0.1 catches a server
  // bound to loopback only, '::' one bound to every interface.
  return (async () => (await tryHost('127.0.0.1')) || (await tryHost('::')))();
}

/** Polls `url` (HTTPS, any certificate) until it answers, or until the deadline. Resolves with the status. */
function waitForUrl(url, deadline, isAbandoned) {
  return new Promise((resolve) => {
    const attempt = () => {
      if (isAbandoned()) return resolve(null);
      const request = https.get(url, { rejectUnauthorized: false, timeout: 60_000 }, (response) => {
        response.resume();
        resolve(response.statusCode ?? null);
      });
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.on('error', () => {
        if (Date.now() > deadline) resolve(null);
        else setTimeout(attempt, 300);
      });
    };
    attempt();
  });
}

function npmInvocation(script) {
  // Prefer the npm that runs us (npm_execpath): no shell, same on every platform.
  const npmCli = process.env.npm_execpath;
  if (npmCli && existsSync(npmCli))
    return { command: process.execPath, args: [npmCli, 'run', '--silent', script] };
  return { command: process.platform === 'win32' ? 'npm.cmd' : 'npm', args: ['run', '--silent', script] };
}

function prefixLines(stream, label, write) {
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => write(`[${label}] ${line}\n`));
}

/** A process group is gone when signalling it fails with ESRCH. */
function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/**
 * Runs `services` ({ name, command, args, env }) as children and supervises them. Contract:
 *  - `stop(reason)` sends SIGTERM once to each child's whole process group (POSIX; each child leads its own
 *    group, so npm, sh, tsx and node all get exactly one signal), waits up to `graceMs` for the group to be
 *    gone, then SIGKILLs it; it resolves when everything is gone, and is idempotent;
 *  - a child that exits on its own (a crash, a bad config) stops the others; `done` then resolves with its
 *    exit code (1 when it died of a signal), while a requested stop resolves `done` with 0.
 * Output lines are prefixed with the service name.
 */
export function superviseServices(services, options = {}) {
  const {
    cwd = REPO_ROOT,
    graceMs = STOP_GRACE_MS,
    posix = process.platform !== 'win32',
    out = (text) => process.stdout.write(text),
    err = (text) => process.stderr.write(text),
  } = options;
  const running = new Map();
  let stopping = null;
  let finish;
  const done = new Promise((resolve) => (finish = resolve));

  const alive = (child) =>
    posix ? groupAlive(child.pid) : child.exitCode === null && child.signalCode === null;
  const signal = (child, name) => {
    try {
      if (posix) process.kill(-child.pid, name);
      // Windows has no SIGTERM to forward: Ctrl-C already reached every process on the console (the tracker
      // flushes on it), so the grace period is spent waiting; after it, the whole tree is ended.
      else if (name === 'SIGKILL')
        spawnSync('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore' });
    } catch {
      // already gone
    }
  };

  const stop = (reason, exitCode = 0) => {
    if (stopping) return stopping;
    const names = [...running.keys()];
    out(`\n${reason} Stopping ${names.length > 0 ? names.join(' and ') : 'nothing'}…\n`);
    stopping = Promise.all(
      [...running.values()].map(async ({ child, service }) => {
        if (child.pid === undefined) return;
        signal(child, 'SIGTERM');
        const deadline = Date.now() + graceMs;
        while (alive(child) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
        if (alive(child)) {
          err(`The ${service.name} did not stop within ${graceMs / 1000} s: killing it.\n`);
          signal(child, 'SIGKILL');
          while (alive(child)) await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }),
    ).then(() => {
      out('Stopped.\n');
      finish(exitCode);
    });
    return stopping;
  };

  for (const service of services) {
    const child = spawn(service.command, service.args, {
      cwd,
      env: { ...process.env, ...service.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: posix,
    });
    running.set(service.name, { child, service });
    prefixLines(child.stdout, service.name, out);
    prefixLines(child.stderr, service.name, err);
    child.on('exit', (code, signalName) => {
      if (stopping) return;
      void stop(`The ${service.name} exited on its own (${signalName ?? `code ${code}`}).`, code || 1);
    });
    child.on('error', (error) => {
      if (!stopping) void stop(`Could not start the ${service.name}: ${error.message}.`, 1);
    });
  }

  return { stop, done, isStopping: () => stopping !== null };
}

async function main() {
  const args = process.argv.slice(2);
  const { loadDevCertificates } = await import('./dev-certs.mjs');
  const certificate = await loadDevCertificates();
  const plan = planStart({
    platform: process.platform,
    env: process.env,
    args,
    trackerEntryExists: existsSync(join(REPO_ROOT, 'src', 'server', 'main.ts')),
    certificate,
  });

  if (args.includes('--dry-run')) {
    console.log(describePlan(plan, certificate));
    return;
  }

  for (const service of plan.services) {
    if (await isPortBusy(service.port)) {
      console.error(
        `Port ${service.port} is busy, so the ${service.name} cannot start there. Politely needs ports ` +
          `${PANE_PORT} and ${TRACKER_PORT} (the manifest and the pane point at them). Is an earlier ` +
          `\`npm start\` still running? Find the process with: ${portHint(process.platform, service.port)}`,
      );
      process.exitCode = 1;
      return;
    }
  }

  const supervisor = superviseServices(
    plan.services.map((service) => ({ ...service, ...npmInvocation(service.npmScript) })),
  );
  for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(name, () => void supervisor.stop(`${name} received.`, 0));
  }
  supervisor.done.then((code) => process.exit(code));

  const deadline = Date.now() + READY_TIMEOUT_MS;
  const statuses = await Promise.all(
    plan.services.map((service) => waitForUrl(service.readyUrl, deadline, supervisor.isStopping)),
  );
  if (supervisor.isStopping()) return;
  plan.services.forEach((service, index) => {
    const status = statuses[index];
    if (status === null) console.warn(`The ${service.name} did not answer ${service.readyUrl} in time.`);
    else if (status !== 200)
      console.warn(`The ${service.name} answered ${service.readyUrl} with HTTP ${status}.`);
  });
  console.log(readyMessage(plan, certificate));

  if (plan.sideload) {
    const cli = join(REPO_ROOT, 'node_modules', 'office-addin-debugging', 'cli.js');
    const sideload = spawn(process.execPath, [cli, ...plan.sideload.args], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
    });
    sideload.on('exit', (code) => {
      if (code === 0) console.log(`Sideloaded into Outlook. \`${plan.sideload.undo}\` removes it again.`);
      else
        console.error(
          'Sideloading failed (see above). The servers keep running; the README shows manual steps.',
        );
    });
  }
}

/** What `npm start` prints once the servers answer. */
export function readyMessage(plan, certificate) {
  const lines = [
    '',
    'Politely is running.',
    `  Task pane:        ${plan.urls.taskpane}`,
    `  Preview page:     ${plan.urls.preview}   (try Politely without Outlook)`,
  ];
  if (plan.urls.tracker)
    lines.push(`  Tracking server:  ${plan.urls.tracker}   (health: ${plan.urls.tracker}/healthz)`);
  lines.push(`  Manifest:         ${join(REPO_ROOT, 'manifest.xml')}`);
  if (certificate.source === 'self-signed') {
    lines.push(`  Certificate:      ${certificate.certPath} (self-signed: trust it once, see the README)`);
  }
  for (const note of plan.notes) lines.push('', note);
  lines.push('', 'Press Ctrl-C to stop.', '');
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
