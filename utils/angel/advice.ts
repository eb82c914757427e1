/**
 * Every way a validation can fail, turned into what happened and what to do next, in plain
 * words. Pure: the background measures and fetches, this decides the wording.
 */
import type { AngelAnswer } from './responses';

export type ValidationFailure =
  | Extract<AngelAnswer, { kind: 'angel-error' | 'rejected' | 'malformed' }>
  | { kind: 'network'; hosts: string[] }
  | { kind: 'timeout'; timeoutMs: number; host: string }
  | { kind: 'no-tokens'; httpStatus: number }
  | { kind: 'missing-secret'; fields: ('mpin' | 'totpSecret' | 'apiKey' | 'clientCode')[] }
  | { kind: 'totp-failed' };

export type AdviceCategory =
  | 'totp'
  | 'credentials'
  | 'api-key'
  | 'token'
  | 'angel'
  | 'firewall'
  | 'network'
  | 'timeout'
  | 'setup'
  | 'unknown';

export interface Advice {
  /** Angel's code when it sent one ("AB1050"), else our own short code ("network"). */
  code: string;
  category: AdviceCategory;
  /** What happened. */
  explanation: string;
  /** What to do next. */
  nextStep: string;
  /** Angel's own message, verbatim, when it sent one. */
  angelMessage?: string;
  /**
   * True when the failure is about the stored credentials: never retried automatically,
   * because repeated wrong PINs can lock the Angel account.
   */
  credentialError: boolean;
}

export interface AdviceContext {
  /** Clock offset measured from Angel's Date header (server - device), ms; null if unknown. */
  skewMs: number | null;
}

/** A skew within this is harmless for 30-second codes. */
export const SKEW_TOLERANCE_MS = 5_000;

const MPIN_MESSAGE = /loginbypassword is not allowed|switch to login by mpin/i;

const LOCKOUT = 'Do not try again and again: repeated wrong PINs can lock your Angel account.';

export function formatSkew(skewMs: number): string {
  const s = Math.abs(skewMs) / 1000;
  const amount = s < 10 ? s.toFixed(1) : Math.round(s).toString();
  const dir = skewMs > 0 ? 'behind' : 'ahead of';
  return `${amount} s ${dir} Angel's clock`;
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? String(ms / 1000) : (ms / 1000).toFixed(1);
}

function clockAdvice(skewMs: number | null): string {
  if (skewMs === null) {
    return "Also check that this computer's clock is set automatically (the offset to Angel's clock could not be measured).";
  }
  if (Math.abs(skewMs) <= SKEW_TOLERANCE_MS) {
    return `This computer's clock is fine (${formatSkew(skewMs)}), so the TOTP secret is the likely cause.`;
  }
  return `This computer's clock is ${formatSkew(skewMs)}: turn on "Set time automatically" in the system settings, then validate again (meanwhile the extension corrects its codes by the measured offset).`;
}

const FIELD_NAMES: Record<string, string> = {
  clientCode: 'client code',
  mpin: '4-digit MPIN',
  totpSecret: 'TOTP secret',
  apiKey: 'API key',
};

function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function fromAngelCode(
  code: string,
  message: string,
  ctx: AdviceContext,
): Omit<Advice, 'angelMessage'> | null {
  if (MPIN_MESSAGE.test(message)) {
    return {
      code: code || 'mpin-required',
      category: 'credentials',
      explanation: 'Angel received a password instead of your 4-digit MPIN and refused the login.',
      nextStep: `Edit the account and store the 4-digit MPIN you use in the Angel One app, not your trading password. ${LOCKOUT}`,
      credentialError: true,
    };
  }
  switch (code.toUpperCase()) {
    case 'AB1050':
      return {
        code: 'AB1050',
        category: 'totp',
        explanation: 'Angel refused the TOTP code.',
        nextStep: `Check that the stored TOTP secret is the one Angel showed on its enable-TOTP page (enable TOTP again if unsure). ${clockAdvice(ctx.skewMs)}`,
        credentialError: true,
      };
    case 'AB1000':
    case 'AB1007':
      return {
        code: code.toUpperCase(),
        category: 'credentials',
        explanation: 'Angel says the client code or the PIN is wrong.',
        nextStep: `Check the client code (your Angel login id, e.g. A123456) and the 4-digit MPIN in the account. ${LOCKOUT}`,
        credentialError: true,
      };
    case 'AB1001':
      return {
        code: 'AB1001',
        category: 'credentials',
        explanation: 'Angel does not recognise the client code.',
        nextStep:
          'Check the client code in the account: it is your Angel login id (e.g. A123456), not your email or phone number.',
        credentialError: true,
      };
    case 'AB1002':
      return {
        code: 'AB1002',
        category: 'credentials',
        explanation: 'Angel says the PIN has the wrong length.',
        nextStep: 'Edit the account and store your 4-digit MPIN.',
        credentialError: true,
      };
    case 'AG8004':
      return {
        code: 'AG8004',
        category: 'api-key',
        explanation: 'Angel does not accept the API key.',
        nextStep:
          'Copy the API key again from My Profile → My APIs on smartapi.angelone.in (the eye icon beside your app). Use the API key, not the secret key, of an app that belongs to this client code.',
        credentialError: true,
      };
    case 'AB1004':
      return {
        code: 'AB1004',
        category: 'angel',
        explanation:
          'Angel answered "Something went wrong" (AB1004): its servers could not process the login.',
        nextStep:
          'Try again in a few minutes. If it keeps happening, check that the API key belongs to a Trading API app of this client code.',
        credentialError: false,
      };
    case 'AG8001':
    case 'AG8002':
    case 'AG8003': {
      const what = { AG8001: 'was not valid', AG8002: 'had expired', AG8003: 'was missing' }[
        code.toUpperCase()
      ];
      return {
        code: code.toUpperCase(),
        category: 'token',
        explanation: `Angel refused the session token: it ${what}.`,
        nextStep:
          'Validate again to get a fresh session. If this repeats right after a successful login, the API key probably belongs to a different Angel account.',
        credentialError: false,
      };
    }
    case 'AB8050':
    case 'AB8051':
      return {
        code: code.toUpperCase(),
        category: 'token',
        explanation: `Angel refused the refresh token (${code.toUpperCase() === 'AB8050' ? 'not valid' : 'expired'}).`,
        nextStep: 'Validate again: a new login gives new tokens.',
        credentialError: false,
      };
    case 'AB1010':
    case 'AB1011':
      return {
        code: code.toUpperCase(),
        category: 'token',
        explanation:
          code.toUpperCase() === 'AB1010'
            ? "Angel's trading session has expired."
            : 'Angel says this client is not logged in.',
        nextStep: 'Validate again to log in afresh.',
        credentialError: false,
      };
    default:
      return null;
  }
}

export function explainFailure(f: ValidationFailure, ctx: AdviceContext): Advice {
  switch (f.kind) {
    case 'angel-error': {
      const known = fromAngelCode(f.code, f.message, ctx);
      const angelMessage = f.message || undefined;
      if (known) return { ...known, ...(angelMessage ? { angelMessage } : {}) };
      const said = f.message ? `"${f.message}"` : 'no message';
      return {
        code: f.code || `HTTP ${f.httpStatus}`,
        category: 'unknown',
        explanation: `Angel refused the login and said ${said}${f.code ? ` (code ${f.code})` : ''}.`,
        nextStep:
          "Check the account's details against Angel's message. If it is unclear, search the code on Angel's Smart API forum or ask Angel support.",
        ...(angelMessage ? { angelMessage } : {}),
        credentialError: false,
      };
    }
    case 'rejected':
      return {
        code: 'request-rejected',
        category: 'firewall',
        explanation: `Angel's firewall rejected the request ("Request Rejected" page${f.supportId ? `, support ID ${f.supportId}` : ''}). Your details were not checked.`,
        nextStep: `Wait a few minutes and validate again. If it persists, turn off any VPN or proxy${f.supportId ? `, or contact Angel support quoting support ID ${f.supportId}` : ''}.`,
        credentialError: false,
      };
    case 'malformed':
      return {
        code: f.reason === 'bad-json' ? 'malformed-json' : 'unreadable-answer',
        category: 'angel',
        explanation: `Angel's answer could not be read (${f.reason === 'empty' ? 'empty answer' : f.reason === 'bad-json' ? 'malformed JSON' : f.reason === 'not-json' ? 'not JSON' : 'unexpected format'}, HTTP ${f.httpStatus}). Your details were not checked.`,
        nextStep: "This is on Angel's side: validate again in a few minutes.",
        credentialError: false,
      };
    case 'no-tokens':
      return {
        code: 'no-tokens',
        category: 'angel',
        explanation: 'Angel reported success but sent no session token.',
        nextStep: 'Validate again in a few minutes.',
        credentialError: false,
      };
    case 'network':
      return {
        code: 'network',
        category: 'network',
        explanation: `Could not reach Angel's API (${f.hosts.join(', then ')}).`,
        nextStep:
          'Check the internet connection, and any VPN, proxy or firewall that could block Angel, then validate again.',
        credentialError: false,
      };
    case 'timeout':
      return {
        code: 'timeout',
        category: 'timeout',
        explanation: `Angel did not answer within ${seconds(f.timeoutMs)} s (${f.host}).`,
        nextStep:
          'Angel is often slow just before market open: validate again in a minute, or raise the time limit under "Validate accounts" in the options.',
        credentialError: false,
      };
    case 'missing-secret': {
      const names = joinNames(f.fields.map((x) => FIELD_NAMES[x] ?? x));
      return {
        code: 'missing-details',
        category: 'setup',
        explanation: `This account has no ${names} stored, so the extension cannot log in to Angel with it.`,
        nextStep: `Edit the account and add the ${names}.`,
        credentialError: false,
      };
    }
    case 'totp-failed':
      return {
        code: 'totp-unavailable',
        category: 'setup',
        explanation: 'The extension could not make a TOTP code from the stored secret.',
        nextStep:
          "Edit the account and paste the TOTP secret again exactly as Angel's enable-TOTP page shows it.",
        credentialError: false,
      };
  }
}

/** The measured clock offset (server - device) from one answer's Date header, in ms. */
export function skewFromDateHeader(
  dateHeader: string | null,
  requestStartMs: number,
  responseEndMs: number,
): number | null {
  if (!dateHeader) return null;
  const server = Date.parse(dateHeader);
  if (Number.isNaN(server)) return null;
  // The header has whole seconds: the server's clock was somewhere in [server, server + 1 s).
  return server + 500 - (requestStartMs + responseEndMs) / 2;
}
