import { describe, expect, it } from 'vitest';
import { totpCode, totpRemainingMs, totpWindow } from '@/utils/vault/totp';
import { encodeBase32 } from '@/utils/vault/base32';
import type { TotpParams } from '@/utils/vault/types';

const ascii = (s: string) => new TextEncoder().encode(s);
const SEEDS = {
  SHA1: ascii('12345678901234567890'),
  SHA256: ascii('12345678901234567890123456789012'),
  SHA512: ascii('1234567890123456789012345678901234567890123456789012345678901234'),
};

// RFC 6238, Appendix B.
const VECTORS: Array<[number, string, string, string]> = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

describe('totp', () => {
  it('matches the RFC 6238 test vectors for SHA1, SHA256 and SHA512', () => {
    for (const [t, sha1, sha256, sha512] of VECTORS) {
      const p = (algorithm: TotpParams['algorithm']): TotpParams => ({ algorithm, digits: 8, period: 30 });
      expect(totpCode(SEEDS.SHA1, p('SHA1'), t * 1000)).toBe(sha1);
      expect(totpCode(SEEDS.SHA256, p('SHA256'), t * 1000)).toBe(sha256);
      expect(totpCode(SEEDS.SHA512, p('SHA512'), t * 1000)).toBe(sha512);
      // The same through base32, as secrets are stored.
      expect(totpCode(encodeBase32(SEEDS.SHA1), p('SHA1'), t * 1000 + 999)).toBe(sha1);
    }
  });

  it('gives 6 and 7 digit codes as the low digits of the 8 digit one', () => {
    expect(totpCode(SEEDS.SHA1, { algorithm: 'SHA1', digits: 6, period: 30 }, 59_000)).toBe('287082');
    expect(totpCode(SEEDS.SHA1, { algorithm: 'SHA1', digits: 7, period: 30 }, 59_000)).toBe('4287082');
  });

  it('works with a 10-byte (16 character) secret, which otplib refuses by default', () => {
    const code = totpCode(
      'JBSWY3DPEHPK3PXP',
      { algorithm: 'SHA1', digits: 6, period: 30 },
      1_700_000_000_000,
    );
    expect(code).toMatch(/^\d{6}$/);
  });

  it('honours the period', () => {
    const p60: TotpParams = { algorithm: 'SHA1', digits: 8, period: 60 };
    // With a 60 s period, t=59 is counter 0 and t=1111111109 is counter 18518518.
    const p30: TotpParams = { algorithm: 'SHA1', digits: 8, period: 30 };
    expect(totpCode(SEEDS.SHA1, p60, 59_000)).toBe(totpCode(SEEDS.SHA1, p30, 1_000));
    expect(totpCode(SEEDS.SHA1, p60, 1111111109_000)).toBe(
      totpCode(SEEDS.SHA1, p30, 555555554_000 + 1000 * 0),
    );
  });

  it('reports remaining time and the next code within the last 5 s', () => {
    expect(totpRemainingMs(30, 0)).toBe(30_000);
    expect(totpRemainingMs(30, 29_500)).toBe(500);
    expect(totpRemainingMs(30, 31_000)).toBe(29_000);
    const p: TotpParams = { algorithm: 'SHA1', digits: 8, period: 30 };
    const early = totpWindow(SEEDS.SHA1, p, 1111111080_000);
    expect(early.next).toBeNull();
    const late = totpWindow(SEEDS.SHA1, p, 1111111109_000); // 1 s before the window ends
    expect(late.code).toBe('07081804');
    expect(late.remainingMs).toBe(1000);
    expect(late.next).toBe('14050471');
  });
});
