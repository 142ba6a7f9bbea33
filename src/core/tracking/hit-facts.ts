/**
 * The facts kept about one pixel load or link click. They are decided once, when the request arrives (the raw
 * user agent and IP are not kept), and everything the API reports is derived from them at read time.
 */
import type { HitKind, HitSource } from './api-contract';

/** What the request alone says about its origin; `self` needs history, so it is resolved later. */
export type HitSignal = Exclude<HitSource, 'self'>;

export interface HitFact {
  /** Idempotency key: a random id given when the hit was accepted. Storing the same id twice is a no-op. */
  id: string;
  trackerId: string;
  kind: HitKind;
  /** Index of the tracked link for a click, null for a pixel open. */
  linkIndex: number | null;
  at: Date;
  signal: HitSignal;
  /** IPv4 truncated to /24, IPv6 to /48, or '' when unknown. */
  ipPrefix: string;
  /** A coarse user-agent family such as 'Chrome' or 'GoogleImageProxy'; never the raw string. */
  uaFamily: string;
  /**
   * Who loaded it, as a comparable key: `ipPrefix|uaFamily`, or `preview:<name>` for a development preview
   * client. Two hits with the same key come from the same client; the tracker keeps its creator's key.
   */
  clientKey: string;
}
