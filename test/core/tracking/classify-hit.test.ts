import { describe, expect, it } from 'vitest';
import {
  classifyHitRequest,
  classifyUserAgent,
  clientKeyOf,
  previewClientKey,
  truncateIp,
} from '../../../src/core/tracking/classify-hit';

const CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const GMAIL_PROXY =
  'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)';
const YAHOO_PROXY = 'YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html';
const OUTLOOK = 'Mozilla/4.0 (compatible; ms-office; MSOffice 16)';
const APPLE_MAIL = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) AppleWebKit/605.1.15 (KHTML, like Gecko)';
const SAFARI =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15';
const EDGE = `${CHROME} Edg/131.0.0.0`;
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';

describe('classifyUserAgent', () => {
  it.each([
    ['Gmail image proxy', GMAIL_PROXY, 'proxy', 'GoogleImageProxy'],
    ['Yahoo Mail proxy', YAHOO_PROXY, 'proxy', 'YahooMailProxy'],
    [
      'Apple Mail Privacy Protection (exactly "Mozilla/5.0")',
      'Mozilla/5.0',
      'apple-mpp',
      'Apple Mail Privacy Protection',
    ],
    [
      'a link-preview fetcher',
      'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
      'prefetch',
      'Prefetcher',
    ],
    ['a prefetching agent', 'Mozilla/5.0 (compatible; ImagePrefetcher/1.0)', 'prefetch', 'Prefetcher'],
    ['a security gateway', 'Mozilla/5.0 (compatible; Barracuda Sentinel)', 'scanner', 'Scanner'],
    ['Microsoft Safe Links', 'Mozilla/5.0 SafeLinks/1.0', 'scanner', 'Scanner'],
    [
      'a generic bot',
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'scanner',
      'Scanner',
    ],
    ['curl', 'curl/8.5.0', 'scanner', 'Scanner'],
    ['a Python script', 'python-requests/2.32.3', 'scanner', 'Scanner'],
    ['headless Chrome', CHROME.replace('Chrome/', 'HeadlessChrome/'), 'scanner', 'Scanner'],
    ['no user agent', undefined, 'scanner', 'None'],
    ['an empty user agent', '   ', 'scanner', 'None'],
    ['Outlook desktop', OUTLOOK, 'human', 'Outlook'],
    ['Apple Mail showing images itself', APPLE_MAIL, 'human', 'Apple Mail'],
    ['Safari', SAFARI, 'human', 'Safari'],
    ['Chrome', CHROME, 'human', 'Chrome'],
    ['Edge (which also says Chrome)', EDGE, 'human', 'Edge'],
    ['Firefox', FIREFOX, 'human', 'Firefox'],
    [
      'Thunderbird',
      'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.5.0',
      'human',
      'Thunderbird',
    ],
    ['an unknown mail client', 'SomeMailApp/3.1', 'human', 'Other'],
  ])('%s', (_label, userAgent, signal, uaFamily) => {
    expect(classifyUserAgent(userAgent)).toEqual({ signal, uaFamily });
  });

  it('does not treat "Mozilla/5.0" followed by anything as Apple MPP', () => {
    expect(classifyUserAgent('Mozilla/5.0 (X11)').signal).toBe('human');
  });
});

describe('classifyHitRequest', () => {
  it('keeps only the truncated IP and the family, and keys the client by both', () => {
    expect(classifyHitRequest({ userAgent: CHROME, ip: '203.0.113.57' })).toEqual({
      signal: 'human',
      uaFamily: 'Chrome',
      ipPrefix: '203.0.113.0',
      clientKey: '203.0.113.0|Chrome',
    });
  });

  it.each(['prefetch', 'prefetch;prerender', 'Prefetch'])(
    'marks a speculative fetch (purpose %s) as prefetch',
    (purpose) => {
      expect(classifyHitRequest({ userAgent: CHROME, ip: '203.0.113.57', purpose }).signal).toBe('prefetch');
    },
  );

  it('gives a preview client its own key, never one an ordinary request could have', () => {
    const preview = classifyHitRequest({ userAgent: CHROME, ip: '127.0.0.1', previewClient: 'recipient' });
    expect(preview.clientKey).toBe(previewClientKey('recipient'));
    expect(preview.clientKey).not.toBe(clientKeyOf('127.0.0.0', 'Chrome'));
    expect(preview.signal).toBe('human');
  });

  it("keys the add-in pane (Edge WebView2) and classic Outlook's compose window on one machine alike", () => {
    const pane = classifyHitRequest({ userAgent: EDGE, ip: '203.0.113.7' });
    const compose = classifyHitRequest({ userAgent: OUTLOOK, ip: '203.0.113.9' });
    expect(pane.clientKey).toBe(compose.clientKey);
    expect([pane.uaFamily, compose.uaFamily]).toEqual(['Edge', 'Outlook']);
  });

  it("keys Outlook for Mac's pane (WebKit) and Safari alike, but never across machines or other families", () => {
    const macPane = classifyHitRequest({ userAgent: APPLE_MAIL, ip: '203.0.113.7' });
    expect(macPane.clientKey).toBe(classifyHitRequest({ userAgent: SAFARI, ip: '203.0.113.7' }).clientKey);
    expect(macPane.clientKey).not.toBe(
      classifyHitRequest({ userAgent: APPLE_MAIL, ip: '198.51.100.7' }).clientKey,
    );
    expect(classifyHitRequest({ userAgent: CHROME, ip: '203.0.113.7' }).clientKey).not.toBe(
      classifyHitRequest({ userAgent: EDGE, ip: '203.0.113.7' }).clientKey,
    );
  });

  it('ignores an empty preview name', () => {
    expect(classifyHitRequest({ userAgent: CHROME, ip: '127.0.0.1', previewClient: '  ' }).clientKey).toBe(
      '127.0.0.0|Chrome',
    );
  });
});

describe('truncateIp', () => {
  it.each([
    ['203.0.113.57', '203.0.113.0'],
    ['10.1.2.3', '10.1.2.0'],
    ['::ffff:198.51.100.9', '198.51.100.0'],
    ['2001:db8:85a3:8d3:1319:8a2e:370:7348', '2001:db8:85a3::'],
    ['2001:0db8:0001::1', '2001:db8:1::'],
    ['2001:db8::1', '2001:db8:0::'],
    ['::1', '0:0:0::'],
    ['fe80::1%eth0', 'fe80:0:0::'],
    ['[2001:db8:aa:bb::1]', '2001:db8:aa::'],
    ['', ''],
    ['not an ip', ''],
    ['256.1.1.1', ''],
    ['1:2:3:4:5:6:7:8:9', ''],
    ['1::2::3', ''],
  ])('%s → %s', (ip, prefix) => {
    expect(truncateIp(ip)).toBe(prefix);
  });
});
