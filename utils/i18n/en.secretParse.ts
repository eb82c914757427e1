/**
 * English texts of the TOTP-secret and otpauth:// parsers (utils/vault/base32.ts, otpauth.ts).
 * Kept apart because the content script parses secrets too: it bundles only these and its
 * in-page texts, not the whole catalogue. `en.ts` spreads them in for every other page.
 */
export const enSecretParse = {
  'b32.zero': '"0" (zero) is not used in base32; it is probably the letter O',
  'b32.one': '"1" (one) is not used in base32; it is probably the letter I or L',
  'b32.eight': '"8" is not used in base32; it is probably the letter B',
  'b32.nine': '"9" is not used in base32 (only the digits 2 to 7 are)',
  'b32.equals': '"=" may only appear at the end, as padding',
  'b32.codepoint': 'the character U+{hex}',
  'b32.notBase32':
    '{shown} is not a base32 character (base32 uses only the letters A to Z and the digits 2 to 7)',
  'b32.position': 'Character {position} of the secret: {what}.',
  'b32.padding':
    'The "=" padding at the end of the secret does not fit its length. Remove the "=" signs and try again.',
  'b32.length':
    'The secret has {n} characters, which no base32 secret can have: a character is probably missing or extra. Copy the whole key again.',
  'b32.empty': "Enter the TOTP secret (the key shown under the QR code on Angel's enable-TOTP page).",
  'b32.short':
    'The secret is too short: {n} bytes, at least {min} are needed ({chars} or more characters). Copy the whole key again.',
  'b32.long':
    'The secret is too long for a TOTP key ({n} bytes, at most {max}). Check that you pasted only the key.',
  'otpl.label': 'label',
  'otpl.issuer': 'issuer',
  'otpl.badEscape':
    'The {what} of the otpauth:// link has a broken %-escape. Copy the link again from its source.',
  'otpl.badAlgorithm': 'The link asks for the algorithm "{raw}"; only SHA1, SHA256 and SHA512 are supported.',
  'otpl.badDigits': 'The link asks for {raw} digits; only 6, 7 or 8 digit codes are supported.',
  'otpl.badPeriod':
    "The link's period {raw} is not usable: it must be a whole number of seconds from 1 to {max}.",
  'otpl.notOtpauth':
    'This is not an otpauth:// link. Paste the base32 key itself, or a link that starts with otpauth://totp/.',
  'otpl.hotp':
    "This link is for a counter-based code (HOTP). Angel uses time-based codes (TOTP): use the key from Angel's enable-TOTP page.",
  'otpl.otherType': 'This otpauth:// link is of type "{type}"; only otpauth://totp/ links are supported.',
  'otpl.noSecret': 'The otpauth:// link has no secret in it. Copy the full link (or the key itself) again.',
  'otpl.badSecret': 'The secret in the link is not usable. {reason}',
} as const;

export type SecretParseKey = keyof typeof enSecretParse;
