/**
 * base32 and otpauth:// stay hand-written (docs/libraries.md says why); the libraries otplib
 * itself uses, @scure/base and @otplib/uri, check them here on every input both accept, and
 * pin down the real inputs where the libraries are stricter than we must be.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { base32nopad } from '@scure/base';
import { parse as libParse } from '@otplib/uri';
import { decodeBase32, encodeBase32, parseBase32Secret } from '@/utils/vault/base32';
import { formatOtpauth, parseOtpauth } from '@/utils/vault/otpauth';

const bytes = fc.uint8Array({ minLength: 10, maxLength: 64 });

describe('base32 against @scure/base', () => {
  it('encodes exactly like the library', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (b) => {
        expect(encodeBase32(b)).toBe(base32nopad.encode(b));
      }),
    );
  });

  it('decodes every canonical text exactly like the library', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        const text = base32nopad.encode(b);
        expect([...decodeBase32(text)]).toEqual([...base32nopad.decode(text)]);
      }),
    );
  });

  it('accepts real secrets with non-zero leftover bits, which the library refuses', () => {
    // 26 characters = 130 bits: 16 bytes and 2 bits over. Authenticator apps ignore those bits.
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEH';
    expect(() => base32nopad.decode(secret)).toThrow();
    const ours = parseBase32Secret(secret);
    expect(ours.bytes).toHaveLength(16);
    expect([...ours.bytes]).toEqual([...base32nopad.decode('JBSWY3DPEHPK3PXPJBSWY3DPEE')]);
  });

  it('accepts the grouped, lower-case, padded shapes people paste, which the library refuses', () => {
    for (const text of ['jbsw y3dp ehpk 3pxp', 'JBSW-Y3DP-EHPK-3PXP', 'JBSWY3DPEHPK3PXPJBSWY3DPEE======']) {
      expect(() => base32nopad.decode(text)).toThrow();
      expect(parseBase32Secret(text).bytes).toHaveLength(text.includes('=') ? 16 : 10);
    }
  });
});

describe('otpauth:// against @otplib/uri', () => {
  const label = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !s.includes(':') && s.trim() === s);
  const entry = fc.record({
    issuer: label,
    account: label,
    secret: bytes.map((b) => base32nopad.encode(b)),
    totp: fc.record({
      algorithm: fc.constantFrom('SHA1' as const, 'SHA256' as const, 'SHA512' as const),
      digits: fc.constantFrom(6 as const, 8 as const),
      period: fc.integer({ min: 1, max: 3600 }),
    }),
  });

  it('the library reads our URIs as we meant them', () => {
    fc.assert(
      fc.property(entry, (e) => {
        const uri = formatOtpauth(e);
        const lib = libParse(uri);
        expect(lib.type).toBe('totp');
        expect(lib.label).toBe(`${e.issuer}:${e.account}`);
        expect(lib.params).toMatchObject({
          secret: e.secret,
          issuer: e.issuer,
          algorithm: e.totp.algorithm.toLowerCase(),
          digits: e.totp.digits,
          period: e.totp.period,
        });
        expect(parseOtpauth(uri)).toEqual(e);
      }),
    );
  });

  it('real URIs the library refuses or misreads are still read right', () => {
    // Upper-case scheme (some QR generators), HMAC-prefixed algorithm, a #fragment.
    const odd = [
      'OTPAUTH://TOTP/Angel%20One:A1?secret=JBSWY3DPEHPK3PXP&issuer=Angel%20One',
      'otpauth://totp/A1?secret=JBSWY3DPEHPK3PXP&algorithm=HMAC-SHA1',
    ];
    for (const uri of odd) {
      expect(() => libParse(uri)).toThrow();
      expect(parseOtpauth(uri).secret).toBe('JBSWY3DPEHPK3PXP');
    }
    const withFragment = 'otpauth://totp/A1?secret=JBSWY3DPEHPK3PXP#saved';
    expect(libParse(withFragment).params.secret).not.toBe('JBSWY3DPEHPK3PXP');
    expect(parseOtpauth(withFragment).secret).toBe('JBSWY3DPEHPK3PXP');
  });
});
