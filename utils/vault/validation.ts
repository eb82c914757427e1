/**
 * The account form's rules: one plain message per field saying what is wrong and how to fix
 * it, and the normalised values to store when nothing is wrong.
 * Pure core (tests/core/modules.json): the messages are codes and values (Msg), worded where
 * they are shown, in the language of that moment.
 */
import { msg, type Msg } from '../i18n/core';
import type { MessageKey } from '../i18n/en';
import { Base32Error, parseBase32Secret } from './base32';
import { looksLikeOtpauth, OtpauthError, parseOtpauth } from './otpauth';
import {
  AUTOTRADER_REDIRECT_URL,
  DEFAULT_TOTP,
  type Account,
  type AccountField,
  type AccountInput,
  type Platform,
  type TotpParams,
} from './types';

/** What a rule says: a catalogue key (the chk.* texts, or a secret parser's) and its values. */
export type CheckMsg = Msg<MessageKey>;
/** One message per field that is wrong. */
export type FieldMsgs = Partial<Record<AccountField, CheckMsg>>;

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

/** Redirect-URL rule shared with other features: returns what is wrong, or null when fine. */
export function redirectUrlProblem(raw: string): CheckMsg | null {
  const value = raw.trim();
  if (value === '') return msg('chk.redirectEmpty');
  if (/\s/.test(value)) return msg('chk.redirectSpace');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return msg('chk.redirectIncomplete');
  }
  if (url.protocol !== 'https:') {
    return msg('chk.redirectHttps', { scheme: url.protocol });
  }
  const host = url.hostname.toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) {
    return msg('chk.redirectLocalhost');
  }
  if (host.startsWith('[') || /^\d{1,3}(\.\d{1,3}){3}$/.test(host)) {
    return msg('chk.redirectIp');
  }
  if (!host.includes('.')) return msg('chk.redirectDomain', { host });
  if (url.username || url.password) return msg('chk.redirectUser');
  return null;
}

/** Validate and normalise the form. `errors` is empty exactly when `value` is set. */
export function checkAccountInput(
  input: AccountInput,
  ctx: ValidationContext,
): { errors: FieldMsgs; value?: NormalisedAccountInput } {
  const errors: FieldMsgs = {};
  const existing = ctx.isEdit ? ctx.existing : undefined;

  const platformRaw = (input as Partial<AccountInput>).platform;
  const platform: Platform = platformRaw === 'SMART_API_M' ? 'SMART_API_M' : 'SMART_API';
  if (platformRaw !== 'SMART_API' && platformRaw !== 'SMART_API_M') {
    errors.platform = msg('chk.platform');
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
      errors.totpSecret = err.msg;
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
  if (label === '') errors.label = msg('chk.labelEmpty');
  else if (label.length > LABEL_MAX) errors.label = msg('chk.labelLong', { n: label.length, max: LABEL_MAX });

  const clientCode = text(input.clientCode).trim().toUpperCase();
  if (clientCode === '') errors.clientCode = msg('chk.clientEmpty');
  else if (/\s/.test(clientCode)) errors.clientCode = msg('chk.clientSpace');
  else if (!/^[A-Z0-9]+$/.test(clientCode)) {
    const bad = [...clientCode].find((c) => !/[A-Z0-9]/.test(c));
    errors.clientCode = msg('chk.clientChars', { bad: bad ?? '' });
  } else if (clientCode.length > CLIENT_CODE_MAX) {
    errors.clientCode = msg('chk.clientLong', { max: CLIENT_CODE_MAX, n: clientCode.length });
  }

  let mpin: string | undefined;
  const mpinRaw = text(input.mpin).replace(/\s+/g, '');
  if (mpinRaw !== '') {
    if (/^\d{4}$/.test(mpinRaw)) mpin = mpinRaw;
    else if (/\D/.test(mpinRaw)) errors.mpin = msg('chk.mpinDigits');
    else errors.mpin = msg('chk.mpinLength', { n: mpinRaw.length });
  } else if (!existing?.secrets.mpin && needsLoginSecrets) {
    errors.mpin = msg('chk.mpinEmpty');
  }

  let apiKey: string | undefined;
  const apiKeyRaw = text(input.apiKey).trim();
  if (apiKeyRaw !== '') {
    if (/\s/.test(apiKeyRaw)) errors.apiKey = msg('chk.apiKeySpace');
    else apiKey = apiKeyRaw;
  }

  let apiSecret: string | undefined;
  const apiSecretRaw = text(input.apiSecret).trim();
  if (apiSecretRaw !== '') {
    if (/\s/.test(apiSecretRaw)) errors.apiSecret = msg('chk.apiSecretSpace');
    else apiSecret = apiSecretRaw;
  }

  const redirectRaw = text(input.redirectUrl).trim();
  const redirectUrl = redirectRaw === '' ? AUTOTRADER_REDIRECT_URL : redirectRaw;
  const redirectProblem = redirectUrlProblem(redirectUrl);
  if (redirectProblem) errors.redirectUrl = redirectProblem;

  const notes = text(input.notes).trim();
  if (notes.length > NOTES_MAX) errors.notes = msg('chk.notesLong', { max: NOTES_MAX, n: notes.length });

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

export function validateAccountInput(input: AccountInput, ctx: ValidationContext): FieldMsgs {
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
