import { describe, expect, it } from 'vitest';
import { judgeNavigation, redirectOriginOf } from '@/entrypoints/background/login/capture';

const STATE = '0123456789abcdef0123456789abcdef';
const base = {
  origin: 'extension' as const,
  state: STATE,
  given: { clientCode: 1, pin: 1, totp: 1 },
  steps: { opening: 1 },
  redirectOrigin: 'https://webx.stocksdeveloper.in',
};
const tokens = (s = STATE) => `auth_token=eyJ.a.b&feed_token=F&state=${s}`;

describe('judgeNavigation', () => {
  it("Angel's own pages are the login itself", () => {
    expect(judgeNavigation(base, 'https://smartapi.angelone.in/publisher-login?api_key=K')).toEqual({
      kind: 'ignore',
    });
    expect(judgeNavigation(base, 'https://smartapi.angelbroking.com/publisher-login')).toEqual({
      kind: 'ignore',
    });
    expect(judgeNavigation(base, 'about:blank')).toEqual({ kind: 'ignore' });
  });

  it('captures on the Redirect URL origin or the Angel error landing, after the TOTP', () => {
    expect(judgeNavigation(base, `https://webx.stocksdeveloper.in/auth/angel?${tokens()}`).kind).toBe(
      'capture',
    );
    expect(
      judgeNavigation(base, `https://smartapi.angelone.in/publisher-login/undefined?${tokens()}`).kind,
    ).toBe('capture');
  });

  it('any other origin is "left Angel\'s site", tokens or not', () => {
    for (const url of [
      'https://smartapi.angelone.in.evil.example/publisher-login',
      `https://evil.example/cb?${tokens()}`,
      'http://webx.stocksdeveloper.in/auth/angel',
      `data:text/html,<a>${tokens()}</a>`,
      'blob:https://evil.example/0b6c',
    ])
      expect(judgeNavigation(base, url).kind, url).toBe('left');
    // No Redirect URL known: every non-Angel origin is foreign.
    expect(
      judgeNavigation({ ...base, redirectOrigin: '' }, `https://webx.stocksdeveloper.in/?${tokens()}`).kind,
    ).toBe('left');
  });

  it('before the TOTP was handed out, the Redirect URL is not the end of this login', () => {
    const early = { ...base, given: { clientCode: 1, pin: 1, totp: 0 } };
    expect(judgeNavigation(early, `https://webx.stocksdeveloper.in/auth/angel?${tokens()}`).kind).toBe(
      'left',
    );
    expect(
      judgeNavigation(early, `https://smartapi.angelone.in/publisher-login/undefined?${tokens()}`).kind,
    ).toBe('ignore');
  });

  it("extension logins need their own state; site logins never look at the site's", () => {
    expect(judgeNavigation(base, `https://webx.stocksdeveloper.in/a?${tokens('forged')}`).kind).toBe(
      'state-mismatch',
    );
    const site = { ...base, origin: 'site' as const, state: '' };
    expect(judgeNavigation(site, `https://webx.stocksdeveloper.in/a?${tokens('')}`).kind).toBe('capture');
    expect(judgeNavigation(site, `https://webx.stocksdeveloper.in/a?${tokens('whatever')}`).kind).toBe(
      'capture',
    );
  });

  it('after the tokens were claimed, the backend may go anywhere', () => {
    expect(
      judgeNavigation({ ...base, steps: { opening: 1, redirected: 2 } }, 'https://elsewhere.example/').kind,
    ).toBe('ignore');
  });
});

describe('redirectOriginOf', () => {
  it('takes the origin of a web URL, nothing else', () => {
    expect(redirectOriginOf(' https://www.google.com/x?y ')).toBe('https://www.google.com');
    expect(redirectOriginOf('')).toBe('');
    expect(redirectOriginOf('javascript:alert(1)')).toBe('');
  });
});
