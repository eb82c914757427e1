import { describe, expect, it } from 'vitest';
import {
  explainFailure as explainCodes,
  formatSkew as skewCodes,
  skewFromDateHeader,
  type AdviceContext,
  type ValidationFailure,
} from '@/utils/angel/advice';
import { render, renderSaid } from '@/utils/i18n';
import { textIn as translate } from '@/utils/i18n/core';

/** The advice as an English page shows it (the module itself returns messages). */
function explainFailure(f: ValidationFailure, ctx: AdviceContext) {
  const a = explainCodes(f, ctx);
  const en = (k: Parameters<typeof translate>[1], p?: Parameters<typeof translate>[2]) =>
    translate('en', k, p);
  return { ...a, explanation: renderSaid(a.explanation, en), nextStep: renderSaid(a.nextStep, en) };
}
const formatSkew = (ms: number) => render(skewCodes(ms), (k, p) => translate('en', k, p));

const apiError = (code: string, message = 'x'): ValidationFailure => ({
  kind: 'angel-error',
  code,
  message,
  httpStatus: 200,
});
const noSkew = { skewMs: null };

describe('explainFailure: Angel codes', () => {
  it('AB1050: the TOTP code, with the clock verdict from the measured skew', () => {
    const fine = explainFailure(apiError('AB1050', 'Invalid totp'), { skewMs: 800 });
    expect(fine).toMatchObject({
      code: 'AB1050',
      category: 'totp',
      credentialError: true,
      angelMessage: 'Invalid totp',
    });
    expect(fine.explanation).toMatch(/TOTP code/);
    expect(fine.nextStep).toMatch(/TOTP secret/);
    expect(fine.nextStep).toMatch(/clock is fine \(0\.8 s behind Angel's clock\)/);

    const off = explainFailure(apiError('AB1050'), { skewMs: -42_000 });
    expect(off.nextStep).toMatch(/42 s ahead of Angel's clock/);
    expect(off.nextStep).toMatch(/Set time automatically/);

    expect(explainFailure(apiError('AB1050'), noSkew).nextStep).toMatch(/could not be measured/);
  });

  it.each(['AB1000', 'AB1007'])('%s: wrong client code or PIN, with the lockout warning', (code) => {
    const a = explainFailure(apiError(code, 'User id or password is invalid'), noSkew);
    expect(a).toMatchObject({ code, category: 'credentials', credentialError: true });
    expect(a.explanation).toMatch(/client code or the PIN is wrong/);
    expect(a.nextStep).toMatch(/lock your Angel account/);
  });

  it('AB1001 and AB1002 are credential errors about the client code and the PIN length', () => {
    expect(explainFailure(apiError('AB1001'), noSkew)).toMatchObject({
      category: 'credentials',
      credentialError: true,
    });
    expect(explainFailure(apiError('AB1002'), noSkew).nextStep).toMatch(/4-digit MPIN/);
  });

  it('AG8004: the API key, where to copy it from', () => {
    const a = explainFailure(
      { kind: 'angel-error', code: 'AG8004', message: 'Invalid API Key', httpStatus: 401 },
      noSkew,
    );
    expect(a).toMatchObject({ code: 'AG8004', category: 'api-key', credentialError: true });
    expect(a.nextStep).toMatch(/My APIs/);
    expect(a.nextStep).toMatch(/not the secret key/);
  });

  it('AB1004: Angel-side trouble, try again later, not a credential error', () => {
    const a = explainFailure(apiError('AB1004', 'Something Went Wrong'), noSkew);
    expect(a).toMatchObject({ code: 'AB1004', category: 'angel', credentialError: false });
    expect(a.nextStep).toMatch(/Try again in a few minutes/);
  });

  it.each([
    ['AG8001', /not valid/],
    ['AG8002', /expired/],
    ['AG8003', /missing/],
  ])('%s: a token error', (code, what) => {
    const a = explainFailure(apiError(code), noSkew);
    expect(a).toMatchObject({ code, category: 'token', credentialError: false });
    expect(a.explanation).toMatch(what);
    expect(a.nextStep).toMatch(/Validate again/);
  });

  it.each(['AB8050', 'AB8051', 'AB1010', 'AB1011'])('%s: a session error', (code) => {
    expect(explainFailure(apiError(code), noSkew)).toMatchObject({
      code,
      category: 'token',
      credentialError: false,
    });
  });

  it('lower-case codes are recognised too', () => {
    expect(explainFailure(apiError('ab1050'), noSkew).code).toBe('AB1050');
  });

  it('the "switch to Login by MPIN" message wins over whatever code comes with it', () => {
    for (const code of ['AB1050', 'AB1007', '']) {
      const a = explainFailure(
        apiError(code, 'LoginbyPassword is not allowed. Please switch to Login by MPIN now.'),
        noSkew,
      );
      expect(a.category).toBe('credentials');
      expect(a.credentialError).toBe(true);
      expect(a.explanation).toMatch(/password instead of your 4-digit MPIN/);
      expect(a.nextStep).toMatch(/not your trading password/);
    }
  });

  it("unknown codes show Angel's own message and code", () => {
    const a = explainFailure(apiError('AB9999', 'Client is blocked for trading'), noSkew);
    expect(a).toMatchObject({
      code: 'AB9999',
      category: 'unknown',
      credentialError: false,
      angelMessage: 'Client is blocked for trading',
    });
    expect(a.explanation).toBe(
      'Angel refused the login and said "Client is blocked for trading" (code AB9999).',
    );
    const noCode = explainFailure(
      { kind: 'angel-error', code: '', message: 'Denied', httpStatus: 403 },
      noSkew,
    );
    expect(noCode.code).toBe('HTTP 403');
    expect(noCode.explanation).toMatch(/"Denied"/);
  });
});

describe('explainFailure: other failures', () => {
  it('the firewall page, quoting the support ID', () => {
    const a = explainFailure({ kind: 'rejected', supportId: '77123', httpStatus: 200 }, noSkew);
    expect(a).toMatchObject({ code: 'request-rejected', category: 'firewall', credentialError: false });
    expect(a.explanation).toMatch(/Request Rejected/);
    expect(a.explanation).toMatch(/support ID 77123/);
    expect(a.nextStep).toMatch(/quoting support ID 77123/);
    expect(explainFailure({ kind: 'rejected', httpStatus: 200 }, noSkew).nextStep).not.toMatch(/support ID/);
  });

  it('malformed answers of each kind', () => {
    expect(explainFailure({ kind: 'malformed', reason: 'bad-json', httpStatus: 200 }, noSkew)).toMatchObject({
      code: 'malformed-json',
      category: 'angel',
    });
    for (const reason of ['not-json', 'unknown-shape', 'empty'] as const) {
      const a = explainFailure({ kind: 'malformed', reason, httpStatus: 502 }, noSkew);
      expect(a.code).toBe('unreadable-answer');
      expect(a.explanation).toMatch(/HTTP 502/);
    }
  });

  it('network failure names the hosts tried', () => {
    const a = explainFailure(
      { kind: 'network', hosts: ['apiconnect.angelone.in', 'apiconnect.angelbroking.com'] },
      noSkew,
    );
    expect(a).toMatchObject({ code: 'network', category: 'network', credentialError: false });
    expect(a.explanation).toMatch(/apiconnect\.angelone\.in, then apiconnect\.angelbroking\.com/);
    expect(a.nextStep).toMatch(/internet connection/);
  });

  it('timeout says how long and where the limit is set', () => {
    const a = explainFailure({ kind: 'timeout', timeoutMs: 15_000, host: 'apiconnect.angelone.in' }, noSkew);
    expect(a).toMatchObject({ code: 'timeout', category: 'timeout' });
    expect(a.explanation).toMatch(/within 15 s/);
    expect(a.nextStep).toMatch(/time limit/);
  });

  it('missing details name what to add', () => {
    const a = explainFailure({ kind: 'missing-secret', fields: ['mpin', 'totpSecret'] }, noSkew);
    expect(a.explanation).toMatch(/no 4-digit MPIN and TOTP secret stored/);
    expect(a.nextStep).toBe('Edit the account and add the 4-digit MPIN and TOTP secret.');
  });

  it('every failure has an explanation and a next step', () => {
    const all: ValidationFailure[] = [
      apiError('AB1050'),
      { kind: 'rejected', httpStatus: 200 },
      { kind: 'malformed', reason: 'bad-json', httpStatus: 200 },
      { kind: 'network', hosts: ['h'] },
      { kind: 'timeout', timeoutMs: 1000, host: 'h' },
      { kind: 'no-tokens', httpStatus: 200 },
      { kind: 'missing-secret', fields: ['apiKey'] },
      { kind: 'totp-failed' },
    ];
    for (const f of all) {
      const a = explainFailure(f, noSkew);
      expect(a.explanation.length).toBeGreaterThan(10);
      expect(a.nextStep.length).toBeGreaterThan(10);
    }
  });
});

describe('skew', () => {
  it('is measured from the Date header against the middle of the request', () => {
    const start = Date.UTC(2026, 10, 28, 7, 0, 0, 0);
    const end = start + 200;
    // The server said 07:00:10 (whole seconds): its clock was 10.0-11.0 s ahead when answering.
    const s = skewFromDateHeader(new Date(start + 10_000).toUTCString(), start, end);
    expect(s).toBe(10_000 + 500 - 100);
    expect(skewFromDateHeader(null, start, end)).toBeNull();
    expect(skewFromDateHeader('garbage', start, end)).toBeNull();
  });

  it("is worded from the device's point of view", () => {
    expect(formatSkew(3_000)).toBe("3.0 s behind Angel's clock");
    expect(formatSkew(-65_400)).toBe("65 s ahead of Angel's clock");
  });
});

describe('advice as messages', () => {
  it('is codes and values, never a sentence, and reads in the language asked for', () => {
    const a = explainCodes({ kind: 'missing-secret', fields: ['clientCode', 'mpin', 'apiKey'] }, noSkew);
    expect(JSON.stringify(a)).not.toMatch(/account has no/);
    expect(a.explanation).toMatchObject({ code: 'adv.missingExpl' });
    const en = renderSaid(a.explanation, (k, p) => translate('en', k, p));
    expect(en).toBe(
      'This account has no client code, 4-digit MPIN and API key stored, so the extension cannot log in to Angel with it.',
    );
    const hi = renderSaid(a.explanation, (k, p) => translate('hi', k, p));
    expect(hi).toMatch(/इस खाते में/);
    expect(hi).not.toMatch(/client code, 4-digit/);
  });

  it("keeps Angel's own words as a value, untranslated", () => {
    const a = explainCodes(apiError('AB9999', 'Strange thing'), noSkew);
    const hi = renderSaid(a.explanation, (k, p) => translate('hi', k, p));
    expect(hi).toContain('"Strange thing"');
    expect(hi).toContain('AB9999');
  });

  it('shows a sentence stored by an older version as it is', () => {
    expect(
      renderSaid<Parameters<typeof translate>[1]>('Angel refused the TOTP code.', (k, p) =>
        translate('hi', k, p),
      ),
    ).toBe('Angel refused the TOTP code.');
  });

  it('names every host tried, in order', () => {
    expect(explainFailure({ kind: 'network', hosts: ['a.example', 'b.example'] }, noSkew).explanation).toBe(
      "Could not reach Angel's API (a.example, then b.example).",
    );
  });
});
