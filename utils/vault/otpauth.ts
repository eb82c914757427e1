/**
 * otpauth://totp/ URIs (the Key URI Format authenticator apps and QR codes use):
 *   otpauth://totp/ISSUER:ACCOUNT?secret=BASE32&issuer=ISSUER&algorithm=SHA1&digits=6&period=30
 * Parsing never throws anything but OtpauthError.
 */
import { msg } from '../i18n/core';
import { Base32Error, parseBase32Secret, type SecretMsg } from './base32';
import { DEFAULT_TOTP, type TotpAlgorithm, type TotpParams } from './types';

export type OtpauthErrorCode =
  | 'not-otpauth'
  | 'not-totp'
  | 'bad-encoding'
  | 'missing-secret'
  | 'bad-secret'
  | 'bad-algorithm'
  | 'bad-digits'
  | 'bad-period';

export class OtpauthError extends Error {
  constructor(
    public readonly code: OtpauthErrorCode,
    /** For the user, in their language at the UI edge (utils/i18n/secretParse.ts, secretText). */
    public readonly msg: SecretMsg,
  ) {
    super(msg.code);
    this.name = 'OtpauthError';
  }
}

export interface OtpauthTotp {
  /** From the issuer parameter, else the label's "Issuer:" prefix; '' when neither. */
  issuer: string;
  /** The account part of the label (after "Issuer:"). */
  account: string;
  /** Normalised base32. */
  secret: string;
  totp: TotpParams;
}

const MAX_PERIOD = 3600;

export function looksLikeOtpauth(text: string): boolean {
  return /^\s*otpauth:\/\//i.test(text);
}

function decode(part: string, what: 'label' | 'issuer'): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new OtpauthError(
      'bad-encoding',
      msg('otpl.badEscape', { what: msg(what === 'label' ? 'otpl.label' : 'otpl.issuer') }),
    );
  }
}

function parseAlgorithm(raw: string | null): TotpAlgorithm {
  if (raw === null || raw === '') return DEFAULT_TOTP.algorithm;
  const name = raw
    .toUpperCase()
    .replace(/^HMAC-?/, '')
    .replace('-', '');
  if (name === 'SHA1' || name === 'SHA256' || name === 'SHA512') return name;
  throw new OtpauthError('bad-algorithm', msg('otpl.badAlgorithm', { raw }));
}

function parseDigits(raw: string | null): TotpParams['digits'] {
  if (raw === null || raw === '') return DEFAULT_TOTP.digits;
  if (raw === '6' || raw === '7' || raw === '8') return Number(raw) as TotpParams['digits'];
  throw new OtpauthError('bad-digits', msg('otpl.badDigits', { raw: JSON.stringify(raw) }));
}

function parsePeriod(raw: string | null): number {
  if (raw === null || raw === '') return DEFAULT_TOTP.period;
  const n = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PERIOD) {
    throw new OtpauthError(
      'bad-period',
      msg('otpl.badPeriod', { raw: JSON.stringify(raw), max: MAX_PERIOD }),
    );
  }
  return n;
}

export function parseOtpauth(uri: string): OtpauthTotp {
  const text = uri.trim();
  const m = /^otpauth:\/\/([^/?#]*)\/?([^?#]*)(?:\?([^#]*))?(?:#.*)?$/is.exec(text);
  if (!m) {
    throw new OtpauthError('not-otpauth', msg('otpl.notOtpauth'));
  }
  const type = m[1]!.toLowerCase();
  if (type === 'hotp') {
    throw new OtpauthError('not-totp', msg('otpl.hotp'));
  }
  if (type !== 'totp') {
    throw new OtpauthError('not-totp', msg('otpl.otherType', { type: m[1] ?? '' }));
  }
  const label = decode(m[2] ?? '', 'label');
  const params = new URLSearchParams(m[3] ?? '');
  const rawSecret = params.get('secret');
  if (rawSecret === null || rawSecret.trim() === '') {
    throw new OtpauthError('missing-secret', msg('otpl.noSecret'));
  }
  let secret: string;
  try {
    secret = parseBase32Secret(rawSecret).secret;
  } catch (err) {
    if (err instanceof Base32Error)
      throw new OtpauthError('bad-secret', msg('otpl.badSecret', { reason: err.msg }));
    throw err;
  }
  const issuerParam = params.get('issuer')?.trim() ?? '';
  let labelIssuer = '';
  let account = label;
  if (issuerParam !== '' && label.startsWith(`${issuerParam}:`)) {
    // The issuer itself may contain ':'; the parameter tells where the prefix ends.
    account = label.slice(issuerParam.length + 1);
  } else {
    const colon = label.indexOf(':');
    if (colon >= 0) {
      labelIssuer = label.slice(0, colon).trim();
      account = label.slice(colon + 1);
    }
  }
  account = account.trim();
  return {
    issuer: issuerParam !== '' ? issuerParam : labelIssuer,
    account,
    secret,
    totp: {
      algorithm: parseAlgorithm(params.get('algorithm')),
      digits: parseDigits(params.get('digits')),
      period: parsePeriod(params.get('period')),
    },
  };
}

/** encodeURIComponent throws on lone UTF-16 surrogates; replace them with U+FFFD first. */
function encodePart(text: string): string {
  return encodeURIComponent(
    text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'),
  );
}

export function formatOtpauth(entry: OtpauthTotp): string {
  // Without an issuer, an account containing ':' gets an empty issuer prefix so it reads back whole.
  const prefix = entry.issuer ? `${encodePart(entry.issuer)}:` : entry.account.includes(':') ? ':' : '';
  const label = `${prefix}${encodePart(entry.account)}`;
  const query = new URLSearchParams();
  query.set('secret', entry.secret);
  if (entry.issuer) query.set('issuer', entry.issuer);
  query.set('algorithm', entry.totp.algorithm);
  query.set('digits', String(entry.totp.digits));
  query.set('period', String(entry.totp.period));
  // URLSearchParams writes spaces as '+', which some authenticators show literally.
  return `otpauth://totp/${label}?${query.toString().replace(/\+/g, '%20')}`;
}
