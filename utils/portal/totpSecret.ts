/**
 * What enable-totp hands over: a base32 secret shown as text, or an otpauth:// URI decoded
 * from the QR code. Parsed in the background (the trusted side) before it enters the vault,
 * by the same parsers as a secret typed in Options (utils/vault/base32.ts, otpauth.ts): a
 * secret that would not decode into a usable key is refused here, before anything is saved.
 */
import {
  Base32Error,
  MAX_SECRET_BYTES,
  normaliseBase32,
  parseBase32Secret,
  type SecretMsg,
} from '../vault/base32';
import { looksLikeOtpauth, OtpauthError, parseOtpauth } from '../vault/otpauth';
import { DEFAULT_TOTP, type TotpParams } from '../vault/types';

export { normaliseBase32 };

/** Refused: what to tell the user, as a code the UI edge translates (utils/i18n/secretParse.ts). */
export type ParsedTotp = { ok: true; secret: string; params: TotpParams } | { ok: false; problem: SecretMsg };

const BASE32 = /^[A-Z2-7]+$/;
/** Base32 characters of the longest secret the vault accepts. */
const MAX_CHARS = Math.ceil((MAX_SECRET_BYTES * 8) / 5);

/**
 * True for text that looks like a TOTP secret as Angel shows it (16 or more base32 characters)
 * and decodes into a key the vault would accept.
 */
export function looksLikeBase32Secret(text: string): boolean {
  const n = normaliseBase32(text);
  if (n.length < 16 || n.length > MAX_CHARS || !BASE32.test(n)) return false;
  try {
    parseBase32Secret(n);
    return true;
  } catch {
    return false;
  }
}

export function parseTotpInput(input: string): ParsedTotp {
  const text = input.trim();
  try {
    if (looksLikeOtpauth(text) || /^otpauth:/i.test(text)) {
      const entry = parseOtpauth(text);
      return { ok: true, secret: entry.secret, params: { ...entry.totp } };
    }
    return { ok: true, secret: parseBase32Secret(text).secret, params: { ...DEFAULT_TOTP } };
  } catch (err) {
    if (err instanceof Base32Error || err instanceof OtpauthError) return { ok: false, problem: err.msg };
    throw err;
  }
}
