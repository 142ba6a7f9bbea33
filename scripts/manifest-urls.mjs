// Rewrites the development URLs in manifest.xml for a production build. Pure: text in, text out, no I/O,
// so webpack.config.js (dist/manifest.xml from ADDIN_BASE_URL) and the manifest tests share one definition.

/** Where the development manifest points: the webpack dev server and the tracking server of `npm start`. */
export const DEV_ADDIN_BASE_URL = 'https://localhost:3000';
export const DEV_TRACKER_BASE_URL = 'https://localhost:3001';

/**
 * Checks and normalises a base URL given by the person building: https only (Office refuses anything else),
 * no query or fragment, no trailing slash. A path is kept, so the add-in can live under a folder.
 * Throws an Error whose message names `variableName` and what is wrong.
 */
export function normalizeBaseUrl(value, variableName) {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new Error(`${variableName} is required, for example ${variableName}=https://addin.example.com`);
  }
  let url;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`${variableName} is not a URL: "${value}"`);
  }
  if (url.protocol !== 'https:') {
    throw new Error(
      `${variableName} must be an https:// URL (Office loads add-ins only over HTTPS): "${value}"`,
    );
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(
      `${variableName} must be a plain base URL without query, fragment or credentials: "${value}"`,
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** Every absolute URL in the manifest, in document order (attribute values and element text). */
export function listManifestUrls(xml) {
  return [...xml.matchAll(/(?:DefaultValue="|<AppDomain>|<SourceLocation>)(https?:\/\/[^"<\s]+)/g)].map(
    (match) => match[1],
  );
}

/**
 * Returns the manifest without its comments and with `https://localhost:3000` replaced by `addinBaseUrl` and the tracker origin
 * `https://localhost:3001` replaced by `trackerBaseUrl`'s origin (an AppDomain is an origin). When no tracker
 * URL is given, the development tracker's AppDomain entry is removed rather than shipped.
 * Throws when a URL pointing anywhere else than the given bases would remain.
 */
export function rewriteManifestUrls(xml, { addinBaseUrl, trackerBaseUrl } = {}) {
  const addinBase = normalizeBaseUrl(addinBaseUrl, 'ADDIN_BASE_URL');
  const trackerOrigin =
    trackerBaseUrl === undefined || trackerBaseUrl === ''
      ? undefined
      : new URL(normalizeBaseUrl(trackerBaseUrl, 'TRACKER_URL')).origin;

  // Comments in manifest.xml describe the development setup; the production copy goes without them.
  let out = xml.replace(/[ \t]*<!--[\s\S]*?-->[ \t]*\r?\n?/g, '');
  if (trackerOrigin === undefined) {
    out = out.replace(/[ \t]*<AppDomain>https:\/\/localhost:3001<\/AppDomain>\r?\n?/g, '');
    out = out.replace(/[ \t]*<AppDomains>\s*<\/AppDomains>\r?\n?/g, '');
  } else {
    out = out.replaceAll(DEV_TRACKER_BASE_URL, trackerOrigin);
  }
  // Only whole-origin matches: the next character ends the origin ("/", quote or "<").
  out = out.replace(/https:\/\/localhost:3000(?=[/"<])/g, addinBase);

  const allowed = [addinBase, trackerOrigin].filter(Boolean);
  const stray = listManifestUrls(out).filter(
    (url) => !allowed.some((base) => url === base || url.startsWith(`${base}/`)),
  );
  if (stray.length > 0) {
    throw new Error(`The production manifest would still point elsewhere: ${stray.join(', ')}`);
  }
  return out;
}
