/**
 * The encrypted vault envelope, as stored (JSON, base64 strings only: a CryptoKey or a
 * Uint8Array does not survive extension storage).
 *
 * Current shape (v2):
 *   { v: 2,
 *     kdf: { name: 'PBKDF2-SHA256', iterations, salt },   // salt: 16 random bytes
 *     wrappedKey: { iv, ct },  // the random 256-bit vault key, AES-256-GCM under the password key
 *     data: { iv, ct } }       // the vault JSON, AES-256-GCM under the vault key, fresh IV per write
 * A password change re-wraps the vault key and leaves `data` alone.
 *
 * Earlier shape (v1, pre-release builds of this extension, kept so its upgrade path stays tested):
 *   { salt, iterations: 310000, iv, ciphertext }
 * with no version field and the data encrypted directly under the password key. Unlocking a v1
 * envelope creates a vault key and rewrites it as v2.
 */
import { fromBase64, fromUtf8, randomBytes, toBase64, utf8 } from './bytes';
import { msg, type Msg } from '../i18n/core';
import type { EnvelopeKey } from '../i18n/en.envelope';

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. Tests pass fewer; production never does. */
export const DEFAULT_KDF_ITERATIONS = 600_000;
/** What v1 envelopes used (OWASP's 2021 figure). */
export const V1_KDF_ITERATIONS = 310_000;
const MAX_KDF_ITERATIONS = 10_000_000;

export interface CipherText {
  iv: string; // base64, 12 bytes
  ct: string; // base64, ciphertext + 16-byte GCM tag
}

export interface EnvelopeV2 {
  v: 2;
  kdf: { name: 'PBKDF2-SHA256'; iterations: number; salt: string };
  wrappedKey: CipherText;
  data: CipherText;
}

export interface EnvelopeV1 {
  salt: string;
  iterations: number;
  iv: string;
  ciphertext: string;
}

export type ParsedEnvelope = { v: 1; envelope: EnvelopeV1 } | { v: 2; envelope: EnvelopeV2 };

export type EnvelopeErrorCode = 'unreadable' | 'unsupported-version' | 'wrong-password' | 'damaged';

/**
 * What is wrong with a stored or backed-up envelope: a code for the program and `problem`, a
 * message the UI edge words in the current language (its code is also the Error's message).
 */
export class EnvelopeError extends Error {
  constructor(
    public readonly code: EnvelopeErrorCode,
    public readonly problem: Msg,
  ) {
    super(problem.code);
    this.name = 'EnvelopeError';
  }
}

// Domain separation: a ciphertext made for one purpose cannot be passed off as another.
const AAD_KEY = utf8('SmartAPI Companion vault key v2');
const AAD_DATA = utf8('SmartAPI Companion vault data v2');

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

const B64_CHARS = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * How many bytes a base64 string holds, worked out from its length and padding (the characters
 * are checked, nothing is decoded); null when it is not base64. The stored vault is parsed on
 * every message, so decoding it just to check it would cost a full copy each time.
 */
export function base64ByteLength(x: unknown): number | null {
  if (typeof x !== 'string' || x.length % 4 !== 0 || !B64_CHARS.test(x)) return null;
  const pad = x.endsWith('==') ? 2 : x.endsWith('=') ? 1 : 0;
  return (x.length / 4) * 3 - pad;
}

function isB64(x: unknown, bytes?: number): x is string {
  const n = base64ByteLength(x);
  if (n === null) return false;
  return bytes === undefined ? n > 0 : n === bytes;
}

function isCipherText(x: unknown): x is CipherText {
  return isRecord(x) && isB64(x.iv, 12) && (base64ByteLength(x.ct) ?? 0) >= 16;
}

function validIterations(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_KDF_ITERATIONS;
}

/** Recognise a stored envelope. Throws EnvelopeError saying what is wrong with it. */
export function parseEnvelope(raw: unknown): ParsedEnvelope {
  let value = raw;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      throw new EnvelopeError('unreadable', msg<EnvelopeKey>('env.notJson'));
    }
  }
  if (!isRecord(value)) throw new EnvelopeError('unreadable', msg<EnvelopeKey>('env.notObject'));
  if (value.v === undefined) {
    if (
      isB64(value.salt) &&
      validIterations(value.iterations) &&
      isB64(value.iv, 12) &&
      isB64(value.ciphertext)
    ) {
      return {
        v: 1,
        envelope: {
          salt: value.salt,
          iterations: value.iterations,
          iv: value.iv,
          ciphertext: value.ciphertext,
        },
      };
    }
    throw new EnvelopeError('unreadable', msg<EnvelopeKey>('env.noVersion'));
  }
  if (value.v !== 2) {
    throw new EnvelopeError(
      'unsupported-version',
      msg<EnvelopeKey>('env.newerVersion', { version: JSON.stringify(value.v) ?? String(value.v) }),
    );
  }
  const kdf = value.kdf;
  if (
    !isRecord(kdf) ||
    kdf.name !== 'PBKDF2-SHA256' ||
    !validIterations(kdf.iterations) ||
    !isB64(kdf.salt)
  ) {
    throw new EnvelopeError('unreadable', msg<EnvelopeKey>('env.kdf'));
  }
  if (!isCipherText(value.wrappedKey))
    throw new EnvelopeError('unreadable', msg<EnvelopeKey>('env.wrappedKey'));
  if (!isCipherText(value.data)) throw new EnvelopeError('unreadable', msg<EnvelopeKey>('env.data'));
  return {
    v: 2,
    envelope: {
      v: 2,
      kdf: { name: 'PBKDF2-SHA256', iterations: kdf.iterations, salt: kdf.salt },
      wrappedKey: { iv: value.wrappedKey.iv, ct: value.wrappedKey.ct },
      data: { iv: value.data.iv, ct: value.data.ct },
    },
  };
}

export async function derivePasswordKey(
  password: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', utf8(password), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Import raw vault-key bytes for AES-GCM (non-extractable: only the raw copy we hold exists). */
export function importVaultKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

export async function encrypt(
  key: CryptoKey,
  plain: Uint8Array<ArrayBuffer>,
  aad: Uint8Array<ArrayBuffer>,
): Promise<CipherText> {
  const iv = randomBytes(12);
  const ct = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad }, key, plain),
  );
  return { iv: toBase64(iv), ct: toBase64(ct) };
}

/** Returns null when authentication fails (wrong key or altered bytes). */
export async function decrypt(
  key: CryptoKey,
  box: CipherText,
  aad: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer> | null> {
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(box.iv), additionalData: aad },
      key,
      fromBase64(box.ct),
    );
    return new Uint8Array(plain);
  } catch {
    return null;
  }
}

/** A fresh vault: random vault key wrapped under `password`, `plaintext` sealed under it. */
export async function createEnvelope(
  password: string,
  plaintext: string,
  iterations = DEFAULT_KDF_ITERATIONS,
): Promise<{ envelope: EnvelopeV2; vaultKey: Uint8Array<ArrayBuffer> }> {
  const vaultKey = randomBytes(32);
  const wrapped = await wrapVaultKey(vaultKey, password, iterations);
  const data = await sealData(vaultKey, plaintext);
  return { envelope: { v: 2, ...wrapped, data }, vaultKey };
}

/** kdf + wrappedKey for `vaultKey` under `password`, with a new salt. Used by password change. */
export async function wrapVaultKey(
  vaultKey: Uint8Array<ArrayBuffer>,
  password: string,
  iterations = DEFAULT_KDF_ITERATIONS,
): Promise<Pick<EnvelopeV2, 'kdf' | 'wrappedKey'>> {
  if (!validIterations(iterations)) throw new RangeError('iterations out of range');
  const salt = randomBytes(16);
  const passwordKey = await derivePasswordKey(password, salt, iterations);
  return {
    kdf: { name: 'PBKDF2-SHA256', iterations, salt: toBase64(salt) },
    wrappedKey: await encrypt(passwordKey, vaultKey, AAD_KEY),
  };
}

/** Recover the vault key. Throws EnvelopeError('wrong-password') if the password does not fit. */
export async function unwrapVaultKey(
  envelope: EnvelopeV2,
  password: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const passwordKey = await derivePasswordKey(
    password,
    fromBase64(envelope.kdf.salt),
    envelope.kdf.iterations,
  );
  const raw = await decrypt(passwordKey, envelope.wrappedKey, AAD_KEY);
  if (!raw) throw new EnvelopeError('wrong-password', msg<EnvelopeKey>('env.wrongPassword'));
  if (raw.length !== 32) throw new EnvelopeError('damaged', msg<EnvelopeKey>('env.keyLength'));
  return raw;
}

export async function sealData(vaultKey: Uint8Array<ArrayBuffer>, plaintext: string): Promise<CipherText> {
  return encrypt(await importVaultKey(vaultKey), utf8(plaintext), AAD_DATA);
}

/** Throws EnvelopeError('damaged') when the data was altered or is not text. */
export async function openData(vaultKey: Uint8Array<ArrayBuffer>, data: CipherText): Promise<string> {
  const plain = await decrypt(await importVaultKey(vaultKey), data, AAD_DATA);
  if (!plain) {
    throw new EnvelopeError('damaged', msg<EnvelopeKey>('env.integrity'));
  }
  try {
    return fromUtf8(plain);
  } catch {
    throw new EnvelopeError('damaged', msg<EnvelopeKey>('env.notText'));
  }
}

export interface OpenedEnvelope {
  envelope: EnvelopeV2;
  vaultKey: Uint8Array<ArrayBuffer>;
  plaintext: string;
  /** True when `envelope` differs from what was stored (v1 upgraded, or weaker KDF re-wrapped): save it. */
  upgraded: boolean;
  fromVersion: 1 | 2;
}

/**
 * Unlock any known envelope version with `password`. v1 is migrated to v2; a v2 whose KDF is
 * weaker than `iterations` gets its key re-wrapped. Throws EnvelopeError.
 */
export async function openEnvelope(
  raw: unknown,
  password: string,
  iterations = DEFAULT_KDF_ITERATIONS,
): Promise<OpenedEnvelope> {
  const parsed = parseEnvelope(raw);
  if (parsed.v === 1) {
    const v1 = parsed.envelope;
    const key = await derivePasswordKey(password, fromBase64(v1.salt), v1.iterations);
    let plain: ArrayBuffer;
    try {
      plain = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: fromBase64(v1.iv) },
        key,
        fromBase64(v1.ciphertext),
      );
    } catch {
      // v1 had no separate key: a wrong password and altered data look the same.
      throw new EnvelopeError('wrong-password', msg<EnvelopeKey>('env.wrongPasswordV1'));
    }
    let plaintext: string;
    try {
      plaintext = fromUtf8(new Uint8Array(plain));
    } catch {
      throw new EnvelopeError('damaged', msg<EnvelopeKey>('env.notText'));
    }
    const created = await createEnvelope(password, plaintext, Math.max(iterations, 1));
    return {
      envelope: created.envelope,
      vaultKey: created.vaultKey,
      plaintext,
      upgraded: true,
      fromVersion: 1,
    };
  }
  const envelope = parsed.envelope;
  const vaultKey = await unwrapVaultKey(envelope, password);
  const plaintext = await openData(vaultKey, envelope.data);
  if (envelope.kdf.iterations < iterations) {
    const rewrapped = await wrapVaultKey(vaultKey, password, iterations);
    return { envelope: { ...envelope, ...rewrapped }, vaultKey, plaintext, upgraded: true, fromVersion: 2 };
  }
  return { envelope, vaultKey, plaintext, upgraded: false, fromVersion: 2 };
}
