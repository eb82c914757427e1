import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatOtpauth, OtpauthError, parseOtpauth } from '@/utils/vault/otpauth';
import { encodeBase32 } from '@/utils/vault/base32';
import { render } from '@/utils/i18n/secretParse';

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof OtpauthError) return err.code;
    throw err;
  }
  return 'no error';
}

describe('otpauth', () => {
  it('parses issuer, account, secret and parameters', () => {
    const p = parseOtpauth(
      'otpauth://totp/Angel%20One:A123456?secret=jbsw%20y3dp%20ehpk%203pxp&issuer=Angel%20One&algorithm=SHA256&digits=8&period=60',
    );
    expect(p).toEqual({
      issuer: 'Angel One',
      account: 'A123456',
      secret: 'JBSWY3DPEHPK3PXP',
      totp: { algorithm: 'SHA256', digits: 8, period: 60 },
    });
  });

  it('uses defaults and the label prefix when parameters are missing', () => {
    const p = parseOtpauth('OTPAUTH://TOTP/ACME:john@example.com?secret=JBSWY3DPEHPK3PXP');
    expect(p.issuer).toBe('ACME');
    expect(p.account).toBe('john@example.com');
    expect(p.totp).toEqual({ algorithm: 'SHA1', digits: 6, period: 30 });
    expect(parseOtpauth('otpauth://totp/?secret=JBSWY3DPEHPK3PXP').account).toBe('');
  });

  it('gives typed errors with plain messages', () => {
    expect(code(() => parseOtpauth('https://example.com'))).toBe('not-otpauth');
    expect(code(() => parseOtpauth('otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP&counter=1'))).toBe('not-totp');
    expect(code(() => parseOtpauth('otpauth://totp/x'))).toBe('missing-secret');
    expect(code(() => parseOtpauth('otpauth://totp/x?secret=JBSW0'))).toBe('bad-secret');
    expect(code(() => parseOtpauth('otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&algorithm=MD5'))).toBe(
      'bad-algorithm',
    );
    expect(code(() => parseOtpauth('otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=5'))).toBe('bad-digits');
    expect(code(() => parseOtpauth('otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&period=0'))).toBe('bad-period');
    expect(code(() => parseOtpauth('otpauth://totp/%E0%A4%A?secret=JBSWY3DPEHPK3PXP'))).toBe('bad-encoding');
    try {
      parseOtpauth('otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=5');
    } catch (err) {
      expect(render((err as OtpauthError).msg)).toMatch(/only 6, 7 or 8 digit codes/);
    }
  });

  it('formats URIs that read back the same, spaces as %20', () => {
    const entry = {
      issuer: 'Angel One',
      account: 'Main (A123456)',
      secret: 'JBSWY3DPEHPK3PXP',
      totp: { algorithm: 'SHA512' as const, digits: 7 as const, period: 45 },
    };
    const uri = formatOtpauth(entry);
    expect(uri).toBe(
      'otpauth://totp/Angel%20One:Main%20(A123456)?secret=JBSWY3DPEHPK3PXP&issuer=Angel%20One&algorithm=SHA512&digits=7&period=45',
    );
    expect(parseOtpauth(uri)).toEqual(entry);
  });

  it('property: any string parses or throws an OtpauthError, nothing else', () => {
    const part = fc.string({ unit: 'binary', maxLength: 30 });
    const param = fc
      .tuple(fc.constantFrom('secret', 'issuer', 'algorithm', 'digits', 'period', 'x', ''), part)
      .map(([k, v]) => `${k}=${v}`);
    const uriLike = fc
      .tuple(
        fc.constantFrom(
          'otpauth://totp/',
          'otpauth://hotp/',
          'OTPAUTH://TOTP/',
          'otpauth://',
          'otpauth:/',
          '',
        ),
        part,
        fc.array(param, { maxLength: 6 }),
      )
      .map(([prefix, label, params]) => `${prefix}${label}?${params.join('&')}`);
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 120 }), uriLike), (s) => {
        try {
          const p = parseOtpauth(s);
          expect(p.secret).toMatch(/^[A-Z2-7]+$/);
          expect([6, 7, 8]).toContain(p.totp.digits);
        } catch (err) {
          if (!(err instanceof OtpauthError)) throw err;
          expect(render(err.msg).length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('property: format then parse is the identity', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 30 }).map((s) => s.trim());
    fc.assert(
      fc.property(
        text,
        text,
        fc.uint8Array({ minLength: 10, maxLength: 40 }),
        fc.constantFrom('SHA1' as const, 'SHA256' as const, 'SHA512' as const),
        fc.constantFrom(6 as const, 7 as const, 8 as const),
        fc.integer({ min: 1, max: 3600 }),
        (issuer, account, bytes, algorithm, digits, period) => {
          const entry = { issuer, account, secret: encodeBase32(bytes), totp: { algorithm, digits, period } };
          expect(parseOtpauth(formatOtpauth(entry))).toEqual(entry);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
