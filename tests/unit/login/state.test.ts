import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { newLoginState, stateMatches } from '@/utils/login/state';

describe('login state', () => {
  it('is 32 hex characters and different every time', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const s = newLoginState();
      expect(s).toMatch(/^[0-9a-f]{32}$/);
      seen.add(s);
    }
    expect(seen.size).toBe(200);
  });

  it('uses the random source it is given', () => {
    expect(newLoginState((a) => a.fill(255))).toBe('f'.repeat(32));
  });

  it('matches only the identical string', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), (a, b) => {
        expect(stateMatches(a, a)).toBe(true);
        expect(stateMatches(a, b)).toBe(a === b);
      }),
    );
  });

  it('refuses an empty expected state unless the attempt allows it (site-initiated)', () => {
    expect(stateMatches('', '')).toBe(false);
    expect(stateMatches('', '', true)).toBe(true);
    expect(stateMatches('', 'x', true)).toBe(false);
    expect(stateMatches('abc', '')).toBe(false);
  });
});
