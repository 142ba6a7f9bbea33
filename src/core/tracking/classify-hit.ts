/**
 * What a single pixel or link request says about who made it, decided from the request alone: the signal
 * (human, proxy, apple-mpp, prefetch or scanner), the user-agent family, the truncated IP, and the client key
 * that later separates the sender's own loads (`self`) from everyone else's. Pure: no clock, no I/O.
 */
import type { HitSignal } from './hit-facts';

export interface HitRequest {
  /** The raw User-Agent header; it is reduced to a family here and never stored. */
  userAgent: string | undefined;
  /** The client IP as the server sees it (after trusted-proxy handling). */
  ip: string;
  /** Values of the Purpose / Sec-Purpose / X-Moz headers, which browsers set on speculative fetches. */
  purpose?: string | undefined;
  /**
   * Development-mode preview client name, accepted only when the server runs in development mode; it gives
   * the request an identity of its own that can never be the creator's.
   */
  previewClient?: string | null;
}

export interface ClassifiedRequest {
  signal: HitSignal;
  uaFamily: string;
  ipPrefix: string;
  clientKey: string;
}

interface AgentRule {
  pattern: RegExp;
  family: string;
  signal: HitSignal;
}

/** Apple Mail Privacy Protection preloads every image with exactly this user agent, nothing more. */
const APPLE_MPP_USER_AGENT = 'Mozilla/5.0';

// Ordered: the first match wins. Proxies first (their strings also mention browsers), then fetchers that
// only preview links, then scanners and scripts, then the clients people read mail with.
const AGENT_RULES: readonly AgentRule[] = [
  { pattern: /GoogleImageProxy/i, family: 'GoogleImageProxy', signal: 'proxy' },
  { pattern: /YahooMailProxy/i, family: 'YahooMailProxy', signal: 'proxy' },
  {
    pattern:
      /pre-?fetch|preload|Google-Read-Aloud|Slackbot-LinkExpanding|facebookexternalhit|Twitterbot|WhatsApp|TelegramBot|Discordbot|SkypeUriPreview/i,
    family: 'Prefetcher',
    signal: 'prefetch',
  },
  {
    pattern:
      /Barracuda|Mimecast|Proofpoint|urldefense|Symantec|MessageLabs|Trend ?Micro|IronPort|Zscaler|Forcepoint|Sophos|FireEye|SafeLinks|Microsoft Office Protocol Discovery|bot\b|bot\/|crawler|spider|scanner|HeadlessChrome|PhantomJS|curl\/|Wget|python-requests|python-urllib|aiohttp|Go-http-client|okhttp|Java\/|libwww|axios|node-fetch|undici/i,
    family: 'Scanner',
    signal: 'scanner',
  },
  { pattern: /Microsoft Outlook|MSOffice|ms-office|Outlook-/i, family: 'Outlook', signal: 'human' },
  { pattern: /Thunderbird/i, family: 'Thunderbird', signal: 'human' },
  { pattern: /Edg(e|A|iOS)?\//, family: 'Edge', signal: 'human' },
  { pattern: /OPR\//, family: 'Opera', signal: 'human' },
  { pattern: /Firefox\/|FxiOS\//, family: 'Firefox', signal: 'human' },
  { pattern: /Chrome\/|CriOS\//, family: 'Chrome', signal: 'human' },
  { pattern: /Version\/[\d.]+.*Safari\//, family: 'Safari', signal: 'human' },
  // Apple Mail (when it is not preloading) shows WebKit on a Mac or iOS device without a Safari version.
  { pattern: /(Macintosh|iPhone|iPad).*AppleWebKit\//, family: 'Apple Mail', signal: 'human' },
];

export function classifyHitRequest(request: HitRequest): ClassifiedRequest {
  const { signal, uaFamily } = classifyUserAgent(request.userAgent);
  const ipPrefix = truncateIp(request.ip);
  const speculative = /prefetch|prerender/i.test(request.purpose ?? '');
  const preview = request.previewClient?.trim();
  return {
    signal: speculative ? 'prefetch' : signal,
    uaFamily,
    ipPrefix,
    clientKey: preview ? previewClientKey(preview) : clientKeyOf(ipPrefix, uaFamily),
  };
}

export function classifyUserAgent(userAgent: string | undefined): { signal: HitSignal; uaFamily: string } {
  const agent = (userAgent ?? '').trim();
  // A request with no user agent at all comes from a script, not a mail client.
  if (agent === '') return { signal: 'scanner', uaFamily: 'None' };
  if (agent === APPLE_MPP_USER_AGENT)
    return { signal: 'apple-mpp', uaFamily: 'Apple Mail Privacy Protection' };
  const rule = AGENT_RULES.find((candidate) => candidate.pattern.test(agent));
  return rule ? { signal: rule.signal, uaFamily: rule.family } : { signal: 'human', uaFamily: 'Other' };
}

/**
 * Families that one sender's machine shows under two names: the add-in pane runs in the platform's web view
 * (Edge's WebView2 on Windows, WebKit on a Mac) while Outlook itself renders the reply being written (classic
 * Outlook's own engine, or the same WebKit). Without grouping, the pane's tracker creation and Outlook's
 * compose-window load would look like two clients, and the sender's own draft would count as an open.
 */
const CLIENT_GROUPS: Readonly<Record<string, string>> = {
  Outlook: 'Microsoft',
  Edge: 'Microsoft',
  Safari: 'Apple',
  'Apple Mail': 'Apple',
};

/**
 * The client key of a normal request: two hits share it when they share a /24 (/48) and a user-agent family
 * (grouped as above). The same key from a recipient's network is unlikely: it would need the sender's own
 * /24 or /48.
 */
export function clientKeyOf(ipPrefix: string, uaFamily: string): string {
  return `${ipPrefix}|${CLIENT_GROUPS[uaFamily] ?? uaFamily}`;
}

/** The client key of a development preview client; it contains no '|' so it never equals clientKeyOf(…). */
export function previewClientKey(name: string): string {
  return `preview:${name}`;
}

/** IPv4 → its /24 (`a.b.c.0`), IPv6 → its /48 (`x:y:z::`), IPv4-mapped IPv6 as IPv4; '' when unparsable. */
export function truncateIp(ip: string): string {
  const address = ip.trim().replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  const v4 = mapped?.[1] ?? address;
  const octets = v4.split('.');
  if (octets.length === 4 && octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255)) {
    return `${octets.slice(0, 3).map(Number).join('.')}.0`;
  }
  const groups = expandIpv6(address.split('%')[0] ?? '');
  return groups ? `${groups.slice(0, 3).join(':')}::` : '';
}

function expandIpv6(address: string): string[] | null {
  if (!/^[0-9a-f:.]+$/i.test(address) || !address.includes(':')) return null;
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string | undefined): string[] => (part ? part.split(':') : []);
  const head = parse(halves[0]);
  const tail = parse(halves[1]);
  // An embedded IPv4 tail (::ffff:1.2.3.4 was handled above; others are rare) counts as two groups.
  const last = tail.length > 0 ? tail[tail.length - 1] : head[head.length - 1];
  const extra = last?.includes('.') ? 1 : 0;
  const missing = 8 - head.length - tail.length - extra;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (groups.slice(0, 3).some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return null;
  return groups.map((g) => (g.includes('.') ? g : parseInt(g, 16).toString(16)));
}
