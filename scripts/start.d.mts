// Types for scripts/start.mjs (`npm start`), for its tests.
export interface PlannedService {
  name: 'tracker' | 'pane';
  npmScript: string;
  port: number;
  readyUrl: string;
  env: Record<string, string>;
}
export interface StartPlan {
  services: PlannedService[];
  sideload: { args: string[]; undo: string } | null;
  notes: string[];
  urls: { taskpane: string; preview: string; tracker: string | null };
}
export interface CertificatePaths {
  certPath: string;
  keyPath: string;
  source?: 'office' | 'self-signed';
}
export declare const REPO_ROOT: string;
export declare const PANE_PORT: 3000;
export declare const TRACKER_PORT: 3001;
export declare function planStart(input: {
  platform: NodeJS.Platform;
  env?: Record<string, string | undefined>;
  args?: string[];
  trackerEntryExists: boolean;
  certificate: CertificatePaths;
}): StartPlan;
export declare function describePlan(plan: StartPlan, certificate: CertificatePaths): string;
export declare function readyMessage(plan: StartPlan, certificate: CertificatePaths): string;
export declare function portHint(platform: NodeJS.Platform, port: number): string;
export declare function isPortBusy(port: number): Promise<boolean>;
export interface SupervisedService {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
}
export declare function superviseServices(
  services: SupervisedService[],
  options?: {
    cwd?: string;
    graceMs?: number;
    posix?: boolean;
    out?: (text: string) => void;
    err?: (text: string) => void;
  },
): { stop(reason: string, exitCode?: number): Promise<void>; done: Promise<number>; isStopping(): boolean };
