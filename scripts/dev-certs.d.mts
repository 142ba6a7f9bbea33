// Types for scripts/dev-certs.mjs (plain JS so that webpack.config.js and `npm start` import it without a loader).
export interface DevCertificates {
  key: string;
  cert: string;
  keyPath: string;
  certPath: string;
  /** Where it came from: Office's trusted dev certificate, or Politely's self-signed one in .certs/. */
  source: 'office' | 'self-signed';
}
export interface LoadDevCertificatesOptions {
  certDir?: string;
  homeDir?: string;
  platform?: NodeJS.Platform;
  now?: Date;
  log?: (message: string) => void;
  useOfficeCertificates?: boolean;
  quiet?: boolean;
}
export declare const REPO_ROOT: string;
export declare const SELF_SIGNED_DIR: string;
export declare const CERT_HOSTS: string[];
export declare function daysUntilExpiry(certPem: string, now?: Date): number;
export declare function coversDevHosts(certPem: string): boolean;
export declare function createSelfSignedCertificate(days?: number): { key: string; cert: string };
export declare function trustInstructions(platform: NodeJS.Platform, certPath: string): string;
export declare function loadDevCertificates(options?: LoadDevCertificatesOptions): Promise<DevCertificates>;
