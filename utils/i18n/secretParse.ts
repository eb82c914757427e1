/**
 * The TOTP-secret and otpauth:// parsers' texts, which the content script shows as well as the
 * pages and the background: importing this module adds only their own small catalogue.
 * A parser's message (Base32Error.msg, OtpauthError.msg) is shown with render(msg).
 */
import { withTexts } from './core';
import { enSecretParse } from './en.secretParse';
import { hiSecretParse } from './hi.secretParse';

export type { SecretParseKey } from './en.secretParse';

export const t = withTexts({ en: enSecretParse, hi: hiSecretParse });

/** A parser's message in the current language; importing it from here adds the parser's texts. */
export { render } from './core';
