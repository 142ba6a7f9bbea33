// `npm run build` with ADDIN_BASE_URL writes the manifest that ships: it must point only at the production
// origins, carry the icons it names, still pass both validators, and the build must refuse to run without
// ADDIN_BASE_URL rather than ship a manifest pointing at localhost.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listManifestUrls } from '../../scripts/manifest-urls.mjs';
import { hasCommand, requireTool } from '../support/require-tool';
import {
  converterRunner,
  forbidNetworkPreload,
  manifestCli,
  manifestXsdPath,
  repoRoot,
} from './support/manifest-paths';

// Made in beforeAll, not at import, so a collection error (CI=true without a tool) leaves nothing behind.
let workDir = '';
let outputPath = '';
beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'politely-build-'));
  outputPath = join(workDir, 'dist');
});
afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

const webpackCli = join(repoRoot, 'node_modules', 'webpack-cli', 'bin', 'cli.js');

function build(env: Record<string, string | undefined>) {
  const result = spawnSync(
    process.execPath,
    [webpackCli, '--mode', 'production', '--env', `outputPath=${outputPath}`],
    { cwd: repoRoot, encoding: 'utf8', timeout: 110_000, env: { ...process.env, ...env } },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('the production manifest from npm run build', () => {
  let built: { status: number | null; output: string };
  beforeAll(() => {
    built = build({
      ADDIN_BASE_URL: 'https://politely.example.com/addin',
      TRACKER_URL: 'https://track.example.com',
    });
  }, 120_000);

  it('points every URL at ADDIN_BASE_URL or the tracker, and ships the files it names', () => {
    expect(built.output).toContain('compiled successfully');
    expect(built.status).toBe(0);
    const xml = readFileSync(join(outputPath, 'manifest.xml'), 'utf8');
    expect(xml).not.toContain('localhost');
    const urls = listManifestUrls(xml);
    expect(urls).toContain('https://politely.example.com/addin/taskpane.html');
    expect(urls).toContain('https://track.example.com');
    for (const url of urls.filter((u) => u.startsWith('https://politely.example.com/addin/'))) {
      const file = join(outputPath, url.slice('https://politely.example.com/addin/'.length));
      expect(existsSync(file), `${url} is not in the build output`).toBe(true);
    }
  });

  it('passes the JSON-schema route offline', () => {
    const jsonDir = join(workDir, 'json');
    const convert = spawnSync(
      process.execPath,
      ['--import', forbidNetworkPreload, converterRunner, join(outputPath, 'manifest.xml'), jsonDir],
      { encoding: 'utf8' },
    );
    expect(convert.status).toBe(0);
    const validate = spawnSync(
      process.execPath,
      ['--import', forbidNetworkPreload, manifestCli, 'validate', join(jsonDir, 'manifest.json')],
      { encoding: 'utf8' },
    );
    expect(`${validate.stdout}${validate.stderr}`).not.toMatch(/not valid|Error/);
    expect(validate.status).toBe(0);
  });

  const canRunXsd =
    requireTool('xmllint', hasCommand('xmllint'), 'Install it: apt-get install libxml2-utils') &&
    requireTool(
      `the Office manifest XSD folder ${manifestXsdPath}`,
      existsSync(manifestXsdPath),
      'CI places shared/ beside the clone.',
    );
  it.runIf(canRunXsd)('passes the XSD check', () => {
    const result = spawnSync(
      'xmllint',
      ['--noout', '--schema', manifestXsdPath, join(outputPath, 'manifest.xml')],
      {
        encoding: 'utf8',
      },
    );
    expect(result.stderr).toContain('validates');
    expect(result.status).toBe(0);
  });

  it('refuses to build without ADDIN_BASE_URL, saying what to set', () => {
    const result = build({ ADDIN_BASE_URL: '' });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('ADDIN_BASE_URL is required');
  }, 120_000);
});
