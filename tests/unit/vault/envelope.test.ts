import { describe, expect, it } from 'vitest';
import {
  createEnvelope,
  DEFAULT_KDF_ITERATIONS,
  EnvelopeError,
  openData,
  openEnvelope,
  parseEnvelope,
  sealData,
  unwrapVaultKey,
  V1_KDF_ITERATIONS,
  wrapVaultKey,
  type EnvelopeV2,
} from '@/utils/vault/envelope';
import { createV1Envelope } from '../../fixtures/update/v1Envelope';
import { fromBase64, toBase64 } from '@/utils/vault/bytes';

const IT = 1000; // test-only iteration count; production is DEFAULT_KDF_ITERATIONS

async function rejectsWith(p: Promise<unknown>): Promise<EnvelopeError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof EnvelopeError) return err;
    throw err;
  }
  throw new Error('expected an EnvelopeError');
}

function flipByte(b64: string, index = 0): string {
  const bytes = fromBase64(b64);
  const i = index % bytes.length;
  bytes[i] = bytes[i]! ^ 0x01;
  return toBase64(bytes);
}

describe('envelope', () => {
  it('production default is at least 600,000 PBKDF2 iterations', () => {
    expect(DEFAULT_KDF_ITERATIONS).toBeGreaterThanOrEqual(600_000);
  });

  it('round-trips and stores only JSON with base64 strings, saying its version and KDF', async () => {
    const { envelope } = await createEnvelope('correct horse', '{"hello":"world"}', IT);
    const stored = JSON.parse(JSON.stringify(envelope)) as EnvelopeV2;
    expect(stored).toEqual(envelope);
    expect(stored.v).toBe(2);
    expect(stored.kdf).toMatchObject({ name: 'PBKDF2-SHA256', iterations: IT });
    expect(fromBase64(stored.kdf.salt)).toHaveLength(16);
    expect(fromBase64(stored.data.iv)).toHaveLength(12);
    const opened = await openEnvelope(stored, 'correct horse', IT);
    expect(opened.plaintext).toBe('{"hello":"world"}');
    expect(opened.upgraded).toBe(false);
    expect(JSON.stringify(stored)).not.toContain('hello');
  });

  it('uses a fresh IV on every write', async () => {
    const { vaultKey } = await createEnvelope('pw-123456', 'x', IT);
    const ivs = new Set<string>();
    for (let i = 0; i < 20; i++) ivs.add((await sealData(vaultKey, 'same text')).iv);
    expect(ivs.size).toBe(20);
  });

  it('refuses a wrong password', async () => {
    const { envelope } = await createEnvelope('right password', 'data', IT);
    expect((await rejectsWith(openEnvelope(envelope, 'wrong password', IT))).code).toBe('wrong-password');
  });

  it('detects tampering with the data, the IVs, the wrapped key and the KDF settings', async () => {
    const { envelope } = await createEnvelope('pw-123456', '{"accounts":[]}', IT);
    const dataCt = { ...envelope, data: { ...envelope.data, ct: flipByte(envelope.data.ct, 3) } };
    expect((await rejectsWith(openEnvelope(dataCt, 'pw-123456', IT))).code).toBe('damaged');
    const dataTag = {
      ...envelope,
      data: { ...envelope.data, ct: flipByte(envelope.data.ct, -1 + fromBase64(envelope.data.ct).length) },
    };
    expect((await rejectsWith(openEnvelope(dataTag, 'pw-123456', IT))).code).toBe('damaged');
    const dataIv = { ...envelope, data: { ...envelope.data, iv: flipByte(envelope.data.iv) } };
    expect((await rejectsWith(openEnvelope(dataIv, 'pw-123456', IT))).code).toBe('damaged');
    const keyCt = {
      ...envelope,
      wrappedKey: { ...envelope.wrappedKey, ct: flipByte(envelope.wrappedKey.ct, 5) },
    };
    expect((await rejectsWith(openEnvelope(keyCt, 'pw-123456', IT))).code).toBe('wrong-password');
    const salt = { ...envelope, kdf: { ...envelope.kdf, salt: flipByte(envelope.kdf.salt) } };
    expect((await rejectsWith(openEnvelope(salt, 'pw-123456', IT))).code).toBe('wrong-password');
    const iterations = { ...envelope, kdf: { ...envelope.kdf, iterations: IT + 1 } };
    expect((await rejectsWith(openEnvelope(iterations, 'pw-123456', IT))).code).toBe('wrong-password');
    // Swapping the wrapped key into the data slot is caught by the associated data.
    const swapped = { ...envelope, data: envelope.wrappedKey };
    expect((await rejectsWith(openEnvelope(swapped, 'pw-123456', IT))).code).toBe('damaged');
  });

  it('recognises malformed and unknown envelopes with plain reasons', () => {
    const cases: Array<[unknown, string]> = [
      ['not json', 'unreadable'],
      [42, 'unreadable'],
      [{ v: 3 }, 'unsupported-version'],
      [{ v: 2, kdf: { name: 'scrypt', iterations: 1, salt: 'AAAA' } }, 'unreadable'],
      [{ salt: 'AAAA' }, 'unreadable'],
    ];
    for (const [raw, codeWanted] of cases) {
      try {
        parseEnvelope(raw);
        throw new Error('expected an error');
      } catch (err) {
        expect(err).toBeInstanceOf(EnvelopeError);
        expect((err as EnvelopeError).code).toBe(codeWanted);
      }
    }
  });

  it('a password change re-wraps the key only: the data stays as it was', async () => {
    const { envelope, vaultKey } = await createEnvelope('old password', 'secret data', IT);
    const rewrapped: EnvelopeV2 = { ...envelope, ...(await wrapVaultKey(vaultKey, 'new password', IT)) };
    expect(rewrapped.data).toEqual(envelope.data);
    expect(rewrapped.kdf.salt).not.toBe(envelope.kdf.salt);
    expect((await openEnvelope(rewrapped, 'new password', IT)).plaintext).toBe('secret data');
    expect((await rejectsWith(openEnvelope(rewrapped, 'old password', IT))).code).toBe('wrong-password');
    expect(Array.from(await unwrapVaultKey(rewrapped, 'new password'))).toEqual(Array.from(vaultKey));
  });

  it('migrates v1 (no version, data under the password key, 310k iterations) to v2 on open', async () => {
    const v1 = await createV1Envelope('pw-123456', '{"accounts":[{"id":"a"}]}', 500);
    expect(V1_KDF_ITERATIONS).toBe(310_000);
    expect(parseEnvelope(v1).v).toBe(1);
    expect((await rejectsWith(openEnvelope(v1, 'wrong', IT))).code).toBe('wrong-password');
    const opened = await openEnvelope(JSON.parse(JSON.stringify(v1)), 'pw-123456', IT);
    expect(opened).toMatchObject({ upgraded: true, fromVersion: 1, plaintext: '{"accounts":[{"id":"a"}]}' });
    expect(opened.envelope.v).toBe(2);
    expect(opened.envelope.kdf.iterations).toBe(IT);
    const again = await openEnvelope(opened.envelope, 'pw-123456', IT);
    expect(again).toMatchObject({ upgraded: false, fromVersion: 2, plaintext: opened.plaintext });
    expect(await openData(again.vaultKey, opened.envelope.data)).toBe(opened.plaintext);
  });

  it('re-wraps a v2 envelope whose KDF is weaker than the current setting', async () => {
    const { envelope } = await createEnvelope('pw-123456', 'data', 500);
    const opened = await openEnvelope(envelope, 'pw-123456', IT);
    expect(opened.upgraded).toBe(true);
    expect(opened.envelope.kdf.iterations).toBe(IT);
    expect(opened.envelope.data).toEqual(envelope.data);
  });
});
