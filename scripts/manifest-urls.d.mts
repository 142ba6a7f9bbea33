// Types for scripts/manifest-urls.mjs (plain JS so that webpack.config.js can import it without a loader).
export declare const DEV_ADDIN_BASE_URL: 'https://localhost:3000';
export declare const DEV_TRACKER_BASE_URL: 'https://localhost:3001';
export declare function normalizeBaseUrl(value: string | undefined, variableName: string): string;
export declare function listManifestUrls(xml: string): string[];
export declare function rewriteManifestUrls(
  xml: string,
  options?: { addinBaseUrl?: string | undefined; trackerBaseUrl?: string | undefined },
): string;
