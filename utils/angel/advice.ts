/**
 * Every way a validation can fail, turned into what happened and what to do next, in plain
 * words. Pure: the background measures and fetches, this decides the wording.
 */
import { tText } from '../i18n/text';
import type { MessageKey } from '../i18n/en';
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

const lockout = () => tText('adv.lockout');

export function formatSkew(skewMs: number): string {
  const s = Math.abs(skewMs) / 1000;
  const amount = s < 10 ? s.toFixed(1) : Math.round(s).toString();
  return tText(skewMs > 0 ? 'adv.skewBehind' : 'adv.skewAhead', { amount });
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? String(ms / 1000) : (ms / 1000).toFixed(1);
}

function clockAdvice(skewMs: number | null): string {
  if (skewMs === null) {
    return tText('adv.clockUnknown');
  }
  if (Math.abs(skewMs) <= SKEW_TOLERANCE_MS) {
    return tText('adv.clockFine', { skew: formatSkew(skewMs) });
  }
  return tText('adv.clockOff', { skew: formatSkew(skewMs) });
}

const FIELD_NAMES: Record<string, MessageKey> = {
  clientCode: 'adv.fieldClientCode',
  mpin: 'adv.fieldMpin',
  totpSecret: 'adv.fieldTotp',
  apiKey: 'adv.fieldApiKey',
};

function fieldName(field: string): string {
  const key = FIELD_NAMES[field];
  return key ? tText(key) : field;
}

function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return tText('adv.and', { list: names.slice(0, -1).join(', '), last: names[names.length - 1]! });
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
      explanation: tText('adv.mpinExpl'),
      nextStep: tText('adv.mpinNext', { lockout: lockout() }),
      credentialError: true,
    };
  }
  switch (code.toUpperCase()) {
    case 'AB1050':
      return {
        code: 'AB1050',
        category: 'totp',
        explanation: tText('adv.totpExpl'),
        nextStep: tText('adv.totpNext', { clock: clockAdvice(ctx.skewMs) }),
        credentialError: true,
      };
    case 'AB1000':
    case 'AB1007':
      return {
        code: code.toUpperCase(),
        category: 'credentials',
        explanation: tText('adv.credExpl'),
        nextStep: tText('adv.credNext', { lockout: lockout() }),
        credentialError: true,
      };
    case 'AB1001':
      return {
        code: 'AB1001',
        category: 'credentials',
        explanation: tText('adv.clientExpl'),
        nextStep: tText('adv.clientNext'),
        credentialError: true,
      };
    case 'AB1002':
      return {
        code: 'AB1002',
        category: 'credentials',
        explanation: tText('adv.pinLenExpl'),
        nextStep: tText('adv.pinLenNext'),
        credentialError: true,
      };
    case 'AG8004':
      return {
        code: 'AG8004',
        category: 'api-key',
        explanation: tText('adv.keyExpl'),
        nextStep: tText('adv.keyNext'),
        credentialError: true,
      };
    case 'AB1004':
      return {
        code: 'AB1004',
        category: 'angel',
        explanation: tText('adv.ab1004Expl'),
        nextStep: tText('adv.ab1004Next'),
        credentialError: false,
      };
    case 'AG8001':
    case 'AG8002':
    case 'AG8003': {
      const what = (
        { AG8001: 'adv.tokenInvalid', AG8002: 'adv.tokenExpired', AG8003: 'adv.tokenMissing' } as const
      )[code.toUpperCase() as 'AG8001' | 'AG8002' | 'AG8003'];
      return {
        code: code.toUpperCase(),
        category: 'token',
        explanation: tText(what),
        nextStep: tText('adv.tokenNext'),
        credentialError: false,
      };
    }
    case 'AB8050':
    case 'AB8051':
      return {
        code: code.toUpperCase(),
        category: 'token',
        explanation: tText(code.toUpperCase() === 'AB8050' ? 'adv.refreshInvalid' : 'adv.refreshExpired'),
        nextStep: tText('adv.refreshNext'),
        credentialError: false,
      };
    case 'AB1010':
    case 'AB1011':
      return {
        code: code.toUpperCase(),
        category: 'token',
        explanation: tText(code.toUpperCase() === 'AB1010' ? 'adv.sessionExpired' : 'adv.notLoggedIn'),
        nextStep: tText('adv.loginAfresh'),
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
      const said = f.message ? `"${f.message}"` : tText('adv.noMessage');
      return {
        code: f.code || `HTTP ${f.httpStatus}`,
        category: 'unknown',
        explanation: f.code
          ? tText('adv.unknownExplCode', { said, code: f.code })
          : tText('adv.unknownExpl', { said }),
        nextStep: tText('adv.unknownNext'),
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
        explanation: tText('adv.noTokensExpl'),
        nextStep: tText('adv.againLater'),
        credentialError: false,
      };
    case 'network':
      return {
        code: 'network',
        category: 'network',
        explanation: tText('adv.networkExpl', { hosts: f.hosts.join(', then ') }),
        nextStep: tText('adv.networkNext'),
        credentialError: false,
      };
    case 'timeout':
      return {
        code: 'timeout',
        category: 'timeout',
        explanation: tText('adv.timeoutExpl', { seconds: seconds(f.timeoutMs), host: f.host }),
        nextStep: tText('adv.timeoutNext'),
        credentialError: false,
      };
    case 'missing-secret': {
      const names = joinNames(f.fields.map(fieldName));
      return {
        code: 'missing-details',
        category: 'setup',
        explanation: tText('adv.missingExpl', { names }),
        nextStep: tText('adv.missingNext', { names }),
        credentialError: false,
      };
    }
    case 'totp-failed':
      return {
        code: 'totp-unavailable',
        category: 'setup',
        explanation: tText('adv.totpFailedExpl'),
        nextStep: tText('adv.totpFailedNext'),
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
