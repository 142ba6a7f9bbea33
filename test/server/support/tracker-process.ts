/**
 * Starts the real tracker (src/server/main.ts, as `npm run tracker` does) as a child process on a free port,
 * and drives it over real HTTP. Shared by the process tests and the benchmark.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface TrackerProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  /** Sends the signal and resolves with the exit code. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

export async function startTrackerProcess(env: Record<string, string>): Promise<TrackerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`tracker exited early (${code}): ${output}`)));
    setTimeout(() => reject(new Error(`tracker did not start in time: ${output}`)), 30_000);
  });
  return {
    child,
    url,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

export async function postJson<T>(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export async function createAccountAndTracker(
  baseUrl: string,
): Promise<{ apiKey: string; trackerId: string; pixelUrl: string }> {
  const { apiKey } = await postJson<{ apiKey: string }>(`${baseUrl}/api/v1/accounts`, { name: 'load' });
  const tracker = await postJson<{ id: string; pixelUrl: string }>(
    `${baseUrl}/api/v1/trackers`,
    { subject: 'load' },
    { authorization: `Bearer ${apiKey}`, 'user-agent': 'politely-test-creator' },
  );
  return { apiKey, trackerId: tracker.id, pixelUrl: tracker.pixelUrl };
}

/**
 * Loads `url` from `concurrency` keep-alive loops until `until()` says stop or the server goes away;
 * resolves with how many answers were 200.
 */
export async function drivePixelLoad(
  url: string,
  concurrency: number,
  until: () => boolean,
): Promise<{ ok: number; failed: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  let ok = 0;
  let failed = 0;
  const once = () =>
    new Promise<boolean>((resolve) => {
      const request = http.get(
        url,
        { agent, headers: { 'user-agent': 'Mozilla/4.0 (compatible; ms-office; MSOffice 16)' } },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode === 200));
          response.on('error', () => resolve(false));
        },
      );
      request.on('error', () => resolve(false));
    });
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (!until()) {
        if (await once()) ok++;
        else {
          failed++;
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      }
    }),
  );
  agent.destroy();
  return { ok, failed };
}
