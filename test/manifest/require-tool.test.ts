// The gate every tool-dependent test uses: a missing tool skips loudly on a laptop and fails under CI=true.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chromiumPath, findCommand, hasCommand, isCi, requireTool } from '../support/require-tool';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('requireTool', () => {
  it('runs the test when the tool is there, silently', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.stubEnv('CI', 'true');
    expect(requireTool('xmllint', true, 'apt-get install libxml2-utils')).toBe(true);
    expect(warn).not.toHaveBeenCalled();
  });

  it('skips locally with a loud message that names the tool and the fix', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.stubEnv('CI', '');
    expect(requireTool('chromium', false, 'apt-get install chromium')).toBe(false);
    expect(warn).toHaveBeenCalledOnce();
    const message = String(warn.mock.calls[0]?.[0]);
    expect(message).toContain('chromium is not available');
    expect(message).toContain('SKIPPED');
    expect(message).toContain('apt-get install chromium');
  });

  it.each(['true', '1', 'TRUE'])('throws under CI=%s instead of skipping', (ci) => {
    vi.stubEnv('CI', ci);
    expect(isCi()).toBe(true);
    expect(() => requireTool('PostgreSQL', false, 'set POSTGRES_TEST_URL')).toThrow(
      /CI=true and PostgreSQL is missing.*set POSTGRES_TEST_URL/,
    );
  });

  it('treats CI=false as local', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.stubEnv('CI', 'false');
    expect(requireTool('xmllint', false, 'hint')).toBe(false);
  });
});

describe('tool probes', () => {
  it('finds commands on PATH and reports absent ones', () => {
    expect(findCommand('node')).toMatch(/node$/);
    expect(hasCommand('politely-no-such-command')).toBe(false);
  });

  it('honours CHROMIUM_PATH, and reports null when it does not point at an executable', () => {
    vi.stubEnv('CHROMIUM_PATH', process.execPath);
    expect(chromiumPath()).toBe(process.execPath);
    vi.stubEnv('CHROMIUM_PATH', '/nonexistent/chromium');
    expect(chromiumPath()).toBeNull();
  });
});
