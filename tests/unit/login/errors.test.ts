import { describe, expect, it } from 'vitest';
import { classifyLoginError, explainLoginError } from '@/utils/login/errors';

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
