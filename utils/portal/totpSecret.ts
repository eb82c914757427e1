/**
 * What enable-totp hands over: a base32 secret shown as text, or an otpauth:// URI decoded
 * from the QR code. Parsed in the background (the trusted side) before it enters the vault.
 */
import type { TotpAlgorithm, TotpParams } from '../vault/types';
import { DEFAULT_TOTP } from '../vault/types';

export type ParsedTotp = { ok: true; secret: string; params: TotpParams } | { ok: false; message: string };

const BASE32 = /^[A-Z2-7]+$/;

/** Upper case, no spaces/dashes/padding. */
export function normaliseBase32(text: string): string {
  return text.replace(/[\s-]/g, '').replace(/=+$/, '').toUpperCase();
}

/** True for text that looks like a TOTP secret as Angel shows it (16-64 base32 characters). */
export function looksLikeBase32Secret(text: string): boolean {
  const n = normaliseBase32(text);
  return n.length >= 16 && n.length <= 64 && BASE32.test(n);
}

function checkSecret(secret: string): ParsedTotp | null {
  if (!BASE32.test(secret)) {
    return {
      ok: false,
      message:
        'The secret key has characters a TOTP key never has (only A-Z and 2-7). Copy the key shown under the QR code.',
    };
  }
  if (secret.length < 16) {
    return {
      ok: false,
      message: 'The secret key is too short (under 16 characters). Copy the whole key shown by Angel.',
    };
  }
  return null;
}

export function parseTotpInput(input: string): ParsedTotp {
  const text = input.trim();
  if (/^otpauth:/i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return {
        ok: false,
        message: 'The QR code holds an address that could not be read. Copy the secret key text instead.',
      };
    }
    // Non-special schemes put "totp" in the host (or the path start, depending on the engine).
    const kind = (url.host || url.pathname.replace(/^\/+/, '').split('/')[0] || '').toLowerCase();
    if (kind !== 'totp') {
      return {
        ok: false,
        message: 'The QR code is not a time-based (TOTP) code. Copy the secret key text instead.',
      };
    }
    const secret = normaliseBase32(url.searchParams.get('secret') ?? '');
    const bad = checkSecret(secret);
    if (bad) return bad;
    const algorithm = (url.searchParams.get('algorithm') ?? 'SHA1').toUpperCase().replace('-', '');
    if (!['SHA1', 'SHA256', 'SHA512'].includes(algorithm)) {
      return {
        ok: false,
        message: `The QR code asks for the algorithm ${algorithm}, which is not supported.`,
      };
    }
    const digits = Number(url.searchParams.get('digits') ?? '6');
    if (digits !== 6 && digits !== 7 && digits !== 8) {
      return {
        ok: false,
        message: `The QR code asks for ${digits}-digit codes; only 6, 7 or 8 are supported.`,
      };
    }
    const period = Number(url.searchParams.get('period') ?? '30');
    if (!Number.isInteger(period) || period < 10 || period > 300) {
      return {
        ok: false,
        message: `The QR code asks for a ${period}-second period, which is not supported.`,
      };
    }
    return { ok: true, secret, params: { algorithm: algorithm as TotpAlgorithm, digits, period } };
  }
  const secret = normaliseBase32(text);
  const bad = checkSecret(secret);
  if (bad) return bad;
  return { ok: true, secret, params: { ...DEFAULT_TOTP } };
}
