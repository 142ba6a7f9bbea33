/**
 * A throwaway PostgreSQL cluster owned by one test file, for tests that must stop and start the server (an
 * outage) without disturbing the shared server other tests use. It lives in a temp folder, listens on a
 * free loopback port, runs without fsync (test data only), and is deleted by `destroy`.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findCommand, requireTool } from '../../support/require-tool';

const run = promisify(execFile);

/** The folder holding initdb and pg_ctl (Debian's newest first, else PATH), or null when none is installed. */
export function postgresBinDir(): string | null {
  const debian = '/usr/lib/postgresql';
  const versions = existsSync(debian)
    ? readdirSync(debian)
        .filter((name) => /^\d+$/.test(name))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const version of versions) {
    const dir = join(debian, version, 'bin');
    if (existsSync(join(dir, 'initdb'))) return dir;
  }
  const onPath = findCommand('initdb');
  return onPath ? onPath.slice(0, onPath.lastIndexOf('/')) : null;
}

/** Whether private clusters can be made here (skips loudly locally when not, fails under CI=true). */
export function canRunPrivateCluster(): boolean {
  return requireTool(
    'PostgreSQL server binaries (initdb, pg_ctl)',
    postgresBinDir() !== null,
    'Install the Debian package postgresql (the tests look in /usr/lib/postgresql/*/bin and on PATH).',
  );
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface PrivateCluster {
  /** `postgres://postgres@127.0.0.1:PORT/postgres` */
  url: string;
  port: number;
  /** `pg_ctl stop -m fast`: connections are cut, the server is gone until `start`. */
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

/** `settings` are extra server settings (`-c name=value`), e.g. `{ track_commit_timestamp: 'on' }`. */
export async function startPrivateCluster(settings: Record<string, string> = {}): Promise<PrivateCluster> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL server binaries not found');
  const root = await mkdtemp(join(tmpdir(), 'politely-pg-'));
  const data = join(root, 'data');
  const port = await freePort();
  // initdb refuses to run as root; when we are root, the cluster belongs to the postgres user instead.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    await chown(root, Number(stdout.trim()), Number(gid.trim()));
  }
  await chmod(root, 0o700);
  // Run from the cluster's own folder: the postgres user may not be allowed into the project's folder.
  const pg = (tool: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args], { cwd: root })
      : run(join(bin, tool), args, { cwd: root });

  await pg('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '--no-sync',
    '-E',
    'UTF8',
    '--no-instructions',
  ]);
  const serverOptions = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    `-c unix_socket_directories=${root}`,
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    ...Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`),
  ].join(' ');
  const start = async () => {
    await pg('pg_ctl', [
      '-D',
      data,
      '-l',
      join(root, 'server.log'),
      '-o',
      serverOptions,
      '-w',
      '-t',
      '30',
      'start',
    ]);
  };
  const stop = async (mode: 'fast' | 'immediate') => {
    await pg('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '30', 'stop']);
  };
  await start();
  let running = true;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    async stop() {
      await stop('fast');
      running = false;
    },
    async start() {
      await start();
      running = true;
    },
    async destroy() {
      if (running) await stop('immediate').catch(() => undefined);
      running = false;
      await rm(root, { recursive: true, force: true });
    },
  };
}
