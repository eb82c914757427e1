/**
 * Translation for the TOTP-secret and otpauth:// parsers, which run in the content script as
 * well as in the pages and the background: only their own small catalogue, in the core's
 * current language (like inPage.ts for the in-page controls).
 */
import { corePageLanguage, lookup, render, type Language, type Msg, type Params } from './core';
import { enSecretParse, type SecretParseKey } from './en.secretParse';
import { hiSecretParse } from './hi.secretParse';

const SECRET_PARSE: Record<Language, Record<SecretParseKey, string>> = {
  en: enSecretParse,
  hi: hiSecretParse,
};

export function tSecret(key: SecretParseKey, params?: Params): string {
  return lookup(SECRET_PARSE, corePageLanguage(), key, params);
}

/** The text of a parser's message (Base32Error.msg, OtpauthError.msg) in the current language. */
export function secretText(m: Msg<SecretParseKey>): string {
  return render(m, tSecret);
}
