/**
 * Translation for the TOTP-secret and otpauth:// parsers, which run in the content script as
 * well as in the pages and the background: only their own small catalogue, in the core's
 * current language (like inPage.ts for the in-page controls).
 */
import { corePageLanguage, lookup, type Language, type Params } from './core';
import { enSecretParse, type SecretParseKey } from './en.secretParse';
import { hiSecretParse } from './hi.secretParse';

const SECRET_PARSE: Record<Language, Record<SecretParseKey, string>> = {
  en: enSecretParse,
  hi: hiSecretParse,
};

export function tSecret(key: SecretParseKey, params?: Params): string {
  return lookup(SECRET_PARSE, corePageLanguage(), key, params);
}
