import { describe, expect, it, vi } from 'vitest';
import type { EmailInput, InvitationAnalysis } from '../../../src/core/invitation/email-input';
import {
  DetectorLoadError,
  createDeferredInvitationDetector,
} from '../../../src/taskpane/app/deferred-invitation-detector';
import type { AnalyzeInvitation } from '../../../src/taskpane/app/deferred-invitation-detector';

const email: EmailInput = { subject: 'Interview', fromName: 'Dana', fromEmail: null, body: 'Hello' };
const analysis = { verdict: 'invitation', confidence: 0.9 } as InvitationAnalysis;
const analyze: AnalyzeInvitation = vi.fn(() => analysis);

describe('createDeferredInvitationDetector', () => {
  it('starts the fetch on preload, before any email asks, and fetches it only once', async () => {
    const load = vi.fn(async () => analyze);
    const detector = createDeferredInvitationDetector(load);
    expect(load).not.toHaveBeenCalled();
    detector.preload();
    expect(load).toHaveBeenCalledTimes(1);

    const [first, second] = await Promise.all([
      detector.analyzeInvitation(email),
      detector.analyzeInvitation(email),
    ]);
    expect(first).toBe(analysis);
    expect(second).toBe(analysis);
    expect(analyze).toHaveBeenCalledWith(email);
    await detector.analyzeInvitation(email);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('reports a failed download as DetectorLoadError, and retries on the next call', async () => {
    const load = vi
      .fn<() => Promise<AnalyzeInvitation>>()
      .mockRejectedValueOnce(chunkLoadError())
      .mockResolvedValueOnce(analyze);
    const detector = createDeferredInvitationDetector(load);

    const failure = await detector.analyzeInvitation(email).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DetectorLoadError);
    // webpack's chunk number means nothing to the user; the advice does.
    expect((failure as Error).message).toBe(
      "Part of Politely didn't download. Check your connection and try again.",
    );

    await expect(detector.analyzeInvitation(email)).resolves.toBe(analysis);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('names any other cause, on one line', async () => {
    const detector = createDeferredInvitationDetector(() =>
      Promise.reject(new Error('Unexpected token <\n  at detector.js:1')),
    );
    await expect(detector.analyzeInvitation(email)).rejects.toThrow(
      "Part of Politely didn't download (Unexpected token <). Check your connection and try again.",
    );
  });

  it('swallows a failed preload, so nothing is unhandled, and the next call fetches again', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const load = vi
        .fn<() => Promise<AnalyzeInvitation>>()
        .mockRejectedValueOnce(new Error('offline'))
        .mockResolvedValueOnce(analyze);
      const detector = createDeferredInvitationDetector(load);
      detector.preload();
      await new Promise((resolve) => setTimeout(resolve, 0));
      await expect(detector.analyzeInvitation(email)).resolves.toBe(analysis);
      expect(load).toHaveBeenCalledTimes(2);
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});

/** What webpack rejects a failed `import()` with. */
function chunkLoadError(): Error {
  const error = new Error('Loading chunk 512 failed.\n(error: https://cdn.example/512.js)');
  error.name = 'ChunkLoadError';
  return error;
}
