/**
 * The account form's rules: one plain message per field saying what is wrong and how to fix
 * it, and the normalised values to store when nothing is wrong.
 */
import { render } from '../i18n/secretParse';
import { t } from '../i18n/text';
import { Base32Error, parseBase32Secret } from './base32';
import { looksLikeOtpauth, OtpauthError, parseOtpauth } from './otpauth';
import {
  AUTOTRADER_REDIRECT_URL,
  DEFAULT_TOTP,
  type Account,
  type AccountInput,
  type FieldErrors,
  type Platform,
  type TotpParams,
} from './types';

export const LABEL_MAX = 60;
export const CLIENT_CODE_MAX = 20;
export const NOTES_MAX = 2000;

export interface ValidationContext {
  /** Editing an existing account: empty secret fields keep what is stored. */
  isEdit: boolean;
  existing?: Account;
}

/** What will be stored; `undefined` secret members mean "keep the stored value". */
export interface NormalisedAccountInput {
  label: string;
  clientCode: string;
  platform: Platform;
  redirectUrl: string;
  notes: string;
  dailyLogin: boolean;
  autoFill: boolean;
  mpin?: string;
  totp?: { secret: string; params: TotpParams };
  apiKey?: string;
  apiSecret?: string;
}

function text(x: unknown): string {
  return typeof x === 'string' ? x : '';
}

/** Redirect-URL rule shared with other features: returns an error message, or null when fine. */
export function redirectUrlProblem(raw: string): string | null {
  const value = raw.trim();
  if (value === '') return t('chk.redirectEmpty');
  if (/\s/.test(value)) return t('chk.redirectSpace');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return t('chk.redirectIncomplete');
  }
  if (url.protocol !== 'https:') {
    return t('chk.redirectHttps', { scheme: url.protocol });
  }
  const host = url.hostname.toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) {
    return t('chk.redirectLocalhost');
  }
  if (host.startsWith('[') || /^\d{1,3}(\.\d{1,3}){3}$/.test(host)) {
    return t('chk.redirectIp');
  }
  if (!host.includes('.')) return t('chk.redirectDomain', { host });
  if (url.username || url.password) return t('chk.redirectUser');
  return null;
}

/** Validate and normalise the form. `errors` is empty exactly when `value` is set. */
export function checkAccountInput(
  input: AccountInput,
  ctx: ValidationContext,
): { errors: FieldErrors; value?: NormalisedAccountInput } {
  const errors: FieldErrors = {};
  const existing = ctx.isEdit ? ctx.existing : undefined;

  const platformRaw = (input as Partial<AccountInput>).platform;
  const platform: Platform = platformRaw === 'SMART_API_M' ? 'SMART_API_M' : 'SMART_API';
  if (platformRaw !== 'SMART_API' && platformRaw !== 'SMART_API_M') {
    errors.platform = t('chk.platform');
  }
  const needsLoginSecrets = platform === 'SMART_API';

  let totpFromUri: { issuer: string; account: string } | undefined;
  let totp: NormalisedAccountInput['totp'];
  const totpRaw = text(input.totpSecret).trim();
  if (totpRaw !== '') {
    try {
      if (looksLikeOtpauth(totpRaw)) {
        const parsed = parseOtpauth(totpRaw);
        totp = { secret: parsed.secret, params: parsed.totp };
        totpFromUri = parsed;
      } else {
        totp = { secret: parseBase32Secret(totpRaw).secret, params: { ...DEFAULT_TOTP } };
      }
    } catch (err) {
      if (!(err instanceof Base32Error || err instanceof OtpauthError)) throw err;
      errors.totpSecret = render(err.msg);
    }
  }
  // An empty TOTP secret or API key is allowed: the guided setup saves the account first and
  // captures both later from Angel's portal (enable-totp, My APIs). Logins and validation
  // refuse to start until they are there, and the setup checklist shows them as "to do".

  let label = text(input.label).trim();
  if (label === '' && totpFromUri?.account) {
    label = (totpFromUri.issuer ? `${totpFromUri.issuer} ${totpFromUri.account}` : totpFromUri.account).slice(
      0,
      LABEL_MAX,
    );
  }
  if (label === '') errors.label = t('chk.labelEmpty');
  else if (label.length > LABEL_MAX) errors.label = t('chk.labelLong', { n: label.length, max: LABEL_MAX });

  const clientCode = text(input.clientCode).trim().toUpperCase();
  if (clientCode === '') errors.clientCode = t('chk.clientEmpty');
  else if (/\s/.test(clientCode)) errors.clientCode = t('chk.clientSpace');
  else if (!/^[A-Z0-9]+$/.test(clientCode)) {
    const bad = [...clientCode].find((c) => !/[A-Z0-9]/.test(c));
    errors.clientCode = t('chk.clientChars', { bad: bad ?? '' });
  } else if (clientCode.length > CLIENT_CODE_MAX) {
    errors.clientCode = t('chk.clientLong', { max: CLIENT_CODE_MAX, n: clientCode.length });
  }

  let mpin: string | undefined;
  const mpinRaw = text(input.mpin).replace(/\s+/g, '');
  if (mpinRaw !== '') {
    if (/^\d{4}$/.test(mpinRaw)) mpin = mpinRaw;
    else if (/\D/.test(mpinRaw)) errors.mpin = t('chk.mpinDigits');
    else errors.mpin = t('chk.mpinLength', { n: mpinRaw.length });
  } else if (!existing?.secrets.mpin && needsLoginSecrets) {
    errors.mpin = t('chk.mpinEmpty');
  }

  let apiKey: string | undefined;
  const apiKeyRaw = text(input.apiKey).trim();
  if (apiKeyRaw !== '') {
    if (/\s/.test(apiKeyRaw)) errors.apiKey = t('chk.apiKeySpace');
    else apiKey = apiKeyRaw;
  }

  let apiSecret: string | undefined;
  const apiSecretRaw = text(input.apiSecret).trim();
  if (apiSecretRaw !== '') {
    if (/\s/.test(apiSecretRaw)) errors.apiSecret = t('chk.apiSecretSpace');
    else apiSecret = apiSecretRaw;
  }

  const redirectRaw = text(input.redirectUrl).trim();
  const redirectUrl = redirectRaw === '' ? AUTOTRADER_REDIRECT_URL : redirectRaw;
  const redirectProblem = redirectUrlProblem(redirectUrl);
  if (redirectProblem) errors.redirectUrl = redirectProblem;

  const notes = text(input.notes).trim();
  if (notes.length > NOTES_MAX) errors.notes = t('chk.notesLong', { max: NOTES_MAX, n: notes.length });

  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors,
    value: {
      label,
      clientCode,
      platform,
      redirectUrl,
      notes,
      dailyLogin: input.dailyLogin === true,
      autoFill: input.autoFill === true,
      mpin,
      totp,
      apiKey,
      apiSecret,
    },
  };
}

export function validateAccountInput(input: AccountInput, ctx: ValidationContext): FieldErrors {
  return checkAccountInput(input, ctx).errors;
}

/** The account to store: `value` over `existing` (secrets kept where `value` has none). */
export function applyAccountInput(
  value: NormalisedAccountInput,
  existing: Account | undefined,
  id: string,
): Account {
  const account: Account = {
    id,
    label: value.label,
    clientCode: value.clientCode,
    platform: value.platform,
    redirectUrl: value.redirectUrl,
    notes: value.notes,
    totp: value.totp ? { ...value.totp.params } : existing ? { ...existing.totp } : { ...DEFAULT_TOTP },
    dailyLogin: value.dailyLogin,
    autoFill: value.autoFill,
    secrets: {
      mpin: value.mpin ?? existing?.secrets.mpin ?? '',
      totpSecret: value.totp?.secret ?? existing?.secrets.totpSecret ?? '',
      apiKey: value.apiKey ?? existing?.secrets.apiKey ?? '',
      ...((value.apiSecret ?? existing?.secrets.apiSecret)
        ? { apiSecret: value.apiSecret ?? existing?.secrets.apiSecret }
        : {}),
    },
  };
  // Tokens belong to a client code and API key: keep them only if neither changed.
  if (
    existing?.tokens &&
    existing.clientCode === account.clientCode &&
    existing.secrets.apiKey === account.secrets.apiKey
  ) {
    account.tokens = existing.tokens;
  }
  return account;
}
