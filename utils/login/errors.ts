/**
 * What an error on Angel's login page means for the attempt. The page's wording is not
 * documented, so these patterns follow the API's messages (docs/angel.md) and common variants.
 */
import { tp } from '../i18n/inPage';

export type LoginErrorKind =
  | 'wrong-credentials' // wrong PIN, wrong client code: never retry (lockout risk)
  | 'account-locked' // Angel already blocked the account: never retry
  | 'invalid-totp' // may be retried once with the next window's code
  | 'invalid-api-key' // HTTP 403 or a key that is not a Publisher key
  | 'other';

export interface ClassifiedError {
  kind: LoginErrorKind;
  /** Angel's own words, trimmed, for the user to read. */
  angelMessage: string;
}

const PATTERNS: { kind: LoginErrorKind; re: RegExp }[] = [
  {
    kind: 'account-locked',
    re: /\b(account|user|client)\b[^.]{0,40}\b(locked|blocked|suspended|disabled)\b|too many (wrong|invalid|incorrect|failed) attempts/i,
  },
  {
    kind: 'invalid-api-key',
    re: /\b403\b|forbidden|invalid\s*(api|app)\s*key|api\s*key\s*(is\s*)?(invalid|not valid|incorrect)|\bAG8004\b|not a publisher|publisher (api|app)s? (only|required)|access denied/i,
  },
  {
    kind: 'invalid-totp',
    re: /\b(invalid|incorrect|wrong|expired)\b[^.]{0,20}\b(t?otp|code|authenticator)\b|\b(t?otp)\b[^.]{0,20}\b(invalid|incorrect|wrong|expired|mismatch)|\bAB1050\b/i,
  },
  {
    kind: 'wrong-credentials',
    re: /\b(invalid|incorrect|wrong)\b[^.]{0,30}\b(m?pin|password|credentials?|client\s*(code|id)|user\s*id|login\s*id)\b|\b(m?pin|password|credentials?)\b[^.]{0,20}\b(invalid|incorrect|wrong|mismatch)|user id or password is invalid|\bAB100[0127]\b|loginbypassword is not allowed/i,
  },
];

/**
 * Classify an error text (and optionally the HTTP status of the page or of its request).
 * Returns null when the text does not look like an error at all.
 */
export function classifyLoginError(text: string, httpStatus?: number): ClassifiedError | null {
  const angelMessage = text.replace(/\s+/g, ' ').trim().slice(0, 300);
  if (httpStatus === 403)
    return { kind: 'invalid-api-key', angelMessage: angelMessage || 'HTTP 403 Forbidden' };
  if (!angelMessage) return null;
  // A message naming both PIN and TOTP ("Invalid PIN or TOTP") must be treated as a PIN
  // error: retrying could type a wrong PIN again.
  const mentionsPin = /\b(m?pin|password|credentials?|client\s*(code|id)|user\s*id|login\s*id)\b/i.test(
    angelMessage,
  );
  for (const { kind, re } of PATTERNS) {
    if (!re.test(angelMessage)) continue;
    if (kind === 'invalid-totp' && mentionsPin) return { kind: 'wrong-credentials', angelMessage };
    return { kind, angelMessage };
  }
  if (
    /\b(error|failed|invalid|incorrect|wrong|unable|denied|rejected|something went wrong)\b/i.test(
      angelMessage,
    )
  ) {
    return { kind: 'other', angelMessage };
  }
  return null;
}

/** What the user reads for each kind, with what to do next. */
export function explainLoginError(err: ClassifiedError): string {
  const m = err.angelMessage;
  const quoted = m ? ` ${tp('ip.errAngelSaid', { message: m })}${/[.!?।]$/.test(m) ? '' : '.'}` : '';
  // In the user's language: the background follows the stored choice (initPageLanguage).
  switch (err.kind) {
    case 'wrong-credentials':
      return tp('ip.errWrongCredentials', { quoted });
    case 'account-locked':
      return tp('ip.errAccountLocked', { quoted });
    case 'invalid-totp':
      return tp('ip.errInvalidTotp', { quoted });
    case 'invalid-api-key':
      return tp('ip.errInvalidApiKey', { quoted });
    default:
      return tp('ip.errOther', { quoted });
  }
}
