import { describe, expect, it } from 'vitest';
import {
  classifyLoginError,
  explainLoginError as explainCodes,
  type ClassifiedError,
} from '@/utils/login/errors';
import { render } from '@/utils/i18n';
import { textIn as translate } from '@/utils/i18n/core';

/** The explanation as an English page shows it (the module returns a message). */
const explainLoginError = (err: ClassifiedError) =>
  render(explainCodes(err), (k, p) => translate('en', k, p));

const kind = (t: string, s?: number) => classifyLoginError(t, s)?.kind ?? null;

describe('classifyLoginError', () => {
  it.each([
    ['Invalid PIN', 'wrong-credentials'],
    ['Incorrect MPIN. Please try again.', 'wrong-credentials'],
    ['Invalid credentials', 'wrong-credentials'],
    ['User id or password is invalid', 'wrong-credentials'],
    ['Invalid client code', 'wrong-credentials'],
    ['AB1007: AMX error', 'wrong-credentials'],
    ['LoginbyPassword is not allowed. Please switch to Login by MPIN now.', 'wrong-credentials'],
    ['Invalid PIN or TOTP', 'wrong-credentials'],
    ['Invalid totp', 'invalid-totp'],
    ['Invalid TOTP', 'invalid-totp'],
    ['The OTP entered is incorrect', 'invalid-totp'],
    ['TOTP expired', 'invalid-totp'],
    ['AB1050', 'invalid-totp'],
    ['403 Forbidden', 'invalid-api-key'],
    ['Invalid API Key', 'invalid-api-key'],
    ['AG8004 invalid api key', 'invalid-api-key'],
    ['Your account is locked. Reset your PIN.', 'account-locked'],
    ['Too many invalid attempts', 'account-locked'],
    ['Something went wrong', 'other'],
  ])('%s → %s', (text, expected) => {
    expect(kind(text)).toBe(expected);
  });

  it('HTTP 403 wins over the text', () => {
    expect(kind('', 403)).toBe('invalid-api-key');
    expect(kind('Welcome', 403)).toBe('invalid-api-key');
  });

  it('plain page text is not an error', () => {
    expect(kind('Enter your client code')).toBeNull();
    expect(kind('   ')).toBeNull();
  });

  it('explanations say what to do next and quote Angel', () => {
    const e = explainLoginError({ kind: 'wrong-credentials', angelMessage: 'Invalid PIN' });
    expect(e).toContain('"Invalid PIN"');
    expect(e).toMatch(/not retried|Nothing was retried/);
    expect(explainLoginError({ kind: 'invalid-api-key', angelMessage: '' })).toMatch(/Publisher/);
  });
});

describe('wrong PIN with attempts left is not a locked account', () => {
  const c = (t: string) => {
    const r = classifyLoginError(t);
    return r ? [r.kind, r.attemptsLeft ?? null] : null;
  };
  it.each([
    ['Invalid MPIN. 2 attempts left before your account is blocked.', 'wrong-credentials', 2],
    ['Invalid MPIN. 1 attempt left before your account is blocked.', 'wrong-credentials', 1],
    ['Invalid MPIN, 1 attempt remaining', 'wrong-credentials', 1],
    ['Incorrect PIN. You have 3 attempts remaining.', 'wrong-credentials', 3],
    ['Invalid MPIN. 2 attempt(s) remaining', 'wrong-credentials', 2],
    ['Wrong MPIN. Remaining attempts: 4', 'wrong-credentials', 4],
    ['Invalid Mpin. Attempts left: 2', 'wrong-credentials', 2],
    ['Invalid PIN (2 attempts left)', 'wrong-credentials', 2],
    ['Invalid MPIN. Last attempt left before your account is blocked.', 'wrong-credentials', 1],
    ['Invalid MPIN. One more attempt left.', 'wrong-credentials', 1],
    ['2 attempts left before your account is blocked', 'wrong-credentials', 2],
    ['Invalid MPIN. Your account will be blocked after 5 wrong attempts.', 'wrong-credentials', null],
    ['Invalid MPIN. Account may be locked if you enter a wrong MPIN again.', 'wrong-credentials', null],
    ['Invalid PIN. Please check and try again.', 'wrong-credentials', null],
    ['Your account is locked. Reset your PIN.', 'account-locked', null],
    ['Your account has been blocked due to 5 invalid attempts. Reset your MPIN.', 'account-locked', null],
    ['Account blocked. Please reset MPIN', 'account-locked', null],
    ['User is blocked', 'account-locked', null],
    ['Too many invalid attempts. Try again after 30 minutes.', 'account-locked', null],
    ['Invalid MPIN. 0 attempts left. Your account is blocked.', 'account-locked', null],
    ['Your account is blocked as no attempts are left', 'account-locked', null],
    ['Invalid MPIN, account will be blocked: 2 attempts remaining', 'wrong-credentials', 2],
    ['Invalid MPIN (account blocked after 3 attempts, 2 attempts left)', 'wrong-credentials', 2],
  ])('%s → %s (%s left)', (text, expected, left) => {
    expect(c(text)).toEqual([expected, left]);
  });

  it('says how many attempts are left and that the account is not locked', () => {
    const e = explainLoginError(
      classifyLoginError('Invalid MPIN. 2 attempts left before your account is blocked.')!,
    );
    expect(e).toContain('2 attempts left');
    expect(e).toContain('not locked');
    expect(e).not.toMatch(/reports the account as locked/);
    const one = explainLoginError(classifyLoginError('Invalid MPIN. 1 attempt remaining')!);
    expect(one).toContain('1 attempt left');
    const locked = explainLoginError(classifyLoginError('Your account is locked. Reset your PIN.')!);
    expect(locked).toMatch(/locked or blocked/);
  });
});

describe("Angel's words keep their line breaks", () => {
  it('quotes a 403 page line by line, spaces within a line collapsed, blank lines dropped', () => {
    const page = '403   Forbidden\n\n  Invalid API Key.  This key cannot be used\tfor publisher login.\r\n';
    expect(classifyLoginError(page, 403)?.angelMessage).toBe(
      '403 Forbidden\nInvalid API Key. This key cannot be used for publisher login.',
    );
  });

  it('still recognises a message that a line break splits', () => {
    expect(kind('Invalid\nMPIN. 2 attempts left before your account is blocked.')).toBe('wrong-credentials');
  });
});

describe('login failure explanations are messages', () => {
  it("are codes with Angel's words as a value, read in the language shown", () => {
    const m = explainCodes({ kind: 'wrong-credentials', angelMessage: 'Invalid PIN' });
    expect(m).toEqual({
      code: 'ip.errWrongCredentials',
      params: {
        quoted: {
          code: 'popup.errQuoted',
          params: { said: { code: 'ip.errAngelSaid', params: { message: 'Invalid PIN' } }, end: '.' },
        },
      },
    });
    const hi = render(m, (k, p) => translate('hi', k, p));
    expect(hi).toContain('"Invalid PIN"');
    expect(hi).toMatch(/[\u0900-\u097F]/);
    expect(hi).not.toMatch(/Nothing was retried/);
  });
});
