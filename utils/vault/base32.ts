/**
 * Base32 (RFC 4648, the alphabet authenticator apps use) for TOTP secrets.
 *
 * People paste secrets in many shapes: grouped with spaces or hyphens, in lower case, with
 * '=' padding. `normaliseBase32` accepts all of those; `parseBase32Secret` then says exactly
 * what is wrong with anything it cannot use.
 */
import { msg, type Msg } from '../i18n/core';
import type { SecretParseKey } from '../i18n/en.secretParse';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Angel's secrets are 16+ characters (10+ bytes); shorter ones are almost surely cut off. */
export const MIN_SECRET_BYTES = 10;
/** HMAC keys longer than this are not TOTP secrets anyone issues (otplib's limit too). */
export const MAX_SECRET_BYTES = 64;

export type Base32ErrorCode =
  'empty' | 'invalid-char' | 'bad-padding' | 'bad-length' | 'too-short' | 'too-long';

/** What the user is told: a key of the secret-parser catalogue (en.secretParse.ts) and its values. */
export type SecretMsg = Msg<SecretParseKey>;

export class Base32Error extends Error {
  constructor(
    public readonly code: Base32ErrorCode,
    /** For the user, in their language at the UI edge (utils/i18n/secretParse.ts, secretText). */
    public readonly msg: SecretMsg,
    /** For 'invalid-char': the offending character and its 1-based position in what was typed. */
    public readonly char?: string,
    public readonly position?: number,
  ) {
    super(msg.code);
    this.name = 'Base32Error';
  }
}

/** Upper case, without spaces, hyphens or trailing '=' padding. Does not validate. */
export function normaliseBase32(input: string): string {
  return input
    .replace(/[\s-]+/g, '')
    .toUpperCase()
    .replace(/=+$/, '');
}

function describeChar(ch: string): SecretMsg {
  if (ch === '0') return msg('b32.zero');
  if (ch === '1') return msg('b32.one');
  if (ch === '8') return msg('b32.eight');
  if (ch === '9') return msg('b32.nine');
  if (ch === '=') return msg('b32.equals');
  const shown = /[\p{L}\p{N}\p{P}\p{S}]/u.test(ch)
    ? `"${ch}"`
    : msg('b32.codepoint', { hex: ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0') });
  return msg('b32.notBase32', { shown });
}

/** Throws Base32Error('invalid-char') naming the first character that cannot be base32. */
function checkCharacters(input: string): void {
  const trimmedPadding = input.replace(/[\s-]*(=[\s-]*)+$/, '');
  let position = 0;
  for (const ch of trimmedPadding) {
    position += 1;
    if (/[\s-]/.test(ch)) continue;
    if (!/^[A-Za-z2-7]$/.test(ch)) {
      throw new Base32Error(
        'invalid-char',
        msg('b32.position', { position, what: describeChar(ch) }),
        ch,
        position,
      );
    }
  }
}

/** Decode base32 (any case, spaces, hyphens and padding allowed). Throws Base32Error. */
export function decodeBase32(input: string): Uint8Array<ArrayBuffer> {
  checkCharacters(input);
  const clean = normaliseBase32(input);
  const trailing = /[\s=-]*$/.exec(input)?.[0] ?? '';
  const padding = trailing.replace(/[^=]/g, '').length;
  if (padding > 0 && (padding >= 8 || (clean.length + padding) % 8 !== 0)) {
    throw new Base32Error('bad-padding', msg('b32.padding'));
  }
  // 1, 3 or 6 leftover characters cannot come from whole bytes: a character is missing or extra.
  if ([1, 3, 6].includes(clean.length % 8)) {
    throw new Base32Error('bad-length', msg('b32.length', { n: clean.length }));
  }
  const out = new Uint8Array(Math.floor((clean.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const ch of clean) {
    buffer = (buffer << 5) | ALPHABET.indexOf(ch);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (buffer >> bits) & 0xff;
    }
    buffer &= (1 << bits) - 1;
  }
  return out;
}

/** Encode without padding (the stored form of TOTP secrets). */
export function encodeBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

export interface Base32Secret {
  /** Normalised: upper case, no separators, no padding. */
  secret: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/** Validate a typed or pasted TOTP secret. Throws Base32Error with a message (code) for the user. */
export function parseBase32Secret(input: string, minBytes = MIN_SECRET_BYTES): Base32Secret {
  if (normaliseBase32(input) === '' && !/[^\s=-]/.test(input)) {
    throw new Base32Error('empty', msg('b32.empty'));
  }
  const bytes = decodeBase32(input);
  if (bytes.length < minBytes) {
    throw new Base32Error(
      'too-short',
      msg('b32.short', { n: bytes.length, min: minBytes, chars: Math.ceil((minBytes * 8) / 5) }),
    );
  }
  if (bytes.length > MAX_SECRET_BYTES) {
    throw new Base32Error('too-long', msg('b32.long', { n: bytes.length, max: MAX_SECRET_BYTES }));
  }
  // Keep the characters the user gave (normalised): they decode to exactly these bytes.
  return { secret: normaliseBase32(input), bytes };
}
