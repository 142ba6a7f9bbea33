import { describe, expect, it } from 'vitest';
import {
  describeQuotaExceeded,
  quotaPeriodOf,
  quotaResetsAt,
} from '../../../src/core/tracking/monthly-quota';

describe('monthly quota calendar', () => {
  it('counts by UTC calendar month', () => {
    expect(quotaPeriodOf(new Date('2026-11-30T23:59:59.999Z'))).toBe('2026-11');
    expect(quotaPeriodOf(new Date('2026-12-01T00:00:00.000Z'))).toBe('2026-12');
  });

  it('resets on the first of the next month, across a year end', () => {
    expect(quotaResetsAt(new Date('2026-11-27T20:00:00Z')).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(quotaResetsAt(new Date('2026-12-31T23:00:00Z')).toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('says the limit and when it resets', () => {
    expect(describeQuotaExceeded(50, new Date('2026-11-27T20:00:00Z'))).toBe(
      'Monthly tracker quota of 50 reached; it resets on 2026-12-01 at 00:00 UTC (2026-12-01T00:00:00.000Z).',
    );
  });
});
