/**
 * TOTP codes (RFC 6238) through otplib 13, synchronously, so the background can answer
 * "what is the code now" without awaiting anything.
 */
import { createGuardrails, generateSync, NobleCryptoPlugin, ScureBase32Plugin } from 'otplib';
import { decodeBase32, MAX_SECRET_BYTES, MIN_SECRET_BYTES } from './base32';
import type { TotpParams } from './types';

const crypto = new NobleCryptoPlugin();
const base32 = new ScureBase32Plugin();
/**
 * otplib refuses secrets under 16 bytes by default; Angel issues 16-character base32 secrets,
 * which are 10 bytes. Our own validation already requires at least MIN_SECRET_BYTES.
 */
const guardrails = createGuardrails({ MIN_SECRET_BYTES, MAX_SECRET_BYTES });

/** How close to the end of a window (ms) the next code is shown too. */
export const NEXT_CODE_WINDOW_MS = 5000;

export interface TotpWindow {
  code: string;
  /** Milliseconds until this code's window ends. */
  remainingMs: number;
  /** The following window's code when fewer than 5 s remain, else null. */
  next: string | null;
}

function toBytes(secret: string | Uint8Array): Uint8Array {
  return typeof secret === 'string' ? decodeBase32(secret) : secret;
}

/** The code valid at `atMs` (ms since the epoch). `secret` is base32 or raw bytes. */
export function totpCode(secret: string | Uint8Array, params: TotpParams, atMs: number): string {
  return generateSync({
    secret: toBytes(secret),
    algorithm: params.algorithm.toLowerCase() as 'sha1' | 'sha256' | 'sha512',
    digits: params.digits,
    period: params.period,
    epoch: Math.floor(atMs / 1000),
    crypto,
    base32,
    guardrails,
  });
}

/** Milliseconds until the window containing `atMs` ends. Always in (0, period * 1000]. */
export function totpRemainingMs(period: number, atMs: number): number {
  const periodMs = period * 1000;
  return periodMs - (((atMs % periodMs) + periodMs) % periodMs);
}

/** Current code, time left, and the next code within the last NEXT_CODE_WINDOW_MS. */
export function totpWindow(secret: string | Uint8Array, params: TotpParams, atMs: number): TotpWindow {
  const bytes = toBytes(secret);
  const remainingMs = totpRemainingMs(params.period, atMs);
  return {
    code: totpCode(bytes, params, atMs),
    remainingMs,
    next: remainingMs <= NEXT_CODE_WINDOW_MS ? totpCode(bytes, params, atMs + remainingMs) : null,
  };
}
