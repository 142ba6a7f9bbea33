// Gate for tests that need a tool from outside npm (chromium, xmllint, PostgreSQL, the shared XSD files).
// Contract: locally a missing tool skips the test with a loud message; under CI=true it fails instead,
// because CI installs every tool and a silent skip there would hide a broken pipeline.
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** True when running under CI (`CI=true`, as `.ci/run` sets it; `1` is accepted too). */
export function isCi(): boolean {
  const value = (process.env.CI ?? '').toLowerCase();
  return value === 'true' || value === '1';
}

/**
 * Returns whether the test should run. When `available` is false it prints a loud message naming the tool
 * and how to get it, then returns false; under CI=true it throws instead, so the suite fails.
 */
export function requireTool(name: string, available: boolean, hint: string): boolean {
  if (available) return true;
  const message = `${name} is not available, so the tests that need it are SKIPPED. ${hint}`;
  if (isCi()) {
    throw new Error(`CI=true and ${name} is missing: these tests must run in CI, not skip. ${hint}`);
  }
  const rule = '!'.repeat(Math.min(100, message.length + 8));
  console.warn(`\n${rule}\n!!! ${message}\n${rule}\n`);
  return false;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Finds an executable on PATH without spawning a shell; returns its path or null. */
export function findCommand(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

export function hasCommand(name: string): boolean {
  return findCommand(name) !== null;
}

/**
 * The Chromium the browser tests drive: `CHROMIUM_PATH` when set, else Debian's /usr/bin/chromium, else
 * another Chromium-family browser on PATH. Null when none is installed.
 */
export function chromiumPath(): string | null {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return isExecutable(configured) ? configured : null;
  if (isExecutable('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    const found = findCommand(name);
    if (found) return found;
  }
  return null;
}

/**
 * The PostgreSQL database the PostgreSQL tests may use (and wipe): `POSTGRES_TEST_URL`, which `.ci/run`
 * exports for its throwaway cluster. Undefined when none is configured.
 */
export function postgresTestUrl(): string | undefined {
  const url = process.env.POSTGRES_TEST_URL;
  return url && url.trim() !== '' ? url : undefined;
}

/** True when `path` exists (a folder or file a test needs, such as ../shared/office-manifest-xsd). */
export function pathExists(path: string): boolean {
  return existsSync(path);
}
