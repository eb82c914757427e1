import { describe, expect, it } from 'vitest';
import { applyAccountInput, checkAccountInput, type CheckMsg } from '@/utils/vault/validation';
import * as rules from '@/utils/vault/validation';
import { render } from '@/utils/i18n/core';
import '@/utils/i18n';
import { textIn as translate } from '@/utils/i18n/core';
import type { AccountField } from '@/utils/vault/types';

// The rules return messages (codes and values); these read them in English, as the form shows them.
const words = (m: CheckMsg) => render(m, (k, p) => translate('en', k, p));
function validateAccountInput(...args: Parameters<typeof rules.validateAccountInput>) {
  const out: Partial<Record<AccountField, string>> = {};
  for (const [f, m] of Object.entries(rules.validateAccountInput(...args)))
    if (m) out[f as AccountField] = words(m);
  return out;
}
function redirectUrlProblem(raw: string): string | null {
  const m = rules.redirectUrlProblem(raw);
  return m && words(m);
}
import { AUTOTRADER_REDIRECT_URL, type Account, type AccountInput } from '@/utils/vault/types';

const valid: AccountInput = {
  label: 'Main',
  clientCode: 'a123456',
  mpin: '1234',
  totpSecret: 'jbsw y3dp ehpk 3pxp',
  apiKey: 'AbCdEf12',
  apiSecret: '',
  platform: 'SMART_API',
  redirectUrl: '',
  notes: '',
  dailyLogin: true,
  autoFill: false,
};

function stored(): Account {
  const { value } = checkAccountInput(valid, { isEdit: false });
  return applyAccountInput(value!, undefined, 'id-1');
}

describe('validateAccountInput', () => {
  it('accepts a valid account and normalises it', () => {
    const { errors, value } = checkAccountInput({ ...valid, label: '  Main  ' }, { isEdit: false });
    expect(errors).toEqual({});
    expect(rules.checkAccountInput({ ...valid, label: '' }, { isEdit: false }).errors.label).toEqual({
      code: 'chk.labelEmpty',
    });
    expect(value).toMatchObject({
      label: 'Main',
      clientCode: 'A123456',
      mpin: '1234',
      totp: { secret: 'JBSWY3DPEHPK3PXP', params: { algorithm: 'SHA1', digits: 6, period: 30 } },
      redirectUrl: AUTOTRADER_REDIRECT_URL,
    });
  });

  it('gives one plain message per wrong field', () => {
    const errors = validateAccountInput(
      {
        ...valid,
        label: ' ',
        clientCode: 'A1 23',
        mpin: '12a4',
        totpSecret: 'JBSW0Y3DP',
        apiKey: 'has space',
        redirectUrl: 'http://example.com',
      },
      { isEdit: false },
    );
    expect(Object.keys(errors).sort()).toEqual([
      'apiKey',
      'clientCode',
      'label',
      'mpin',
      'redirectUrl',
      'totpSecret',
    ]);
    expect(errors.label).toMatch(/Enter a label/);
    expect(errors.clientCode).toMatch(/spaces/);
    expect(errors.mpin).toMatch(/digits only/);
    expect(errors.totpSecret).toMatch(/Character 5.*letter O/);
    expect(errors.apiKey).toMatch(/spaces/);
    expect(errors.redirectUrl).toMatch(/https/);
  });

  it('MPIN is exactly 4 digits', () => {
    expect(validateAccountInput({ ...valid, mpin: '123' }, { isEdit: false }).mpin).toMatch(
      /exactly 4 digits; you entered 3/,
    );
    expect(validateAccountInput({ ...valid, mpin: '12345' }, { isEdit: false }).mpin).toMatch(
      /exactly 4 digits/,
    );
    expect(validateAccountInput({ ...valid, mpin: '' }, { isEdit: false }).mpin).toMatch(
      /Enter your 4-digit MPIN/,
    );
    expect(validateAccountInput({ ...valid, mpin: '0042' }, { isEdit: false }).mpin).toBeUndefined();
  });

  it('TOTP secret: at least 10 bytes of base32, or an otpauth URI whose settings are honoured', () => {
    expect(
      validateAccountInput({ ...valid, totpSecret: 'JBSWY3DPEHPK3' }, { isEdit: false }).totpSecret,
    ).toMatch(/too short/);
    const { value } = checkAccountInput(
      {
        ...valid,
        label: '',
        totpSecret:
          'otpauth://totp/Angel%20One:A123456?secret=JBSWY3DPEHPK3PXP&algorithm=SHA512&digits=8&period=60&issuer=Angel%20One',
      },
      { isEdit: false },
    );
    expect(value?.totp).toEqual({
      secret: 'JBSWY3DPEHPK3PXP',
      params: { algorithm: 'SHA512', digits: 8, period: 60 },
    });
    expect(value?.label).toBe('Angel One A123456');
    expect(
      validateAccountInput(
        { ...valid, totpSecret: 'otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP' },
        { isEdit: false },
      ).totpSecret,
    ).toMatch(/HOTP/);
  });

  it('redirect URL: https, no localhost, no bare IPv4 or IPv6', () => {
    expect(redirectUrlProblem('https://webx.stocksdeveloper.in/auth/angel')).toBeNull();
    expect(redirectUrlProblem('http://example.com/')).toMatch(/only https/);
    expect(redirectUrlProblem('https://localhost/cb')).toMatch(/localhost/);
    expect(redirectUrlProblem('https://app.localhost/cb')).toMatch(/localhost/);
    expect(redirectUrlProblem('https://127.0.0.1/cb')).toMatch(/bare IP/);
    expect(redirectUrlProblem('https://127.1/cb')).toMatch(/bare IP/);
    expect(redirectUrlProblem('https://0x7f.0.0.1/cb')).toMatch(/bare IP/);
    expect(redirectUrlProblem('https://[::1]/cb')).toMatch(/bare IP/);
    expect(redirectUrlProblem('https://[2001:db8::1]:8443/cb')).toMatch(/bare IP/);
    expect(redirectUrlProblem('webx.stocksdeveloper.in')).toMatch(/not a complete web address/);
    expect(redirectUrlProblem('https://intranet/cb')).toMatch(/full domain/);
  });

  it('on edit, empty secret fields keep the stored ones', () => {
    const existing = stored();
    const input = { ...valid, mpin: '', totpSecret: '', apiKey: '', label: 'Renamed' };
    expect(validateAccountInput(input, { isEdit: true, existing })).toEqual({});
    const { value } = checkAccountInput(input, { isEdit: true, existing });
    const updated = applyAccountInput(value!, existing, existing.id);
    expect(updated.label).toBe('Renamed');
    expect(updated.secrets).toEqual(existing.secrets);
    // A new SMART_API account needs its MPIN; the TOTP secret and API key may come later
    // (captured from Angel's portal during the guided setup).
    expect(Object.keys(validateAccountInput(input, { isEdit: false })).sort()).toEqual(['mpin']);
    expect(validateAccountInput({ ...valid, totpSecret: '', apiKey: '' }, { isEdit: false })).toEqual({});
  });

  it('SMART_API_M needs only the API key among the secrets', () => {
    expect(
      validateAccountInput(
        { ...valid, platform: 'SMART_API_M', mpin: '', totpSecret: '' },
        { isEdit: false },
      ),
    ).toEqual({});
    expect(
      validateAccountInput({ ...valid, platform: 'OTHER' as never }, { isEdit: false }).platform,
    ).toMatch(/Choose the platform/);
  });

  it('keeps tokens only while client code and API key stay the same', () => {
    const existing = {
      ...stored(),
      tokens: { authToken: 'a', feedToken: 'f', capturedAt: 1, expiresAt: 2, source: 'rest-login' as const },
    };
    const same = checkAccountInput(
      { ...valid, mpin: '', totpSecret: '', apiKey: '' },
      { isEdit: true, existing },
    ).value!;
    expect(applyAccountInput(same, existing, existing.id).tokens).toBeDefined();
    const newKey = checkAccountInput({ ...valid, apiKey: 'OtherKey' }, { isEdit: true, existing }).value!;
    expect(applyAccountInput(newKey, existing, existing.id).tokens).toBeUndefined();
  });
});
