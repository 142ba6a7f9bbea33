// Builds the production task pane plus the preview pages into a temporary folder, once per test file.
// The pane bundle is the one `npm run build` ships; only the preview pages and the Office stand-in are added.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface PreviewBuild {
  dir: string;
  dispose(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '../../..');

export async function buildPreview(): Promise<PreviewBuild> {
  const dir = await mkdtemp(path.join(tmpdir(), 'politely-preview-'));
  const webpackCli = path.join(root, 'node_modules/webpack-cli/bin/cli.js');
  const args = [webpackCli, '--mode', 'production', '--env', 'preview', '--env', `outputPath=${dir}`];
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(text) : reject(new Error(`webpack failed (${code}):\n${text}`)),
    );
  });
  if (!/compiled successfully|compiled with \d+ warning/.test(output)) {
    throw new Error(`webpack did not report success:\n${output}`);
  }
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}
