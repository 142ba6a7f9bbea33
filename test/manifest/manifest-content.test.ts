// @vitest-environment jsdom
// What the product needs from manifest.xml, beyond schema validity: the read-mode button, a pinnable task
// pane, Mailbox 1.5, ReadItem, meeting requests included, HTTPS everywhere, resource ids that resolve, and
// real icons at the declared sizes. jsdom supplies a namespace-aware XML parser (DOMParser).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listManifestUrls, rewriteManifestUrls } from '../../scripts/manifest-urls.mjs';
import { assetsDir, manifestPath, repoRoot } from './support/manifest-paths';

const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  v1_0: 'http://schemas.microsoft.com/office/mailappversionoverrides',
  v1_1: 'http://schemas.microsoft.com/office/mailappversionoverrides/1.1',
};

const manifestXml = readFileSync(manifestPath, 'utf8');

function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`manifest.xml is not well-formed XML: ${error.textContent ?? ''}`);
  return doc;
}

const doc = parse(manifestXml);
const root = doc.documentElement;

/** Direct children of `parent` with the given namespace and local name. */
function children(parent: Element, ns: string, name: string): Element[] {
  return Array.from(parent.children).filter((el) => el.namespaceURI === ns && el.localName === name);
}

function child(parent: Element, ns: string, name: string): Element {
  const [found] = children(parent, ns, name);
  if (!found) throw new Error(`<${parent.localName}> has no <${name}> child`);
  return found;
}

function xsiType(el: Element): string | null {
  return el.getAttributeNS(NS.xsi, 'type');
}

function versionNumber(value: string | null): number[] {
  return (value ?? '').split('.').map(Number);
}

function atLeast(version: string | null, minimum: string): boolean {
  const a = versionNumber(version);
  const b = versionNumber(minimum);
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff > 0;
  }
  return true;
}

const overridesV1_0 = child(root, NS.v1_0, 'VersionOverrides');
const overridesV1_1 = child(overridesV1_0, NS.v1_1, 'VersionOverrides');
const overrides = [
  { label: 'V1_0', el: overridesV1_0, ns: NS.v1_0 },
  { label: 'V1_1', el: overridesV1_1, ns: NS.v1_1 },
];

/** Resolves a resid inside one VersionOverrides block's Resources (Images, Urls, ShortStrings, LongStrings). */
function resource(block: Element, ns: string, kind: string, id: string): string {
  const resources = child(block, ns, 'Resources');
  const list = child(resources, NS.bt, kind);
  const entry = Array.from(list.children).find((el) => el.getAttribute('id') === id);
  if (!entry) throw new Error(`resid "${id}" is not defined under ${kind}`);
  return entry.getAttribute('DefaultValue') ?? '';
}

function readButtons(block: Element, ns: string) {
  const host = child(child(block, ns, 'Hosts'), ns, 'Host');
  const formFactor = child(host, ns, 'DesktopFormFactor');
  return children(formFactor, ns, 'ExtensionPoint').flatMap((point) =>
    children(point, ns, 'OfficeTab').flatMap((tab) =>
      children(tab, ns, 'Group').flatMap((group) =>
        children(group, ns, 'Control').map((control) => {
          const action = child(control, ns, 'Action');
          const pinning = children(action, ns, 'SupportsPinning')[0];
          return {
            surface: xsiType(point),
            type: xsiType(control),
            label: resource(
              block,
              ns,
              'ShortStrings',
              child(control, ns, 'Label').getAttribute('resid') ?? '',
            ),
            tooltip: resource(
              block,
              ns,
              'LongStrings',
              child(child(control, ns, 'Supertip'), ns, 'Description').getAttribute('resid') ?? '',
            ),
            icons: children(child(control, ns, 'Icon'), NS.bt, 'Image').map((image) => ({
              size: Number(image.getAttribute('size')),
              url: resource(block, ns, 'Images', image.getAttribute('resid') ?? ''),
            })),
            actionType: xsiType(action),
            page: resource(
              block,
              ns,
              'Urls',
              child(action, ns, 'SourceLocation').getAttribute('resid') ?? '',
            ),
            supportsPinning: pinning?.textContent?.trim() ?? null,
          };
        }),
      ),
    ),
  );
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(
    true,
  );
  expect(bytes.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function assetFile(url: string): string {
  const prefix = 'https://localhost:3000/assets/';
  expect(url.startsWith(prefix), `${url} should be served from assets/`).toBe(true);
  return join(assetsDir, url.slice(prefix.length));
}

describe('manifest.xml: what Outlook needs to show Politely', () => {
  it('is a mail add-in named Politely with a stable GUID', () => {
    expect(root.localName).toBe('OfficeApp');
    expect(root.namespaceURI).toBe(NS.app);
    expect(xsiType(root)).toBe('MailApp');
    expect(child(root, NS.app, 'Id').textContent).toBe('cc374b08-1846-41ba-83a0-58fc4588cfc7');
    expect(child(root, NS.app, 'DisplayName').getAttribute('DefaultValue')).toBe('Politely');
    expect(child(root, NS.app, 'ProviderName').textContent?.trim()).not.toBe('');
    expect(child(root, NS.app, 'Description').getAttribute('DefaultValue')).toMatch(/interview/);
  });

  it('asks only for ReadItem and needs Mailbox 1.5 or later everywhere', () => {
    expect(child(root, NS.app, 'Permissions').textContent).toBe('ReadItem');
    const [set] = children(child(child(root, NS.app, 'Requirements'), NS.app, 'Sets'), NS.app, 'Set');
    expect(set?.getAttribute('Name')).toBe('Mailbox');
    expect(atLeast(set?.getAttribute('MinVersion') ?? null, '1.5')).toBe(true);
    for (const { el, ns } of overrides) {
      const sets = child(child(el, ns, 'Requirements'), NS.bt, 'Sets');
      expect(atLeast(sets.getAttribute('DefaultMinVersion'), '1.5')).toBe(true);
      expect(children(sets, NS.bt, 'Set').map((s) => s.getAttribute('Name'))).toEqual(['Mailbox']);
    }
  });

  it('activates on messages in read mode, which includes meeting requests', () => {
    const collection = child(root, NS.app, 'Rule');
    const rules = children(collection, NS.app, 'Rule');
    expect(
      rules.map((rule) => [xsiType(rule), rule.getAttribute('ItemType'), rule.getAttribute('FormType')]),
    ).toEqual([['ItemIs', 'Message', 'Read']]);
    // An ItemClass filter would exclude IPM.Schedule.Meeting.Request, which is a Message in read mode.
    expect(rules[0]?.hasAttribute('ItemClass')).toBe(false);
    const form = child(child(root, NS.app, 'FormSettings'), NS.app, 'Form');
    expect(xsiType(form)).toBe('ItemRead');
  });

  it.each(overrides)(
    '$label puts a "Decline interview" button in the message read ribbon that opens the pane',
    ({ el, ns, label }) => {
      const buttons = readButtons(el, ns);
      expect(buttons).toHaveLength(1);
      const [button] = buttons;
      expect(button?.surface).toBe('MessageReadCommandSurface');
      expect(button?.type).toBe('Button');
      expect(button?.label).toBe('Decline interview');
      expect(button?.tooltip.length).toBeGreaterThan(20);
      expect(button?.actionType).toBe('ShowTaskpane');
      expect(button?.page).toBe('https://localhost:3000/taskpane.html');
      // SupportsPinning exists only from V1_1; V1_0 must not carry it (the V1_0 schema rejects it).
      expect(button?.supportsPinning).toBe(label === 'V1_1' ? 'true' : null);
    },
  );

  it('uses HTTPS for every URL it names', () => {
    const urls = listManifestUrls(manifestXml);
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) expect(url).toMatch(/^https:\/\/localhost:300[01](\/|$)/);
    // Catch URLs listManifestUrls might miss: no http:// anywhere outside XML namespace declarations.
    const withoutNamespaces = manifestXml.replace(/xmlns(:\w+)?="[^"]*"/g, '');
    expect(withoutNamespaces).not.toMatch(/http:\/\//);
  });
});

describe('icons', () => {
  it.each(overrides)(
    '$label button icons exist in assets/ at their declared sizes (16, 32, 80)',
    ({ el, ns }) => {
      const [button] = readButtons(el, ns);
      expect(button?.icons.map((icon) => icon.size)).toEqual([16, 32, 80]);
      for (const icon of button?.icons ?? []) {
        const file = assetFile(icon.url);
        expect(existsSync(file), `${file} missing`).toBe(true);
        expect(pngSize(file)).toEqual({ width: icon.size, height: icon.size });
      }
    },
  );

  it('the add-in icon is 64×64 and the high-resolution icon 128×128', () => {
    const icon = assetFile(child(root, NS.app, 'IconUrl').getAttribute('DefaultValue') ?? '');
    const highRes = assetFile(
      child(root, NS.app, 'HighResolutionIconUrl').getAttribute('DefaultValue') ?? '',
    );
    expect(pngSize(icon)).toEqual({ width: 64, height: 64 });
    expect(pngSize(highRes)).toEqual({ width: 128, height: 128 });
  });

  it('the support page the manifest links to exists', () => {
    expect(existsSync(assetFile(child(root, NS.app, 'SupportUrl').getAttribute('DefaultValue') ?? ''))).toBe(
      true,
    );
  });

  it('the committed PNGs are exactly what scripts/make-icons.mjs draws', () => {
    const result = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'make-icons.mjs'), '--check'], {
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('production manifest URLs (scripts/manifest-urls.mjs)', () => {
  it('points every URL at ADDIN_BASE_URL and the tracker, leaving nothing on localhost', () => {
    const production = rewriteManifestUrls(manifestXml, {
      addinBaseUrl: 'https://politely.example.com/addin/',
      trackerBaseUrl: 'https://track.politely.example.com',
    });
    expect(production).not.toContain('localhost');
    const urls = listManifestUrls(production);
    expect(urls).toHaveLength(listManifestUrls(manifestXml).length);
    expect(urls).toContain('https://politely.example.com/addin/taskpane.html');
    expect(urls).toContain('https://politely.example.com/addin/assets/icon-80.png');
    expect(urls).toContain('https://track.politely.example.com');
    // Still the same document: only URL text changed.
    const productionDoc = parse(production);
    expect(productionDoc.getElementsByTagName('*').length).toBe(doc.getElementsByTagName('*').length);
  });

  it('drops the development tracker domain when no tracker URL is given', () => {
    const production = rewriteManifestUrls(manifestXml, { addinBaseUrl: 'https://politely.example.com' });
    expect(production).not.toContain('localhost');
    expect(production).not.toContain('<AppDomains>');
    expect(parse(production).documentElement.localName).toBe('OfficeApp');
  });

  it('refuses a tracker URL that is not https, naming TRACKER_URL', () => {
    expect(() =>
      rewriteManifestUrls(manifestXml, {
        addinBaseUrl: 'https://politely.example.com',
        trackerBaseUrl: 'http://track.politely.example.com',
      }),
    ).toThrow(/TRACKER_URL must be an https:\/\/ URL/);
  });

  it.each([
    [undefined, /ADDIN_BASE_URL is required/],
    ['http://politely.example.com', /must be an https:\/\/ URL/],
    ['politely.example.com', /is not a URL/],
    ['https://politely.example.com/?v=2', /without query/],
  ])('refuses ADDIN_BASE_URL=%s with a message naming the variable', (addinBaseUrl, message) => {
    expect(() => rewriteManifestUrls(manifestXml, { addinBaseUrl })).toThrow(message);
  });
});
