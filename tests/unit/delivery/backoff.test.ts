import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backoffDelay, backoffStep, DEFAULT_BACKOFF, parseRetryAfter } from '@/utils/delivery/backoff';

describe('backoff schedule', () => {
  it('doubles from 10 s and stops growing at 10 minutes', () => {
    const steps = [1, 2, 3, 4, 5, 6, 7, 8, 20, 1000].map((n) => backoffStep(n));
    expect(steps).toEqual([
      10_000, 20_000, 40_000, 80_000, 160_000, 320_000, 600_000, 600_000, 600_000, 600_000,
    ]);
  });

  it('jitter keeps each wait within [step/2, step]', () => {
    expect(backoffDelay(3, () => 0)).toBe(20_000);
    expect(backoffDelay(3, () => 0.5)).toBe(30_000);
    expect(backoffDelay(3, () => 0.999999)).toBeCloseTo(40_000, -1);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (n, r) => {
          const d = backoffDelay(n, () => r);
          const step = backoffStep(n);
          return d >= step / 2 && d <= step && d <= DEFAULT_BACKOFF.maxMs;
        },
      ),
    );
  });

  it('jittered waits are spread, not identical', () => {
    const seen = new Set(Array.from({ length: 50 }, () => backoffDelay(4)));
    expect(seen.size).toBeGreaterThan(10);
  });

  it('the lower bound of the waits never decreases from one attempt to the next', () => {
    for (let n = 1; n < 30; n++) expect(backoffStep(n + 1) / 2).toBeGreaterThanOrEqual(backoffStep(n) / 2);
  });

  it('reads Retry-After as seconds or as an HTTP date, capped', () => {
    const now = Date.parse('2026-11-28T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Sat, 28 Nov 2026 10:01:30 GMT', now)).toBe(90_000);
    expect(parseRetryAfter('999999', now)).toBe(3_600_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
