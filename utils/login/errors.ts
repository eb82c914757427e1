/**
 * What an error on Angel's login page means for the attempt. The page's wording is not
 * documented, so these patterns follow the API's messages (docs/angel.md) and common variants.
 * Pure core (tests/core/modules.json): the explanation is a message (codes and values, Angel's
 * words kept verbatim as a value), turned into text where it is shown, in the language then.
 */
import { msg, type Msg } from '../i18n/core';
import type { InPageKey } from '../i18n/en.portal-login';
import type { PopupKey } from '../i18n/en.popup';

/** A login failure's explanation: in-page codes, with Angel's words quoted by a popup code. */
export type LoginErrorMsg = Msg<InPageKey | PopupKey>;

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
  /** Wrong PIN: how many tries Angel says are left before it blocks the account, when it says. */
  attemptsLeft?: number;
}

/** "Account is locked", "User blocked", "Too many invalid attempts": a lock in force now. */
const LOCKED_NOW =
  /\b(account|user|client|id|m?pin)\b[^.]{0,40}\b(locked|blocked|suspended|disabled)\b|too many (wrong|invalid|incorrect|failed|unsuccessful) (attempts|tries)/i;
/**
 * A sentence that only warns about a lock to come ("before your account is blocked", "will be
 * locked after 5 wrong attempts"): its lock words do not mean locked now.
 */
const LOCK_TO_COME =
  /\b(before|will|would|may|might|could|can|shall|if|unless|otherwise|avoid|prevent|after)\b[^.]{0,40}\b(locked|blocked|suspended|disabled)\b/i;

const NUMBER_WORDS: Record<string, number> = {
  no: 0,
  zero: 0,
  one: 1,
  a: 1,
  an: 1,
  last: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
};
const COUNT = '(\\d{1,2}|no|zero|one|an?|last|two|three|four|five)';
const TRIES = '(?:more\\s+|wrong\\s+|invalid\\s+)?(?:attempt|tries|try|chance)(?:\\(s\\)|s|es)?';
/** "2 attempts left", "1 attempt(s) remaining", "last attempt left", "Remaining attempts: 3". */
const LEFT_PATTERNS = [
  new RegExp(`\\b${COUNT}\\s+${TRIES}\\s+(?:is\\s+|are\\s+)?(?:left|remaining)\\b`, 'i'),
  new RegExp(`\\b(?:remaining|left)\\s+${TRIES}\\s*(?:is|are|:|-)?\\s*${COUNT}\\b`, 'i'),
  new RegExp(`\\b${TRIES}\\s+(?:left|remaining)\\s*(?:is|are|:|-)?\\s*${COUNT}\\b`, 'i'),
];

/** How many tries Angel says are left, or undefined when it does not say. */
export function attemptsLeftIn(text: string): number | undefined {
  for (const re of LEFT_PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const word = m[1]!.toLowerCase();
    const n = /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word];
    if (n !== undefined) return n;
  }
  return undefined;
}

/** Does the text say the account is locked or blocked now (not only that it will be)? */
export function saysLockedNow(text: string): boolean {
  return text.split(/(?<=[.!?;])\s+|\s*[()]\s*/).some(
    (sentence) =>
      LOCKED_NOW.test(sentence) &&
      !LOCK_TO_COME.test(sentence) &&
      // "blocked ... 2 attempts left" counts down; "blocked as no attempts are left" does not.
      !((attemptsLeftIn(sentence) ?? 0) > 0),
  );
}

const PATTERNS: { kind: LoginErrorKind; re: RegExp }[] = [
  {
    kind: 'account-locked',
    re: LOCKED_NOW,
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
 * Angel's words as the page shows them: spaces within a line collapsed, blank lines dropped,
 * line breaks kept ("403 Forbidden" and "Invalid API Key." stay two lines, not run together).
 */
export function keepLines(text: string): string {
  return text
    .split(/\r?\n|\r/)
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n')
    .slice(0, 300);
}

/**
 * Classify an error text (and optionally the HTTP status of the page or of its request).
 * Returns null when the text does not look like an error at all.
 */
export function classifyLoginError(text: string, httpStatus?: number): ClassifiedError | null {
  const angelMessage = keepLines(text);
  if (httpStatus === 403)
    return { kind: 'invalid-api-key', angelMessage: angelMessage || 'HTTP 403 Forbidden' };
  if (!angelMessage) return null;
  // A message naming both PIN and TOTP ("Invalid PIN or TOTP") must be treated as a PIN
  // error: retrying could type a wrong PIN again.
  const mentionsPin = /\b(m?pin|password|credentials?|client\s*(code|id)|user\s*id|login\s*id)\b/i.test(
    angelMessage,
  );
  const attemptsLeft = attemptsLeftIn(angelMessage);
  const wrongPin = (): ClassifiedError =>
    attemptsLeft === undefined
      ? { kind: 'wrong-credentials', angelMessage }
      : { kind: 'wrong-credentials', angelMessage, attemptsLeft };
  for (const { kind, re } of PATTERNS) {
    if (kind === 'account-locked') {
      if (saysLockedNow(angelMessage)) return { kind, angelMessage };
      continue;
    }
    if (!re.test(angelMessage)) continue;
    if (kind === 'invalid-totp' && mentionsPin) return wrongPin();
    if (kind === 'wrong-credentials') return wrongPin();
    return { kind, angelMessage };
  }
  // "2 attempts left before your account is blocked" with no other words: a wrong PIN.
  if (attemptsLeft !== undefined) return wrongPin();
  if (
    /\b(error|failed|invalid|incorrect|wrong|unable|denied|rejected|something went wrong)\b/i.test(
      angelMessage,
    )
  ) {
    return { kind: 'other', angelMessage };
  }
  return null;
}

/** What the user reads for each kind, with what to do next, as a message. */
export function explainLoginError(err: ClassifiedError): LoginErrorMsg {
  const m = err.angelMessage;
  const quoted = m
    ? msg<PopupKey>('popup.errQuoted', {
        said: msg<InPageKey>('ip.errAngelSaid', { message: m }),
        end: /[.!?।]$/.test(m) ? '' : '.',
      })
    : '';
  switch (err.kind) {
    case 'wrong-credentials':
      if (err.attemptsLeft === undefined) return msg('ip.errWrongCredentials', { quoted });
      return err.attemptsLeft === 1
        ? msg('ip.errWrongPinOneLeft', { quoted })
        : msg('ip.errWrongPinLeft', { quoted, left: err.attemptsLeft });
    case 'account-locked':
      return msg('ip.errAccountLocked', { quoted });
    case 'invalid-totp':
      return msg('ip.errInvalidTotp', { quoted });
    case 'invalid-api-key':
      return msg('ip.errInvalidApiKey', { quoted });
    default:
      return msg('ip.errOther', { quoted });
  }
}
