/**
 * A pixel load for the outage and crash tests: parallel keep-alive requests for a bounded time, with every
 * request accounted for (answered 200, or failed) and the time each 200 came back, so a test can tell which
 * answers fell inside a flush window.
 */

export interface PixelLoadResult {
  sent: number;
  /** Responses with status 200 and the GIF. */
  answered200: number;
  failed: number;
  /** Response times in ms of the 200s, in completion order, with when each completed (Date.now()). */
  timings: { ms: number; doneAt: number }[];
}

/**
 * Loads the pixel with `concurrency` parallel keep-alive requests until `shouldStop()` or `durationMs` is up.
 * Every request is accounted for: answered 200, or failed (connection refused, reset, timeout).
 */
export async function loadPixel(
  baseUrl: string,
  pixelPath: string,
  options: { durationMs: number; concurrency: number; shouldStop?: () => boolean; requestTimeoutMs?: number },
): Promise<PixelLoadResult> {
  const result: PixelLoadResult = { sent: 0, answered200: 0, failed: 0, timings: [] };
  const endAt = Date.now() + options.durationMs;
  const worker = async (n: number) => {
    while (Date.now() < endAt && !options.shouldStop?.()) {
      result.sent++;
      const started = performance.now();
      try {
        const response = await fetch(`${baseUrl}${pixelPath}`, {
          headers: {
            'user-agent': `Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0 w${n}`,
          },
          signal: AbortSignal.timeout(options.requestTimeoutMs ?? 5000),
        });
        const body = await response.arrayBuffer();
        if (response.status === 200 && body.byteLength > 0) {
          result.answered200++;
          result.timings.push({ ms: performance.now() - started, doneAt: Date.now() });
        } else {
          result.failed++;
        }
      } catch {
        result.failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, n) => worker(n)));
  return result;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
