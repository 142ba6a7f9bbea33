// How `npm start` stops what it started: SIGTERM to each service (through npm and sh, down to node), time to
// flush, a kill only after the grace period, and a crash of one service stopping the rest.
// The services here are small node programs that behave like the real ones on SIGTERM.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { superviseServices } from '../../scripts/start.mjs';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'politely-start-'));
  dirs.push(dir);
  return dir;
}

/** A node program that prints "ready", and on SIGTERM waits `flushMs`, records it in `file`, and exits 0. */
function flushingService(name: string, file: string, flushMs: number) {
  const code = `
    const fs = require('node:fs');
    let terms = 0;
    process.on('SIGTERM', () => {
      terms += 1;
      setTimeout(() => { fs.writeFileSync(${JSON.stringify(file)}, 'flushed after ' + terms + ' SIGTERM'); process.exit(0); }, ${flushMs});
    });
    console.log('ready');
    setInterval(() => {}, 1000);`;
  // Through sh, as npm runs scripts, so the signal must reach a grandchild.
  return {
    name,
    command: 'sh',
    args: ['-c', `"${process.execPath}" -e "$SERVICE_CODE"; exit $?`],
    env: { SERVICE_CODE: code },
  };
}

function collector() {
  const lines: string[] = [];
  return { lines, write: (text: string) => lines.push(text) };
}

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe.skipIf(process.platform === 'win32')('superviseServices', () => {
  it('stops every service with one SIGTERM and waits for each to finish flushing', async () => {
    const dir = tempDir();
    const output = collector();
    const supervisor = superviseServices(
      [flushingService('tracker', join(dir, 'tracker'), 400), flushingService('pane', join(dir, 'pane'), 50)],
      { out: output.write, err: output.write },
    );
    await waitFor(() => output.lines.filter((line) => line.endsWith('ready\n')).length === 2);
    expect(output.lines).toContain('[tracker] ready\n');

    await supervisor.stop('SIGINT received.');
    // stop() resolved only after the slow service wrote its flush, and each got exactly one SIGTERM.
    expect(readFileSync(join(dir, 'tracker'), 'utf8')).toBe('flushed after 1 SIGTERM');
    expect(readFileSync(join(dir, 'pane'), 'utf8')).toBe('flushed after 1 SIGTERM');
    expect(await supervisor.done).toBe(0);
    expect(output.lines.join('')).toMatch(/SIGINT received\. Stopping tracker and pane…[\s\S]*Stopped\./);
  });

  it('kills a service that ignores SIGTERM once the grace period is over, and says so', async () => {
    const output = collector();
    const stubborn = {
      name: 'stubborn',
      command: process.execPath,
      args: ['-e', "process.on('SIGTERM', () => {}); console.log('ready'); setInterval(() => {}, 1000);"],
    };
    const supervisor = superviseServices([stubborn], { graceMs: 300, out: output.write, err: output.write });
    await waitFor(() => output.lines.includes('[stubborn] ready\n'));
    const started = Date.now();
    await supervisor.stop('SIGTERM received.');
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(output.lines.join('')).toContain('The stubborn did not stop within 0.3 s: killing it.');
  });

  it('stops the others when one service exits on its own, and reports its exit code', async () => {
    const dir = tempDir();
    const output = collector();
    const crashing = {
      name: 'tracker',
      command: process.execPath,
      args: ['-e', 'setTimeout(() => process.exit(3), 200)'],
    };
    const supervisor = superviseServices([crashing, flushingService('pane', join(dir, 'pane'), 50)], {
      out: output.write,
      err: output.write,
    });
    expect(await supervisor.done).toBe(3);
    expect(output.lines.join('')).toContain('The tracker exited on its own (code 3).');
    expect(existsSync(join(dir, 'pane'))).toBe(true);
  });
});
