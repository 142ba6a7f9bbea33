/**
 * npm run bench:tracker [-- --json] [-- --duration 10] [-- --connections 50] [-- --db sqlite|postgres]
 *
 * Loads the pixel URL of a real tracker process on 127.0.0.1 with autocannon for a bounded time, stops the
 * tracker cleanly (SIGTERM), and checks that every 2xx answer was recorded. When nginx is on PATH, the same
 * run starts nginx (one worker, temporary prefix, access log off) serving the same GIF, loads it the same way
 * in alternating rounds, and prints the throughput ratio. `--db postgres` uses DATABASE_URL (postgres://…) for the tracker.
 *
 * The tracker and nginx are loaded in turn, never at once; autocannon itself shares the machine.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { loadConfig } from '../src/server/config';
import { openStorage } from '../src/server/storage/open-storage';
import { PIXEL_CACHE_CONTROL, TRANSPARENT_GIF } from '../src/server/tracking/transparent-gif';
import { postJson, startTrackerProcess } from '../test/server/support/tracker-process';

interface Options {
  json: boolean;
  durationSeconds: number;
  connections: number;
  db: 'sqlite' | 'postgres';
}

interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  seconds: number;
  /** Unrounded 2xx per second, used to size the next round. */
  steadyRate: number;
  ok: number;
  non2xx: number;
  errors: number;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { json: false, durationSeconds: 10, connections: 50, db: 'sqlite' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = () => {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      return value;
    };
    if (arg === '--json') options.json = true;
    else if (arg === '--duration') options.durationSeconds = Math.min(Math.max(Number(next()), 1), 60);
    else if (arg === '--connections') options.connections = Math.min(Math.max(Number(next()), 1), 500);
    else if (arg === '--db') {
      const db = next();
      if (db !== 'sqlite' && db !== 'postgres') throw new Error('--db is sqlite or postgres');
      options.db = db;
    } else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

/**
 * A fixed number of requests (not a fixed time), so that autocannon waits for every answer before it stops:
 * a time limit would cut requests off mid-flight, and "answered" would no longer be exact.
 */
async function load(url: string, connections: number, amount: number): Promise<LoadFigures> {
  const started = performance.now();
  let lastAnswer = started;
  // autocannon notices the end of a fixed amount only on its one-second tick; timing the last answer ourselves
  // keeps that idle wait out of the rate.
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections, amount: Math.max(amount, connections), pipelining: 1 },
      (error: unknown, done: autocannon.Result) =>
        error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done),
    );
    instance.on('response', () => {
      lastAnswer = performance.now();
    });
  });
  const seconds = (lastAnswer - started) / 1000;
  return {
    requestsPerSecond: Math.round(result['2xx'] / seconds),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    seconds: Number(seconds.toFixed(2)),
    steadyRate: result['2xx'] / seconds,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

const ROUNDS = 5;

/** Sums rounds into one figure: rate over the rounds' total time, median p50, worst p99. */
function combine(rounds: LoadFigures[]): LoadFigures {
  const sum = (pick: (f: LoadFigures) => number) => rounds.reduce((total, f) => total + pick(f), 0);
  const p50s = rounds.map((f) => f.p50Ms).sort((a, b) => a - b);
  return {
    requestsPerSecond: Math.round(sum((f) => f.ok) / sum((f) => f.seconds)),
    p50Ms: p50s[Math.floor(p50s.length / 2)] ?? 0,
    p99Ms: Math.max(...rounds.map((f) => f.p99Ms)),
    seconds: Number(sum((f) => f.seconds).toFixed(1)),
    steadyRate: sum((f) => f.steadyRate) / rounds.length,
    ok: sum((f) => f.ok),
    non2xx: sum((f) => f.non2xx),
    errors: sum((f) => f.errors),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function nginxPath(): string | null {
  try {
    return execFileSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

async function startNginx(binary: string, dir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const prefix = join(dir, 'nginx');
  mkdirSync(join(prefix, 'html'), { recursive: true });
  mkdirSync(join(prefix, 'logs'), { recursive: true });
  writeFileSync(join(prefix, 'html', 'pixel.gif'), TRANSPARENT_GIF);
  const config = join(prefix, 'nginx.conf');
  writeFileSync(
    config,
    `
worker_processes 1;
daemon off;
pid ${join(prefix, 'nginx.pid')};
error_log ${join(prefix, 'logs', 'error.log')} warn;
${process.getuid?.() === 0 ? 'user root;' : ''}
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${join(prefix, 'client_body')};
  proxy_temp_path ${join(prefix, 'proxy')};
  fastcgi_temp_path ${join(prefix, 'fastcgi')};
  uwsgi_temp_path ${join(prefix, 'uwsgi')};
  scgi_temp_path ${join(prefix, 'scgi')};
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:${port};
    root ${join(prefix, 'html')};
    location /p/ {
      default_type image/gif;
      etag off;
      add_header Cache-Control "${PIXEL_CACHE_CONTROL}" always;
      try_files /pixel.gif =404;
    }
  }
}
`,
  );
  const child: ChildProcess = spawn(
    binary,
    ['-p', prefix, '-c', config, '-e', join(prefix, 'logs', 'error.log')],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}/p/pixel.gif`;
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.ok) break;
    } catch {
      // not up yet
    }
    if (attempt > 100 || child.exitCode !== null) throw new Error(`nginx did not start: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGQUIT');
      }),
  };
}

async function countRecorded(
  env: Record<string, string>,
  accountId: string,
  trackerId: string,
): Promise<number> {
  const loaded = loadConfig(env);
  if (!loaded.ok) throw new Error(loaded.error);
  const { store, live } = await openStorage(loaded.config.database);
  try {
    const found = await store.getTracker(accountId, trackerId);
    return found?.tally.hits ?? 0;
  } finally {
    await live.close();
    await store.close();
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const say = (line: string) => {
    if (!options.json) console.log(line);
  };
  const dir = mkdtempSync(join(tmpdir(), 'politely-bench-'));
  const loadBefore = loadavg().map((n) => Number(n.toFixed(2)));
  try {
    const databaseUrl =
      options.db === 'postgres' ? (process.env.DATABASE_URL ?? '') : `sqlite:${join(dir, 'bench.sqlite')}`;
    if (options.db === 'postgres' && !databaseUrl.startsWith('postgres')) {
      throw new Error('--db postgres needs DATABASE_URL=postgres://…');
    }
    const env = {
      DATABASE_URL: databaseUrl,
      TRACKER_SECRET: 'bench-secret-bench-secret-bench-secret',
      HIT_SPOOL_PATH: join(dir, 'spool.ndjson'),
    };

    say(
      `tracker (${options.db}): ${options.connections} connections, ${options.durationSeconds} s, 127.0.0.1`,
    );
    const tracker = await startTrackerProcess(env);
    const { accountId, apiKey } = await postJson<{ accountId: string; apiKey: string }>(
      `${tracker.url}/api/v1/accounts`,
      { name: 'bench' },
    );
    const created = await postJson<{ id: string; pixelUrl: string }>(
      `${tracker.url}/api/v1/trackers`,
      { subject: 'bench' },
      { authorization: `Bearer ${apiKey}` },
    );
    const nginx = nginxPath();
    const baseline = nginx ? await startNginx(nginx, dir) : null;
    say(
      baseline
        ? `nginx ${nginx}: same GIF, 1 worker, access log off; ${ROUNDS} alternating rounds`
        : 'nginx not on PATH: no baseline this run',
    );

    // Warm both up, then alternate short rounds, so that a burst of other work on this shared machine
    // hits both servers alike instead of whichever happened to run at the time.
    const seconds = options.durationSeconds / ROUNDS;
    const trackerWarmUp = await load(created.pixelUrl, options.connections, options.connections * 1000);
    const nginxWarmUp = baseline
      ? await load(baseline.url, options.connections, options.connections * 1000)
      : null;
    const trackerRounds: LoadFigures[] = [];
    const nginxRounds: LoadFigures[] = [];
    const ratios: number[] = [];
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const previous = trackerRounds[trackerRounds.length - 1] ?? trackerWarmUp;
        const t = await load(
          created.pixelUrl,
          options.connections,
          Math.round(previous.steadyRate * seconds),
        );
        trackerRounds.push(t);
        if (baseline && nginxWarmUp) {
          const before = nginxRounds[nginxRounds.length - 1] ?? nginxWarmUp;
          const n = await load(baseline.url, options.connections, Math.round(before.steadyRate * seconds));
          nginxRounds.push(n);
          ratios.push(t.requestsPerSecond / n.requestsPerSecond);
        }
      }
    } finally {
      await baseline?.stop();
    }
    const trackerFigures = combine(trackerRounds);
    const nginxFigures = nginxRounds.length > 0 ? combine(nginxRounds) : null;

    const exitCode = await tracker.stop('SIGTERM');
    const answered = trackerWarmUp.ok + trackerFigures.ok;
    const recorded = await countRecorded(env, accountId, created.id);
    const everyHitRecorded = exitCode === 0 && recorded === answered;

    /** The median of the per-round ratios: each compares two runs made moments apart. */
    const ratio = ratios.length > 0 ? Number(median(ratios).toFixed(3)) : null;
    const report = {
      db: options.db,
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      loadAverageBefore: loadBefore,
      loadAverageAfter: loadavg().map((n) => Number(n.toFixed(2))),
      tracker: trackerFigures,
      hits: { answered2xx: answered, recorded, everyHitRecorded, cleanExit: exitCode === 0 },
      nginx: nginxFigures,
      ratioToNginx: ratio,
      ratioPerRound: ratios.map((r) => Number(r.toFixed(3))),
      goals: {
        ratioAtLeast: options.db === 'postgres' ? 0.3 : 0.5,
        p99BelowMs: 10,
        met:
          everyHitRecorded &&
          trackerFigures.p99Ms < 10 &&
          (ratio === null || ratio >= (options.db === 'postgres' ? 0.3 : 0.5)),
      },
    };
    if (options.json) {
      console.log(JSON.stringify(report, null, 2));
    } else {
      const row = (name: string, f: LoadFigures) =>
        `${name.padEnd(8)} ${String(f.requestsPerSecond).padStart(8)} req/s   p50 ${f.p50Ms} ms   p99 ${f.p99Ms} ms   ${f.seconds} s   2xx ${f.ok}   non-2xx ${f.non2xx}   errors ${f.errors}`;
      say(row('tracker', trackerFigures));
      if (nginxFigures) say(row('nginx', nginxFigures));
      if (ratio !== null) {
        say(
          `ratio tracker/nginx: ${ratio}, median of rounds ${report.ratioPerRound.join(' ')} (goal ≥ ${report.goals.ratioAtLeast})`,
        );
      }
      say(
        `hits answered 2xx: ${answered}, recorded after SIGTERM: ${recorded} → ${everyHitRecorded ? 'every hit recorded' : 'HITS MISSING'}`,
      );
      say(
        `load average before ${loadBefore.join(' ')}, after ${report.loadAverageAfter.join(' ')} (2 cores, shared)`,
      );
      say(`goals (ratio, p99 < 10 ms, every hit recorded): ${report.goals.met ? 'met' : 'NOT met'}`);
    }
    if (!everyHitRecorded) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench:tracker failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
