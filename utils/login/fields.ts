/**
 * Which login field an input is, decided the way a person reads the page: its label,
 * placeholder, aria attributes, nearby text, type, and how many characters it takes.
 * Pure: the content script turns DOM inputs into `FieldClues` and asks here.
 */
export type LoginField = 'clientCode' | 'pin' | 'totp';

export interface FieldClues {
  /** Label, placeholder, aria-label, name, id, autocomplete and nearby text, joined. */
  text: string;
  /** input type attribute, lower case ('text' when absent). */
  type: string;
  inputMode: string;
  /** maxlength of one input, or -1. */
  maxLength: number;
  /** 1 for a single input; N for a row of one-character boxes read as one field. */
  boxes: number;
}

const CLIENT_RE =
  /client\s*(code|id)|user\s*(name|id)|login\s*id|\bclient\b|\bucc\b|angel\s*(one\s*)?id|\bmobile\b|username/i;
const PIN_RE = /\bm-?pin\b|\bpin\b|pass\s*code|passcode/i;
/** A "Password" is weaker evidence: it is the MPIN only when no field says PIN (see detectStep). */
const PASSWORD_RE = /password/i;
const TOTP_RE =
  /\btotp\b|authenticator|\botp\b|one[-\s]?time|verification\s*code|\b2fa\b|two[-\s]?factor|auth(entication)?\s*code|6[-\s]?digit/i;

/** Score each kind; the highest positive score wins. */
export function scoreField(c: FieldClues): Record<LoginField, number> {
  const s: Record<LoginField, number> = { clientCode: 0, pin: 0, totp: 0 };
  const text = c.text.toLowerCase();
  if (TOTP_RE.test(text)) s.totp += 6;
  if (PIN_RE.test(text)) s.pin += 5;
  else if (PASSWORD_RE.test(text)) s.pin += 3;
  if (CLIENT_RE.test(text)) s.clientCode += 5;
  // "Enter OTP or TOTP" pages mention both PIN-ish and TOTP words rarely; a client code
  // label often says "Client ID / Mobile": keep the strongest textual hint.
  const chars = c.boxes > 1 ? c.boxes : c.maxLength;
  if (chars === 4) s.pin += 3;
  if (chars === 6) s.totp += 3;
  if (chars >= 7 || chars === -1) s.clientCode += 1;
  if (c.type === 'password') s.pin += 2;
  const numeric =
    c.inputMode === 'numeric' || c.inputMode === 'decimal' || c.type === 'number' || c.type === 'tel';
  if (numeric) {
    s.pin += 1;
    s.totp += 1;
  } else if (c.type === 'text' || c.type === 'email') {
    s.clientCode += 1;
  }
  if (/one-time-code/.test(text)) s.totp += 4;
  if (/\busername\b/.test(text)) s.clientCode += 2;
  if (/current-password/.test(text)) s.pin += 2;
  return s;
}

/**
 * The fields the page asks for now, in page order, one input (or box row) per kind.
 * When two inputs look like the same kind, the better-scoring one takes it and the other
 * is tried for the kind it scores next best.
 */
export function detectStep(fields: FieldClues[]): { field: LoginField; index: number }[] {
  const taken = new Map<LoginField, { index: number; score: number }>();
  const ranked = fields.map((f, index) => {
    const s = scoreField(f);
    const order = (Object.keys(s) as LoginField[]).filter((k) => s[k] > 3).sort((a, b) => s[b] - s[a]);
    return { index, s, order };
  });
  // Strongest claims first so a clear "TOTP" box is not displaced by a vague one.
  const claims = ranked
    .flatMap((r) => r.order.map((k, rank) => ({ index: r.index, field: k, score: r.s[k], rank })))
    .sort((a, b) => a.rank - b.rank || b.score - a.score);
  const assigned = new Set<number>();
  for (const c of claims) {
    if (assigned.has(c.index) || taken.has(c.field)) continue;
    taken.set(c.field, { index: c.index, score: c.score });
    assigned.add(c.index);
  }
  return [...taken.entries()]
    .map(([field, v]) => ({ field, index: v.index }))
    .sort((a, b) => a.index - b.index);
}

/**
 * Words of a control that submits a login step: its whole visible text, so "Login with
 * Password" (a mode switch) or "Forgot PIN?" never counts.
 */
export const SUBMIT_RE =
  /^(continue|log\s*in|login|sign\s*in|submit|proceed|next|verify|confirm|authori[sz]e|allow)(\s+(now|securely|to\s+smart\s*api))?\s*[→›>»]?$/i;
/** The same words in Hindi. */
export const SUBMIT_HI_RE =
  /^(लॉग\s*इन(\s*करें)?|लॉगिन(\s*करें)?|साइन\s*इन(\s*करें)?|जारी\s*रखें|आगे\s*बढ़ें|सबमिट(\s*करें)?)$/;

export function looksLikeSubmit(text: string): boolean {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 0 && t.length < 40 && (SUBMIT_RE.test(t) || SUBMIT_HI_RE.test(t));
}
