// Runs the real webpack CLI into a temporary folder, once per test file: `buildPreview` makes the production
// pane plus the preview pages (the pane bundle is the one `npm run build` ships; only the preview pages and the
// Office stand-in are added), `buildProduction` makes exactly what `npm run build` makes, and
// `buildDevelopment` what `npm run build:dev` makes.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface PreviewBuild {
  dir: string;
  dispose(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '../../..');

export function buildPreview(): Promise<PreviewBuild> {
  return runWebpack(['--env', 'preview'], {});
}

/** `npm run build` into a temporary folder, with the given environment (ADDIN_BASE_URL, TRACKER_URL…). */
export function buildProduction(env: Record<string, string | undefined>): Promise<PreviewBuild> {
  return runWebpack([], env);
}

/** `npm run build:dev` into a temporary folder: the development pane, the preview and a local Office.js. */
export function buildDevelopment(): Promise<PreviewBuild> {
  return runWebpack([], {}, 'development');
}

async function runWebpack(
  extraArgs: string[],
  env: Record<string, string | undefined>,
  mode: 'production' | 'development' = 'production',
): Promise<PreviewBuild> {
  const dir = await mkdtemp(path.join(tmpdir(), 'politely-build-'));
  const webpackCli = path.join(root, 'node_modules/webpack-cli/bin/cli.js');
  const args = [webpackCli, '--mode', mode, ...extraArgs, '--env', `outputPath=${dir}`];
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: childEnv(env),
    });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(text) : reject(new Error(`webpack failed (${code}):\n${text}`)),
    );
  }).catch(async (error: unknown) => {
    await rm(dir, { recursive: true, force: true });
    throw error;
  });
  if (!/compiled successfully|compiled with \d+ warning/.test(output)) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`webpack did not report success:\n${output}`);
  }
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}

/** The current environment with `overrides` applied; an undefined override removes the variable. */
function childEnv(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = { ...process.env };
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete result[name];
    else result[name] = value;
  }
  return result;
}
