/**
 * Runs the real tracker (`src/server/main.ts`) as a child process on a free loopback port, for tests that need
 * separate processes: several instances on one database, a database outage, a `kill -9`. The child is the
 * node process itself (tsx loaded with --import), so a signal sent to it reaches the server, not a wrapper.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface TrackerProcess {
  /** Base URL it listens on, e.g. http://127.0.0.1:40123 */
  url: string;
  pid: number;
  /** Everything it wrote to stderr so far (its error log). */
  stderr(): string;
  /** Sends a signal and resolves with the exit code (null when killed by the signal). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function spawnTracker(
  env: Record<string, string>,
  startTimeoutMs = 30_000,
): Promise<TrackerProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      HOST: '127.0.0.1',
      PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`tracker did not start within ${startTimeoutMs} ms:\n${stdout}\n${stderr}`));
    }, startTimeoutMs);
    const check = () => {
      const match = /listening on (https?:\/\/[^\s]+)/.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`tracker exited with ${code} before listening:\n${stdout}\n${stderr}`));
    });
  });

  return {
    url,
    pid: child.pid ?? -1,
    stderr: () => stderr,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Creates an account and a tracker through the API; returns what a pixel load needs. */
export async function createTrackerVia(
  baseUrl: string,
): Promise<{ apiKey: string; trackerId: string; pixelPath: string }> {
  const account = await fetch(`${baseUrl}/api/v1/accounts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Multi-instance test' }),
  });
  if (account.status !== 201) throw new Error(`account: ${account.status} ${await account.text()}`);
  const { apiKey } = (await account.json()) as { apiKey: string };
  const tracker = await fetch(`${baseUrl}/api/v1/trackers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ subject: 'Re: Interview', recipient: 'recruiter@example.com' }),
  });
  if (tracker.status !== 201) throw new Error(`tracker: ${tracker.status} ${await tracker.text()}`);
  const { id, pixelUrl } = (await tracker.json()) as { id: string; pixelUrl: string };
  return { apiKey, trackerId: id, pixelPath: new URL(pixelUrl).pathname };
}

export interface PixelLoadResult {
  sent: number;
  /** Responses with status 200 and the GIF. */
  answered200: number;
  failed: number;
  /** Response times in ms of the 200s, in completion order, with when each completed (Date.now()). */
  timings: { ms: number; doneAt: number }[];
}

/**
 * Loads the pixel with `concurrency` parallel keep-alive requests until `shouldStop()` or `durationMs` is up.
 * Every request is accounted for: answered 200, or failed (connection refused, reset, timeout).
 */
export async function loadPixel(
  baseUrl: string,
  pixelPath: string,
  options: { durationMs: number; concurrency: number; shouldStop?: () => boolean; requestTimeoutMs?: number },
): Promise<PixelLoadResult> {
  const result: PixelLoadResult = { sent: 0, answered200: 0, failed: 0, timings: [] };
  const endAt = Date.now() + options.durationMs;
  const worker = async (n: number) => {
    while (Date.now() < endAt && !options.shouldStop?.()) {
      result.sent++;
      const started = performance.now();
      try {
        const response = await fetch(`${baseUrl}${pixelPath}`, {
          headers: {
            'user-agent': `Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0 w${n}`,
          },
          signal: AbortSignal.timeout(options.requestTimeoutMs ?? 5000),
        });
        const body = await response.arrayBuffer();
        if (response.status === 200 && body.byteLength > 0) {
          result.answered200++;
          result.timings.push({ ms: performance.now() - started, doneAt: Date.now() });
        } else {
          result.failed++;
        }
      } catch {
        result.failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, n) => worker(n)));
  return result;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
