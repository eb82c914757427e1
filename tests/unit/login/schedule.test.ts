import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_SCHEDULE,
  istDateKey,
  istWeekday,
  isScheduledDay,
  nextMidnightIst,
  nextRunAt,
  parseHolidays,
  type LoginSchedule,
} from '@/utils/login/schedule';

const on: LoginSchedule = { ...DEFAULT_SCHEDULE, enabled: true };
const utc = (s: string) => Date.parse(s);

describe('IST dates', () => {
  it('the IST day starts at 18:30 UTC the day before', () => {
    expect(istDateKey(utc('2026-11-26T18:29:59Z'))).toBe('2026-11-26');
    expect(istDateKey(utc('2026-11-26T18:30:00Z'))).toBe('2026-11-27');
  });
  it('next midnight IST', () => {
    expect(nextMidnightIst(utc('2026-11-27T03:15:00Z'))).toBe(utc('2026-11-27T18:30:00Z'));
    expect(nextMidnightIst(utc('2026-11-27T18:30:00Z'))).toBe(utc('2026-11-28T18:30:00Z'));
    expect(nextMidnightIst(utc('2026-11-27T18:29:59.999Z'))).toBe(utc('2026-11-27T18:30:00Z'));
  });
  it('weekday in IST, not UTC', () => {
    // Friday 27 Nov 2026, 20:00 UTC is already Saturday in India.
    expect(istWeekday(utc('2026-11-27T20:00:00Z'))).toBe(6);
    expect(istWeekday(utc('2026-11-27T12:00:00Z'))).toBe(5);
  });
});

describe('nextRunAt', () => {
  it('08:45 IST is 03:15 UTC the same day', () => {
    expect(nextRunAt(on, utc('2026-11-26T01:00:00Z'))).toBe(utc('2026-11-26T03:15:00Z'));
  });
  it("after today's run, the next weekday", () => {
    expect(nextRunAt(on, utc('2026-11-26T03:15:00Z'))).toBe(utc('2026-11-27T03:15:00Z'));
  });
  it('skips the weekend: Friday evening → Monday', () => {
    expect(nextRunAt(on, utc('2026-11-27T10:00:00Z'))).toBe(utc('2026-11-30T03:15:00Z'));
  });
  it('late evening UTC is already the next IST day', () => {
    // Sunday 29 Nov 19:00 UTC = Monday 00:30 IST → Monday 08:45 IST
    expect(nextRunAt(on, utc('2026-11-29T19:00:00Z'))).toBe(utc('2026-11-30T03:15:00Z'));
  });
  it('skips holidays', () => {
    const s = { ...on, holidays: ['2026-11-30', '2026-12-01'] };
    expect(nextRunAt(s, utc('2026-11-27T10:00:00Z'))).toBe(utc('2026-12-02T03:15:00Z'));
    expect(isScheduledDay(s, utc('2026-11-30T03:15:00Z'))).toBe(false);
  });
  it('off, no days or a bad time → null', () => {
    expect(nextRunAt(DEFAULT_SCHEDULE, 0)).toBeNull();
    expect(nextRunAt({ ...on, weekdays: [] }, 0)).toBeNull();
    expect(nextRunAt({ ...on, time: '25:00' }, 0)).toBeNull();
  });
  it('always in the future, on a chosen day, at the chosen IST time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: utc('2024-01-01T00:00:00Z'), max: utc('2030-01-01T00:00:00Z') }),
        fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (now, weekdays, h, m) => {
          const time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
          const at = nextRunAt({ enabled: true, time, weekdays, holidays: [] }, now)!;
          expect(at).toBeGreaterThan(now);
          expect(at - now).toBeLessThanOrEqual(8 * 86_400_000);
          expect(weekdays).toContain(istWeekday(at));
          const ist = new Date(at + 5.5 * 3600_000);
          expect(ist.getUTCHours()).toBe(h);
          expect(ist.getUTCMinutes()).toBe(m);
        },
      ),
    );
  });
});

describe('parseHolidays', () => {
  it('accepts real dates, sorts, dedupes and reports the rest', () => {
    expect(parseHolidays('2026-01-26\n2025-12-25, 2026-01-26 2026-02-30 tomorrow')).toEqual({
      dates: ['2025-12-25', '2026-01-26'],
      invalid: ['2026-02-30', 'tomorrow'],
    });
  });
});
