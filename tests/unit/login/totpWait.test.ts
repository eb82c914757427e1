import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MIN_TOTP_REMAINING_MS, totpWaitMs, TOTP_FLIP_MARGIN_MS } from '@/utils/login/totpWait';

describe('totpWaitMs', () => {
  it('types at once with 5 s or more left', () => {
    expect(totpWaitMs(5000, 1000)).toBe(0);
    expect(totpWaitMs(29_999, 1000)).toBe(0);
  });
  it('waits for the next window with under 5 s left', () => {
    expect(totpWaitMs(4999, 1000)).toBe(4999 + TOTP_FLIP_MARGIN_MS);
    expect(totpWaitMs(0, 1000)).toBe(TOTP_FLIP_MARGIN_MS);
  });
  it('a retry waits until the refused window has ended', () => {
    expect(totpWaitMs(20_000, 1000, 11_000)).toBe(10_000 + TOTP_FLIP_MARGIN_MS);
    expect(totpWaitMs(20_000, 12_000, 11_000)).toBe(0);
  });
  it('never types a code with under 5 s left', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30_000 }),
        fc.integer({ min: 0, max: 1e12 }),
        (remaining, now) => {
          const w = totpWaitMs(remaining, now);
          if (w === 0) expect(remaining).toBeGreaterThanOrEqual(MIN_TOTP_REMAINING_MS);
          else expect(w).toBeGreaterThan(remaining);
        },
      ),
    );
  });
});
