import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { setCorePageLanguage } from '@/utils/i18n/core';
import { render } from '@/utils/i18n/secretParse';
import {
  Base32Error,
  decodeBase32,
  encodeBase32,
  normaliseBase32,
  parseBase32Secret,
} from '@/utils/vault/base32';

describe('base32', () => {
  it('decodes the RFC 4648 test vectors', () => {
    const vectors: Array<[string, string]> = [
      ['', ''],
      ['f', 'MY======'],
      ['fo', 'MZXQ===='],
      ['foo', 'MZXW6==='],
      ['foob', 'MZXW6YQ='],
      ['fooba', 'MZXW6YTB'],
      ['foobar', 'MZXW6YTBOI======'],
    ];
    for (const [plain, b32] of vectors) {
      expect(new TextDecoder().decode(decodeBase32(b32))).toBe(plain);
      expect(encodeBase32(new TextEncoder().encode(plain))).toBe(b32.replace(/=+$/, ''));
    }
  });

  it('accepts spaces, hyphens, lower case and padding, and normalises them', () => {
    const forms = ['JBSWY3DPEHPK3PXP', 'jbsw y3dp ehpk 3pxp', 'JBSW-Y3DP-EHPK-3PXP', ' jbswy3dpehpk3pxp\n'];
    for (const f of forms) {
      const parsed = parseBase32Secret(f);
      expect(parsed.secret).toBe('JBSWY3DPEHPK3PXP');
      expect(parsed.bytes).toHaveLength(10);
    }
    expect(catchErr(() => parseBase32Secret('MZXW6YTBOI======' + 'MZXW6YTB')).code).toBe('invalid-char');
    expect(normaliseBase32('ab-cd ef==')).toBe('ABCDEF');
    expect(parseBase32Secret('GEZDGNBVGY3TQOJQGEZDGNBVGY======').secret).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY');
  });

  it('names the wrong character and its position', () => {
    const err = catchErr(() => parseBase32Secret('JBSWY3DPEH0K3PXP'));
    expect(err.code).toBe('invalid-char');
    expect(err.char).toBe('0');
    expect(err.position).toBe(11);
    expect(err.msg).toEqual({
      code: 'b32.position',
      params: { position: 11, what: { code: 'b32.zero' } },
    });
    expect(render(err.msg)).toMatch(/Character 11/);
    expect(render(err.msg)).toMatch(/letter O/);
    expect(render(catchErr(() => parseBase32Secret('JBSWY3DPEHPK3PX!')).msg)).toMatch(
      /"!" is not a base32 character/,
    );
    expect(render(catchErr(() => parseBase32Secret('JBSW=Y3DPEHPK3PXP')).msg)).toMatch(
      /only appear at the end/,
    );
  });

  it('says it as a code: the same error reads in the language shown when it is rendered', () => {
    const err = catchErr(() => parseBase32Secret('JBSWY3DPEH0K3PXP'));
    try {
      setCorePageLanguage('hi');
      expect(render(err.msg)).toMatch(/11/);
      expect(render(err.msg)).toMatch(/[\u0900-\u097F]/);
    } finally {
      setCorePageLanguage('en');
    }
    expect(render(err.msg)).toMatch(/^Character 11 of the secret: "0" \(zero\)/);
  });

  it('refuses secrets under 10 bytes, bad lengths and bad padding with typed errors', () => {
    expect(catchErr(() => parseBase32Secret('JBSWY3DPEHPK3')).code).toBe('too-short'); // 13 chars = 8 bytes
    expect(catchErr(() => parseBase32Secret('JBSWY3DPEHPK3P')).code).toBe('bad-length'); // 14 chars: not whole bytes
    expect(catchErr(() => parseBase32Secret('JBSWY3DPEHPK3PXPA')).code).toBe('bad-length'); // 17 chars
    expect(catchErr(() => parseBase32Secret('JBSWY3DPEHPK3PXP=')).code).toBe('bad-padding');
    expect(catchErr(() => parseBase32Secret('   ')).code).toBe('empty');
    expect(catchErr(() => parseBase32Secret('A'.repeat(200))).code).toBe('too-long');
  });

  it('property: any string gives a secret or a Base32Error, never anything else', () => {
    const alphabetish = fc.constantFrom(
      ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz234567 -=018!é\n\t'.split(''),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 80 }),
          fc.string({ unit: 'grapheme', maxLength: 60 }),
          fc.array(alphabetish, { maxLength: 80 }).map((a) => a.join('')),
        ),
        (s) => {
          try {
            const { secret, bytes } = parseBase32Secret(s);
            expect(secret).toMatch(/^[A-Z2-7]+$/);
            expect(bytes.length).toBeGreaterThanOrEqual(10);
            expect(decodeBase32(secret)).toEqual(bytes);
          } catch (err) {
            if (!(err instanceof Base32Error)) throw err;
          }
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('property: encode then decode (in any presentation) gives the bytes back', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 10, maxLength: 64 }),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (bytes, lower, spaced, padded) => {
          let text = encodeBase32(bytes);
          if (padded) text += '='.repeat((8 - (text.length % 8)) % 8);
          if (lower) text = text.toLowerCase();
          if (spaced) text = text.replace(/(.{4})/g, '$1 ');
          const parsed = parseBase32Secret(text);
          expect(Array.from(parsed.bytes)).toEqual(Array.from(bytes));
          expect(parsed.secret).toBe(encodeBase32(bytes));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

function catchErr(fn: () => unknown): Base32Error {
  try {
    fn();
  } catch (err) {
    if (err instanceof Base32Error) return err;
    throw err;
  }
  throw new Error('expected a Base32Error');
}
