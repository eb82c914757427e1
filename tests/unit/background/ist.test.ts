import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { istDateKey, istWeekday, nextMidnightIst } from '@/utils/ist';

describe('nextMidnightIst', () => {
  it('is 18:30 UTC of the same day before 18:30 UTC', () => {
    expect(nextMidnightIst(Date.UTC(2026, 10, 28, 7, 0))).toBe(Date.UTC(2026, 10, 28, 18, 30));
  });
  it('is 18:30 UTC of the next day from 18:30 UTC on', () => {
    expect(nextMidnightIst(Date.UTC(2026, 10, 28, 18, 30))).toBe(Date.UTC(2026, 10, 29, 18, 30));
    expect(nextMidnightIst(Date.UTC(2026, 11, 31, 23, 0))).toBe(Date.UTC(2027, 0, 1, 18, 30));
  });
  it('is always after the time, within a day, at 00:00 IST', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000_000 }), (t) => {
        const m = nextMidnightIst(t);
        expect(m).toBeGreaterThan(t);
        expect(m - t).toBeLessThanOrEqual(86_400_000);
        expect((m + 5.5 * 3_600_000) % 86_400_000).toBe(0);
      }),
    );
  });
});

describe('IST calendar', () => {
  it("names the India date and weekday, not the computer's", () => {
    // 20:00 UTC on Friday 27 November is 01:30 on Saturday 28 November in India.
    const t = Date.UTC(2026, 10, 27, 20, 0);
    expect(istDateKey(t)).toBe('2026-11-28');
    expect(istWeekday(t)).toBe(6);
    expect(istDateKey(Date.UTC(2026, 10, 27, 18, 29))).toBe('2026-11-27');
  });
});
