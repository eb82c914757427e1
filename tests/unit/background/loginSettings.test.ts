import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkSettings } from '@/entrypoints/background/login/schedule';
import { UserError } from '@/utils/messaging';
import { DEFAULT_LOGIN_SETTINGS } from '@/utils/login/storage';
import type { LoginSettings } from '@/utils/login/protocol';

describe('login settings from the options page', () => {
  it('any shape gets a typed answer: settings back or a UserError, never a crash', () => {
    const schedule = fc.oneof(
      fc.anything(),
      fc.record({
        enabled: fc.anything(),
        time: fc.oneof(fc.anything(), fc.constantFrom('08:45', ' 09:15 ', '25:00')),
        weekdays: fc.oneof(fc.anything(), fc.array(fc.anything())),
        holidays: fc.oneof(fc.anything(), fc.array(fc.oneof(fc.anything(), fc.constant('2026-12-25')))),
      }),
    );
    fc.assert(
      fc.property(fc.record({ timeoutSec: fc.oneof(fc.anything(), fc.integer()), schedule }), (payload) => {
        try {
          const out = checkSettings({ ...DEFAULT_LOGIN_SETTINGS, ...(payload as unknown as LoginSettings) });
          expect(typeof out.schedule.time).toBe('string');
          expect(out.schedule.weekdays.every((d) => Number.isInteger(d) && d >= 0 && d <= 6)).toBe(true);
        } catch (err) {
          expect(err).toBeInstanceOf(UserError);
        }
      }),
      { numRuns: 10_000 },
    );
    // 10,000 runs take about 2 s alone; give a loaded machine room (a timing is not what is tested).
  }, 60_000);

  it('keeps what a person typed, cleaned', () => {
    const out = checkSettings({
      timeoutSec: 90.4,
      schedule: { enabled: true, time: ' 08:45 ', weekdays: [5, 1, 1, 9], holidays: ['2026-12-25'] },
    });
    expect(out).toEqual({
      timeoutSec: 90,
      schedule: { enabled: true, time: '08:45', weekdays: [1, 5], holidays: ['2026-12-25'] },
    });
    expect(() =>
      checkSettings({ ...DEFAULT_LOGIN_SETTINGS, schedule: null as unknown as LoginSettings['schedule'] }),
    ).toThrow(UserError);
  });
});
