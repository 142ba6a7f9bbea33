/**
 * A report that repeats while something keeps failing (storage down, every flush failing) is said at most
 * once per interval: the first occurrence at once, later ones folded into a count that the next report
 * carries, and a last word when the trouble ends, so an outage leaves a few log lines that still say how
 * much went wrong.
 */
export interface ThrottledReportOptions {
  intervalMs: number;
  /** What `items` counts, in the plural ('hits'). */
  unit: string;
  report: (message: string, error: unknown) => void;
  /** Milliseconds now; Date.now unless a test moves time. */
  now?: () => number;
}

export interface ThrottledReport {
  /** Something failed; `items` counts what it concerned (in `unit`s) for the folded total. */
  failed(message: string, error: unknown, items: number): void;
  /** The thing works again: says `message` with what was folded since the last report, if anything, and resets. */
  recovered(message: string): void;
}

export function createThrottledReport(options: ThrottledReportOptions): ThrottledReport {
  const now = options.now ?? Date.now;
  let lastReportAt: number | null = null;
  let foldedFailures = 0;
  let foldedItems = 0;

  const folded = () =>
    foldedFailures === 0
      ? ''
      : `; ${foldedFailures} more ${foldedFailures === 1 ? 'failure' : 'failures'} (${foldedItems} ${options.unit}) since the last report`;

  return {
    failed(message, error, items) {
      const at = now();
      if (lastReportAt !== null && at - lastReportAt < options.intervalMs) {
        foldedFailures++;
        foldedItems += items;
        return;
      }
      options.report(`${message}${folded()}`, error);
      lastReportAt = at;
      foldedFailures = 0;
      foldedItems = 0;
    },
    recovered(message) {
      if (lastReportAt === null) return;
      if (foldedFailures > 0) options.report(`${message}${folded()}`, undefined);
      lastReportAt = null;
      foldedFailures = 0;
      foldedItems = 0;
    },
  };
}
