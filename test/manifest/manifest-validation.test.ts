// manifest.xml must pass both offline validators the issue names, and each of them must reject a broken
// manifest (otherwise a passing check would prove nothing):
//  1. xmllint against Microsoft's XSD files in ../shared/office-manifest-xsd (not part of the project: the
//     check skips loudly where the folder is absent, and fails under CI=true);
//  2. office-addin-manifest-converter (XML → JSON), then `office-addin-manifest validate` on that JSON, which
//     checks it against the Teams v1.17 JSON schema bundled in @microsoft/app-manifest. Both run in child
//     processes whose sockets are disabled (support/forbid-network.mjs), which proves they work offline.
//     validate reads only the JSON: it does not open the icon files the JSON names, so none are copied.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rewriteManifestUrls } from '../../scripts/manifest-urls.mjs';
import { hasCommand, requireTool } from '../support/require-tool';
import {
  converterRunner,
  forbidNetworkPreload,
  manifestCli,
  manifestPath,
  manifestXsdDir,
  manifestXsdPath,
} from './support/manifest-paths';

// Made in beforeAll, not at import: under CI=true a missing tool throws while tests are collected, and a
// folder made at import would then never be removed.
let workDir = '';
beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'politely-manifest-'));
});
afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

const manifestXml = readFileSync(manifestPath, 'utf8');

interface Run {
  status: number | null;
  output: string;
}

function run(command: string, args: string[]): Run {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000 });
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function runOffline(script: string, args: string[]): Run {
  return run(process.execPath, ['--import', forbidNetworkPreload, script, ...args]);
}

/** Replaces exactly one occurrence, so a breakage that no longer matches the manifest fails loudly. */
function replaceOnce(text: string, pattern: string | RegExp, replacement: string): string {
  const matches =
    typeof pattern === 'string'
      ? text.split(pattern).length - 1
      : (text.match(new RegExp(pattern, 'g')) ?? []).length;
  if (matches !== 1)
    throw new Error(`expected one match of ${String(pattern)} in manifest.xml, found ${matches}`);
  return text.replace(pattern, replacement);
}

const breakages = [
  {
    name: 'a permission that does not exist',
    apply: (xml: string) =>
      replaceOnce(xml, '<Permissions>ReadItem</Permissions>', '<Permissions>ReadEverything</Permissions>'),
    xmllintSays: /Permissions.*ReadEverything/,
  },
  {
    name: 'no Id',
    apply: (xml: string) => replaceOnce(xml, /\n\s*<Id>[^<]*<\/Id>/, ''),
    xmllintSays: /Version': This element is not expected\. Expected is .*Id/,
  },
  {
    name: 'an Id that is not a GUID',
    apply: (xml: string) => replaceOnce(xml, /<Id>[^<]*<\/Id>/, '<Id>politely-addin</Id>'),
    xmllintSays: /Id.*politely-addin/,
  },
];

function writeVariant(name: string, xml: string): string {
  const path = join(workDir, `${name.replace(/\W+/g, '-')}.xml`);
  writeFileSync(path, xml);
  return path;
}

describe('manifest.xml against the Office XSD (xmllint)', () => {
  const haveXsd = requireTool(
    `the Office manifest XSD folder ${manifestXsdDir}`,
    existsSync(manifestXsdPath),
    'They are not part of the project; CI places shared/ beside the clone. Without them only the JSON-schema route validates the manifest.',
  );
  const haveXmllint = requireTool(
    'xmllint',
    hasCommand('xmllint'),
    'Install it: apt-get install libxml2-utils',
  );
  const canRun = haveXsd && haveXmllint;

  function xmllint(path: string): Run {
    return run('xmllint', ['--noout', '--schema', manifestXsdPath, path]);
  }

  it.runIf(canRun)('accepts manifest.xml', () => {
    const result = xmllint(manifestPath);
    expect(result.output).toContain('validates');
    expect(result.status).toBe(0);
  });

  it.runIf(canRun)('accepts the production manifest that the build writes from ADDIN_BASE_URL', () => {
    const production = rewriteManifestUrls(manifestXml, {
      addinBaseUrl: 'https://politely.example.com/addin',
      trackerBaseUrl: 'https://track.politely.example.com',
    });
    const result = xmllint(writeVariant('production', production));
    expect(result.output).toContain('validates');
    expect(result.status).toBe(0);
  });

  it.runIf(canRun).each(breakages)('rejects a manifest with $name', ({ name, apply, xmllintSays }) => {
    const result = xmllint(writeVariant(`xsd-${name}`, apply(manifestXml)));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('fails to validate');
    expect(result.output).toMatch(xmllintSays);
  });
});

describe('manifest.xml converted to JSON and validated offline', () => {
  function convert(xmlPath: string, name: string): { result: Run; jsonPath: string } {
    const outDir = join(workDir, `json-${name.replace(/\W+/g, '-')}`);
    return {
      result: runOffline(converterRunner, [xmlPath, outDir]),
      jsonPath: join(outDir, 'manifest.json'),
    };
  }

  function validate(jsonPath: string): Run {
    return runOffline(manifestCli, ['validate', jsonPath]);
  }

  let converted: { result: Run; jsonPath: string };
  beforeAll(() => {
    converted = convert(manifestPath, 'politely');
  });
  const json = () => JSON.parse(readFileSync(converted.jsonPath, 'utf8')) as Record<string, unknown>;

  it('converts manifest.xml without truncating any text', () => {
    expect(converted.result.output).not.toContain('conversion failed');
    expect(converted.result.status).toBe(0);
    // The converter marks strings longer than the JSON manifest allows; Outlook would show them cut off.
    expect(readFileSync(converted.jsonPath, 'utf8')).not.toContain('<TRUNCATED>');
  });

  it('office-addin-manifest validate accepts the converted JSON', () => {
    const result = validate(converted.jsonPath);
    expect(result.output).not.toMatch(/not valid|Error/);
    expect(result.status).toBe(0);
  });

  it('the JSON keeps what the product needs: a pinnable "Decline interview" button in read mode', () => {
    const manifest = json() as {
      authorization: { permissions: { resourceSpecific: { name: string }[] } };
      extensions: {
        requirements: { capabilities: { name: string; minVersion: string }[] };
        runtimes: { code: { page: string }; actions: { id: string; type: string; pinnable: boolean }[] }[];
        ribbons: {
          contexts: string[];
          tabs: { groups: { controls: { label: string; actionId: string }[] }[] }[];
        }[];
      }[];
    };
    expect(manifest.authorization.permissions.resourceSpecific.map((p) => p.name)).toEqual([
      'MailboxItem.Read.User',
    ]);
    const [extension] = manifest.extensions;
    expect(extension?.requirements.capabilities).toContainEqual({ name: 'Mailbox', minVersion: '1.5' });
    const actions = new Map(
      extension?.runtimes.flatMap((r) => r.actions.map((a) => [a.id, { ...a, page: r.code.page }])),
    );
    const buttons = (extension?.ribbons ?? []).flatMap((ribbon) =>
      ribbon.tabs.flatMap((tab) =>
        tab.groups.flatMap((g) => g.controls.map((c) => ({ ...c, contexts: ribbon.contexts }))),
      ),
    );
    const pinnable = buttons
      .map((button) => ({ button, action: actions.get(button.actionId) }))
      .filter(({ action }) => action?.type === 'openPage' && action.pinnable);
    expect(pinnable.length).toBeGreaterThan(0);
    for (const { button, action } of pinnable) {
      expect(button.label).toBe('Decline interview');
      expect(button.contexts).toEqual(['mailRead']);
      expect(action?.page).toBe('https://localhost:3000/taskpane.html');
    }
  });

  it('validate rejects a JSON manifest that breaks the schema', () => {
    const spoiled = json() as { name: { short: string }; developer: { websiteUrl: string } };
    spoiled.name.short = 'Politely, the kind interview decliner';
    spoiled.developer.websiteUrl = 'not a url';
    const spoiledPath = join(workDir, 'spoiled.json');
    writeFileSync(spoiledPath, JSON.stringify(spoiled));
    const result = validate(spoiledPath);
    expect(result.status).toBe(1);
    expect(result.output).toContain('The manifest is not valid');
    expect(result.output).toContain('/name/short must NOT have more than 30 characters');
    expect(result.output).toContain('/developer/websiteUrl must match pattern');
  });

  it.each(breakages)('the converter rejects a manifest with $name', ({ name, apply }) => {
    const { result, jsonPath } = convert(writeVariant(`json-${name}`, apply(manifestXml)), `broken-${name}`);
    expect(result.status).toBe(1);
    expect(result.output).toContain('conversion failed');
    expect(existsSync(jsonPath)).toBe(false);
  });
});
