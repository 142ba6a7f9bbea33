// What `npm start` decides to run on each platform, and how it reports a busy port.
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  describePlan,
  isPortBusy,
  planStart,
  portHint,
  readyMessage,
  REPO_ROOT,
} from '../../scripts/start.mjs';

const certificate = { certPath: '/repo/.certs/localhost.crt', keyPath: '/repo/.certs/localhost.key' };

describe('planStart', () => {
  it('runs the tracker over HTTPS on 3001 with the dev certificate, for the pane on 3000', () => {
    const plan = planStart({ platform: 'linux', trackerEntryExists: true, certificate });
    const tracker = plan.services.find((service) => service.name === 'tracker');
    expect(tracker).toMatchObject({ npmScript: 'tracker', port: 3001 });
    expect(tracker?.env).toMatchObject({
      PORT: '3001',
      PUBLIC_URL: 'https://localhost:3001',
      ALLOWED_ORIGINS: 'https://localhost:3000',
      TLS_CERT_FILE: certificate.certPath,
      TLS_KEY_FILE: certificate.keyPath,
      TRACKER_DEV_MODE: 'true',
    });
    const pane = plan.services.find((service) => service.name === 'pane');
    expect(pane).toMatchObject({ npmScript: 'dev-server', port: 3000 });
    expect(pane?.env.TRACKER_URL).toBe('https://localhost:3001');
    expect(plan.urls).toEqual({
      taskpane: 'https://localhost:3000/taskpane.html',
      preview: 'https://localhost:3000/preview.html',
      tracker: 'https://localhost:3001',
    });
  });

  it('starts the pane alone, and says so, when the tracker is not there', () => {
    const plan = planStart({ platform: 'linux', trackerEntryExists: false, certificate });
    expect(plan.services.map((service) => service.name)).toEqual(['pane']);
    expect(plan.urls.tracker).toBeNull();
    expect(plan.notes.join(' ')).toMatch(/src\/server\/main\.ts is missing/);
  });

  it('sideloads into Outlook desktop on Windows, as the Office template does', () => {
    const plan = planStart({ platform: 'win32', trackerEntryExists: true, certificate });
    expect(plan.sideload?.args).toEqual(['start', 'manifest.xml', 'desktop', '--app', 'outlook']);
    expect(plan.sideload?.undo).toBe('npm run stop');
  });

  it.each([
    [['--no-sideload'], {}],
    [[], { POLITELY_NO_SIDELOAD: '1' }],
  ])('skips sideloading on Windows when asked (%j %j)', (args, env) => {
    const plan = planStart({ platform: 'win32', args, env, trackerEntryExists: true, certificate });
    expect(plan.sideload).toBeNull();
    expect(plan.notes.join(' ')).toMatch(/Sideloading skipped/);
  });

  it('on macOS explains the manual step, since office-addin-debugging sideloads Outlook only on Windows', () => {
    const plan = planStart({ platform: 'darwin', trackerEntryExists: true, certificate });
    expect(plan.sideload).toBeNull();
    expect(plan.notes.join(' ')).toMatch(/Add a custom add-in > Add from file/);
  });

  it('on Linux points at the preview page and at manual sideloading for Outlook on the web', () => {
    const plan = planStart({ platform: 'linux', trackerEntryExists: true, certificate });
    expect(plan.sideload).toBeNull();
    const notes = plan.notes.join(' ');
    expect(notes).toContain('https://localhost:3000/preview.html');
    expect(notes).toContain('Outlook on the web');
  });

  it('prints every URL a user needs once running', () => {
    const plan = planStart({ platform: 'linux', trackerEntryExists: true, certificate });
    const message = readyMessage(plan, { ...certificate, source: 'self-signed' });
    expect(message).toContain('https://localhost:3000/taskpane.html');
    expect(message).toContain('https://localhost:3000/preview.html');
    expect(message).toContain('https://localhost:3001/healthz');
    expect(message).toContain('self-signed');
    expect(message).toContain('Ctrl-C');
    expect(describePlan(plan, { ...certificate, source: 'self-signed' })).toContain('npm run tracker');
  });
});

describe('busy ports', () => {
  it('detects a port someone listens on, and a free one', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    expect(await isPortBusy(port)).toBe(true);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(await isPortBusy(port)).toBe(false);
  });

  it.each([
    ['linux', "ss -ltnp 'sport = :3000'"],
    ['darwin', 'lsof -nP -iTCP:3000 -sTCP:LISTEN'],
    ['win32', 'netstat -ano | findstr :3000'],
  ] as const)('tells how to find the process on %s', (platform, hint) => {
    expect(portHint(platform, 3000)).toBe(hint);
  });
});

describe('npm start -- --dry-run', () => {
  it('prints the plan and starts nothing', () => {
    const result = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'start.mjs'), '--dry-run'], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Start pane: npm run dev-server');
    expect(result.stdout).toContain('Preview:   https://localhost:3000/preview.html');
  });
});
