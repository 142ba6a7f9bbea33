/**
 * The invitation detector, fetched as a separate chunk so its phrase tables stay out of the pane's initial
 * JavaScript. `preload()` starts the fetch at boot, alongside Office.onReady and the body read, so the user
 * normally waits for nothing extra. A failed load rejects that call with `DetectorLoadError` and is retried
 * on the next call; a loaded detector is kept for the life of the pane.
 */
import type { EmailInput, InvitationAnalysis } from '../../core/invitation/email-input';

export type AnalyzeInvitation = (input: EmailInput) => InvitationAnalysis;

export interface DeferredInvitationDetector {
  /** Starts loading now; a failure here is forgotten, so the next `analyzeInvitation` tries again. */
  preload(): void;
  analyzeInvitation(input: EmailInput): Promise<InvitationAnalysis>;
}

/** The detector's code could not be fetched (offline, flaky network, a deploy replaced the chunk). */
export class DetectorLoadError extends Error {
  constructor(cause: unknown) {
    // webpack's "Loading chunk 333 failed." says nothing a user can act on; any other cause is shown.
    const reason =
      cause instanceof Error && cause.name === 'ChunkLoadError'
        ? ''
        : (cause instanceof Error ? cause.message : String(cause)).split('\n')[0]?.trim();
    super(
      `Part of Politely didn't download${reason ? ` (${reason})` : ''}. Check your connection and try again.`,
      {
        cause,
      },
    );
    this.name = 'DetectorLoadError';
  }
}

export function createDeferredInvitationDetector(
  load: () => Promise<AnalyzeInvitation>,
): DeferredInvitationDetector {
  let loading: Promise<AnalyzeInvitation> | null = null;
  let loaded: AnalyzeInvitation | null = null;

  const detector = (): Promise<AnalyzeInvitation> => {
    if (loaded) return Promise.resolve(loaded);
    loading ??= load().then(
      (analyze) => (loaded = analyze),
      (error: unknown) => {
        loading = null;
        throw new DetectorLoadError(error);
      },
    );
    return loading;
  };

  return {
    preload() {
      detector().catch(() => {
        // Reported to the user by the call that needs the detector, which loads it again.
      });
    },
    analyzeInvitation: async (input) => (await detector())(input),
  };
}
