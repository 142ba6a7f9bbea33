/**
 * The services the pane's features use, handed down through React context so components never reach for
 * globals. `index.tsx` builds the real ones; tests and the preview pass their own.
 */
import { createContext } from 'react';
import type { DeclineReasonId } from '../../core/decline/decline-reasons';
import type { EmailInput, InvitationAnalysis } from '../../core/invitation/email-input';
import type { MailboxPort } from '../office/mailbox-port';
import type { SettingsService } from '../settings/settings-service';
import type { TrackerClient } from '../tracker-client/tracker-client';

export interface PaneServices {
  mailbox: MailboxPort;
  /**
   * The detector arrives as a separate chunk (see deferred-invitation-detector.ts), so this is asynchronous.
   * It rejects with `DetectorLoadError` when that chunk cannot be fetched; calling again retries the fetch.
   */
  analyzeInvitation: (input: EmailInput) => Promise<InvitationAnalysis>;
  /**
   * The user's saved defaults (issue 5's settings view). Read each time an email loads;
   * a missing value falls back to Outlook's display name and the first reason.
   */
  readDeclineDefaults?: () => DeclineDefaults;
  /**
   * Issue 5's tracking seam: when present, asked for a pixel before each reply opens. The reply opens
   * either way; a `not-tracked` outcome is shown in the pane as "Not tracked: <reason>".
   */
  replyTracking?: ReplyTrackingPort;
  /** Issue 5: when present, the pane shows Decline / Tracked declines / Settings tabs. */
  trackedDeclines?: TrackedDeclinesServices;
}

export interface TrackedDeclinesServices {
  settings: SettingsService;
  client: TrackerClient;
}

export interface DeclineDefaults {
  yourName?: string | null;
  reasonId?: DeclineReasonId | null;
}

export interface TrackReplyRequest {
  /** The reply's subject as Outlook will show it ("RE: …"). */
  subject: string;
  /** The invitation's sender, who receives the decline. */
  recipient: string | null;
  templateId: DeclineReasonId;
}

export type TrackReplyOutcome =
  { kind: 'tracked'; pixelUrl: string } | { kind: 'not-tracked'; reason: string } | { kind: 'tracking-off' };

export interface ReplyTrackingPort {
  /** Must resolve (never reject) within a bounded time; failures are a `not-tracked` outcome. */
  prepareTrackedReply(request: TrackReplyRequest): Promise<TrackReplyOutcome>;
}

export const PaneServicesContext = createContext<PaneServices | null>(null);
