/**
 * The monthly tracker quota's calendar: periods are UTC calendar months, and a quota resets at 00:00 UTC on
 * the first day of the next month.
 */

/** The period a tracker created at `now` counts against, e.g. '2026-11'. */
export function quotaPeriodOf(now: Date): string {
  return now.toISOString().slice(0, 7);
}

export function quotaResetsAt(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}

export function describeQuotaExceeded(limit: number, now: Date): string {
  const resets = quotaResetsAt(now).toISOString();
  return `Monthly tracker quota of ${limit} reached; it resets on ${resets.slice(0, 10)} at 00:00 UTC (${resets}).`;
}
