/**
 * Every way a validation can fail, turned into what happened and what to do next, as messages
 * (catalogue codes and values, never sentences). Pure core (tests/core/modules.json): the
 * background measures and fetches, this decides what to say, and the page showing the result
 * turns it into text in the language shown then, so a stored result follows a language switch.
 */
import { msg, type Msg } from '../i18n/core';
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
  /**
   * What happened. A sentence (string) only in results stored by older versions: shown as it is.
   */
  explanation: AdviceText;
  /** What to do next (a sentence only in results stored by older versions). */
  nextStep: AdviceText;
  /** Angel's own message, verbatim, when it sent one. */
  angelMessage?: string;
  /**
   * True when the failure is about the stored credentials: never retried automatically,
   * because repeated wrong PINs can lock the Angel account.
   */
  credentialError: boolean;
}

export type AdviceMsg = Msg<MessageKey>;
export type AdviceText = AdviceMsg | string;

export interface AdviceContext {
  /** Clock offset measured from Angel's Date header (server - device), ms; null if unknown. */
  skewMs: number | null;
}

/** A skew within this is harmless for 30-second codes. */
export const SKEW_TOLERANCE_MS = 5_000;

const MPIN_MESSAGE = /loginbypassword is not allowed|switch to login by mpin/i;

const lockout = () => msg<MessageKey>('adv.lockout');
const say = (code: MessageKey, params?: Parameters<typeof msg>[1]): AdviceMsg => msg(code, params);

export function formatSkew(skewMs: number): AdviceMsg {
  const s = Math.abs(skewMs) / 1000;
  const amount = s < 10 ? s.toFixed(1) : Math.round(s).toString();
  return say(skewMs > 0 ? 'adv.skewBehind' : 'adv.skewAhead', { amount });
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? String(ms / 1000) : (ms / 1000).toFixed(1);
}

function clockAdvice(skewMs: number | null): AdviceMsg {
  if (skewMs === null) {
    return say('adv.clockUnknown');
  }
  if (Math.abs(skewMs) <= SKEW_TOLERANCE_MS) {
    return say('adv.clockFine', { skew: formatSkew(skewMs) });
  }
  return say('adv.clockOff', { skew: formatSkew(skewMs) });
}

const FIELD_NAMES: Record<string, MessageKey> = {
  clientCode: 'adv.fieldClientCode',
  mpin: 'adv.fieldMpin',
  totpSecret: 'adv.fieldTotp',
  apiKey: 'adv.fieldApiKey',
};

function fieldName(field: string): AdviceMsg | string {
  const key = FIELD_NAMES[field];
  return key ? say(key) : field;
}

/** "a", "a and b", "a, b and c": the list part nested as "{first}, {rest}" messages. */
function joinNames(names: (AdviceMsg | string)[]): AdviceMsg | string {
  if (names.length <= 1) return names[0] ?? '';
  const head = names.slice(0, -1).reduce((list, name) => say('adv.comma', { first: list, rest: name }));
  return say('adv.and', { list: head, last: names[names.length - 1]! });
}

/** "h1, then h2, then h3". */
function thenList(hosts: string[]): AdviceMsg | string {
  return hosts.reduce<AdviceMsg | string>(
    (list, host, i) => (i === 0 ? host : say('adv.then', { first: list, next: host })),
    '',
  );
}

const MALFORMED_WHY = {
  empty: 'adv.whyEmpty',
  'bad-json': 'adv.whyBadJson',
  'not-json': 'adv.whyNotJson',
  'unknown-shape': 'adv.whyUnexpected',
} as const satisfies Record<Extract<ValidationFailure, { kind: 'malformed' }>['reason'], MessageKey>;

function fromAngelCode(
  code: string,
  message: string,
  ctx: AdviceContext,
): Omit<Advice, 'angelMessage'> | null {
  if (MPIN_MESSAGE.test(message)) {
    return {
      code: code || 'mpin-required',
      category: 'credentials',
      explanation: say('adv.mpinExpl'),
      nextStep: say('adv.mpinNext', { lockout: lockout() }),
      credentialError: true,
    };
  }
  switch (code.toUpperCase()) {
    case 'AB1050':
      return {
        code: 'AB1050',
        category: 'totp',
        explanation: say('adv.totpExpl'),
        nextStep: say('adv.totpNext', { clock: clockAdvice(ctx.skewMs) }),
        credentialError: true,
      };
    case 'AB1000':
    case 'AB1007':
      return {
        code: code.toUpperCase(),
        category: 'credentials',
        explanation: say('adv.credExpl'),
        nextStep: say('adv.credNext', { lockout: lockout() }),
        credentialError: true,
      };
    case 'AB1001':
      return {
        code: 'AB1001',
        category: 'credentials',
        explanation: say('adv.clientExpl'),
        nextStep: say('adv.clientNext'),
        credentialError: true,
      };
    case 'AB1002':
      return {
        code: 'AB1002',
        category: 'credentials',
        explanation: say('adv.pinLenExpl'),
        nextStep: say('adv.pinLenNext'),
        credentialError: true,
      };
    case 'AG8004':
      return {
        code: 'AG8004',
        category: 'api-key',
        explanation: say('adv.keyExpl'),
        nextStep: say('adv.keyNext'),
        credentialError: true,
      };
    case 'AB1004':
      return {
        code: 'AB1004',
        category: 'angel',
        explanation: say('adv.ab1004Expl'),
        nextStep: say('adv.ab1004Next'),
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
        explanation: say(what),
        nextStep: say('adv.tokenNext'),
        credentialError: false,
      };
    }
    case 'AB8050':
    case 'AB8051':
      return {
        code: code.toUpperCase(),
        category: 'token',
        explanation: say(code.toUpperCase() === 'AB8050' ? 'adv.refreshInvalid' : 'adv.refreshExpired'),
        nextStep: say('adv.refreshNext'),
        credentialError: false,
      };
    case 'AB1010':
    case 'AB1011':
      return {
        code: code.toUpperCase(),
        category: 'token',
        explanation: say(code.toUpperCase() === 'AB1010' ? 'adv.sessionExpired' : 'adv.notLoggedIn'),
        nextStep: say('adv.loginAfresh'),
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
      const said = f.message ? `"${f.message}"` : say('adv.noMessage');
      return {
        code: f.code || `HTTP ${f.httpStatus}`,
        category: 'unknown',
        explanation: f.code
          ? say('adv.unknownExplCode', { said, code: f.code })
          : say('adv.unknownExpl', { said }),
        nextStep: say('adv.unknownNext'),
        ...(angelMessage ? { angelMessage } : {}),
        credentialError: false,
      };
    }
    case 'rejected':
      return {
        code: 'request-rejected',
        category: 'firewall',
        explanation: say('adv.rejectedExpl', {
          support: f.supportId ? say('adv.supportId', { id: f.supportId }) : '',
        }),
        nextStep: say('adv.rejectedNext', {
          support: f.supportId ? say('adv.quoteSupport', { id: f.supportId }) : '',
        }),
        credentialError: false,
      };
    case 'malformed':
      return {
        code: f.reason === 'bad-json' ? 'malformed-json' : 'unreadable-answer',
        category: 'angel',
        explanation: say('adv.malformedExpl', {
          why: say(MALFORMED_WHY[f.reason]),
          status: f.httpStatus,
        }),
        nextStep: say('adv.malformedNext'),
        credentialError: false,
      };
    case 'no-tokens':
      return {
        code: 'no-tokens',
        category: 'angel',
        explanation: say('adv.noTokensExpl'),
        nextStep: say('adv.againLater'),
        credentialError: false,
      };
    case 'network':
      return {
        code: 'network',
        category: 'network',
        explanation: say('adv.networkExpl', { hosts: thenList(f.hosts) }),
        nextStep: say('adv.networkNext'),
        credentialError: false,
      };
    case 'timeout':
      return {
        code: 'timeout',
        category: 'timeout',
        explanation: say('adv.timeoutExpl', { seconds: seconds(f.timeoutMs), host: f.host }),
        nextStep: say('adv.timeoutNext'),
        credentialError: false,
      };
    case 'missing-secret': {
      const names = joinNames(f.fields.map(fieldName));
      return {
        code: 'missing-details',
        category: 'setup',
        explanation: say('adv.missingExpl', { names }),
        nextStep: say('adv.missingNext', { names }),
        credentialError: false,
      };
    }
    case 'totp-failed':
      return {
        code: 'totp-unavailable',
        category: 'setup',
        explanation: say('adv.totpFailedExpl'),
        nextStep: say('adv.totpFailedNext'),
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
