import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateSecret, hmacSha256Hex, signedHeaders, signedMessage } from '@/utils/delivery/sign';
import { computeSignature, verifySignature } from '../../../examples/token-receiver/server.mjs';

describe('webhook signature', () => {
  it('matches the RFC 4231 HMAC-SHA256 test case 2', async () => {
    expect(await hmacSha256Hex('Jefe', 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('signs `${timestamp}.${body}` with the UTF-8 bytes of the secret (checked with node:crypto)', async () => {
    const secret = 'a3f1c0de'.repeat(8);
    const body = '{"event_id":"0b7e8c9a-1111-4222-8333-944455556666","client_code":"Ä123"}';
    const ts = 1_764_316_800;
    const expected = createHmac('sha256', Buffer.from(secret, 'utf8'))
      .update(`${ts}.${body}`, 'utf8')
      .digest('hex');
    const headers = await signedHeaders(secret, 'evt-1', body, ts * 1000 + 999);
    expect(headers['X-Timestamp']).toBe(String(ts));
    expect(headers['X-Signature']).toBe(expected);
    expect(headers['Idempotency-Key']).toBe('evt-1');
    expect(signedMessage(ts, body)).toBe(`${ts}.${body}`);
  });

  it('agrees with the example receiver for any secret, time and body', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1 }),
        fc.integer({ min: 0, max: 4_000_000_000 }),
        fc.string(),
        async (secret, ts, body) => {
          const mine = await hmacSha256Hex(secret, `${ts}.${body}`);
          return mine === computeSignature(secret, ts, body) && verifySignature(secret, ts, body, mine);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a changed body, time or secret no longer verifies', async () => {
    const secret = generateSecret();
    const sig = await hmacSha256Hex(secret, '100.{"a":1}');
    expect(verifySignature(secret, 100, '{"a":1}', sig)).toBe(true);
    expect(verifySignature(secret, 100, '{"a":2}', sig)).toBe(false);
    expect(verifySignature(secret, 101, '{"a":1}', sig)).toBe(false);
    expect(verifySignature(generateSecret(), 100, '{"a":1}', sig)).toBe(false);
    expect(verifySignature(secret, 100, '{"a":1}', sig.slice(0, 63))).toBe(false);
    expect(verifySignature(secret, 100, '{"a":1}', undefined)).toBe(false);
  });

  it('secrets are 32 random bytes in hex', () => {
    const a = generateSecret();
    const b = generateSecret();
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toBe(b);
  });
});
