import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { base64ByteLength, parseEnvelope, EnvelopeError } from '@/utils/vault/envelope';
import { fromBase64, toBase64 } from '@/utils/vault/bytes';

function decodedLength(text: string): number | null {
  try {
    return fromBase64(text).length;
  } catch {
    return null;
  }
}

describe('base64ByteLength (checks base64 without decoding it)', () => {
  it('gives the decoded length of every encoding', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(base64ByteLength(toBase64(bytes))).toBe(bytes.length);
      }),
    );
  });

  it('agrees with the decoder on arbitrary text, base64 or not', () => {
    const alphabet = fc.constantFrom(...'AZaz09+/=-_ \n.'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 24 }), (text) => {
        expect(base64ByteLength(text)).toBe(decodedLength(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses what is not a string or not base64', () => {
    for (const bad of [null, undefined, 42, {}, 'AAA', 'A===', '====', 'AA=A', 'AAAA=', 'AA-_'])
      expect(base64ByteLength(bad)).toBeNull();
    expect(base64ByteLength('')).toBe(0);
    expect(base64ByteLength('AA==')).toBe(1);
    expect(base64ByteLength('AAA=')).toBe(2);
    expect(base64ByteLength('AAAA')).toBe(3);
  });

  it('parseEnvelope still refuses a wrong IV length or a ciphertext shorter than its tag', () => {
    const ok = {
      v: 2,
      kdf: { name: 'PBKDF2-SHA256', iterations: 1000, salt: toBase64(new Uint8Array(16)) },
      wrappedKey: { iv: toBase64(new Uint8Array(12)), ct: toBase64(new Uint8Array(48)) },
      data: { iv: toBase64(new Uint8Array(12)), ct: toBase64(new Uint8Array(16)) },
    };
    expect(parseEnvelope(ok).v).toBe(2);
    const bad = [
      { ...ok, data: { ...ok.data, iv: toBase64(new Uint8Array(11)) } },
      { ...ok, data: { ...ok.data, ct: toBase64(new Uint8Array(15)) } },
      { ...ok, wrappedKey: { ...ok.wrappedKey, ct: 'not base64!' } },
      { ...ok, kdf: { ...ok.kdf, salt: '' } },
    ];
    for (const raw of bad) expect(() => parseEnvelope(raw)).toThrow(EnvelopeError);
  });
});
