/**
 * Implements the decline panel's `ReplyTrackingPort` over a `TrackerClient` and the settings: with tracking
 * on it creates a tracker and hands back its pixel URL; any failure becomes a `not-tracked` outcome whose
 * reason a person can act on. It always resolves, within `deadlineMs`.
 */
import type { ReplyTrackingPort, TrackReplyOutcome, TrackReplyRequest } from '../app/pane-services';
import type { SettingsService } from '../settings/settings-service';
import { isTrackerClientError, type TrackerClient } from '../tracker-client/tracker-client';

export interface ReplyTrackingOptions {
  client: TrackerClient;
  settings: SettingsService;
  /** Upper bound for the whole attempt, registration included. Default 15 s. */
  deadlineMs?: number;
  /** Formats a reset time for the quota message; defaults to the reader's locale. */
  formatTime?(at: Date): string;
}

export function createReplyTracking(options: ReplyTrackingOptions): ReplyTrackingPort {
  const deadlineMs = options.deadlineMs ?? 15_000;
  const formatTime =
    options.formatTime ??
    ((at: Date) =>
      new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(at));

  const attempt = async (request: TrackReplyRequest): Promise<TrackReplyOutcome> => {
    try {
      const created = await options.client.createTracker({
        subject: request.subject.slice(0, 300),
        ...(request.recipient ? { recipient: request.recipient.slice(0, 320) } : {}),
        template: request.templateId,
      });
      return { kind: 'tracked', pixelUrl: created.pixelUrl };
    } catch (error) {
      return { kind: 'not-tracked', reason: explainFailure(error, formatTime) };
    }
  };

  return {
    prepareTrackedReply(request) {
      if (!options.settings.current().trackOpens) return Promise.resolve({ kind: 'tracking-off' });
      let timer: ReturnType<typeof setTimeout> | undefined;
      const deadline = new Promise<TrackReplyOutcome>((resolve) => {
        timer = setTimeout(
          () =>
            resolve({
              kind: 'not-tracked',
              reason: `the tracker did not answer within ${Math.round(deadlineMs / 1000)} s.`,
            }),
          deadlineMs,
        );
      });
      return Promise.race([attempt(request), deadline]).finally(() => clearTimeout(timer));
    },
  };
}

/** The text after "Not tracked: ". */
export function explainFailure(error: unknown, formatTime: (at: Date) => string): string {
  if (!isTrackerClientError(error)) return error instanceof Error ? error.message : String(error);
  const resets = error.resetAt ? formatTime(error.resetAt) : null;
  switch (error.kind) {
    case 'quota':
      return resets
        ? `your monthly tracking quota is used up. It resets on ${resets}.`
        : `your monthly tracking quota is used up. ${error.message}`;
    case 'rate-limited':
      return resets
        ? `the tracker is limiting requests. Try again after ${resets}.`
        : 'the tracker is limiting requests. Try again in a minute.';
    default:
      return lowerFirst(error.message);
  }
}

function lowerFirst(text: string): string {
  // "The tracker at …" reads naturally after "Not tracked: "; acronyms and URLs are left alone.
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
