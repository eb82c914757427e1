/**
 * One validation: log in to Angel's REST API with an account's stored details, read the
 * profile with the new session, keep the tokens and hand them to delivery. Every failure ends
 * as a result with plain advice; nothing here retries a refused login.
 *
 * Dependencies come in through `ValidatorDeps` so the flow can be tested without a vault.
 */
import type { Account, SessionTokens, VaultData } from '@/utils/vault/types';
import { UserError } from '@/utils/messaging';
import { explainFailure, skewFromDateHeader, type ValidationFailure } from '@/utils/angel/advice';
import { msg } from '@/utils/i18n/core';
import { bareJwt, buildLoginRequest, buildProfileRequest } from '@/utils/angel/rest';
import { loginTokensFrom, parseAngelAnswer, profileFrom } from '@/utils/angel/responses';
import { createRateLimiter, type RateLimiter } from '@/utils/angel/rateLimiter';
import { nextMidnightIst } from '@/utils/ist';
// A code with less time left than this is not sent (the same rule as the login's fill).
import { MIN_TOTP_REMAINING_MS } from '@/utils/login/totpWait';
import type { ValidationResult } from '@/utils/angel/protocol';
import { callAngel, hostsStartingWith, type HttpAnswer } from './restClient';

/** Angel allows one login per second per account; a little margin for network jitter. */
export const LOGIN_INTERVAL_MS = 1_100;

export interface ValidatorDeps {
  readVault(): Promise<VaultData>;
  updateVault(fn: (v: VaultData) => void | Promise<void>): Promise<VaultData>;
  currentTotp(a: Account, atMs?: number): { code: string; remainingMs: number };
  recordServerDate?(dateHeader: string, requestStartMs: number, responseEndMs: number): unknown;
  enqueueDelivery?(accountId: string, tokens: SessionTokens): unknown;
  timeoutMs(): Promise<number>;
  saveResult(r: ValidationResult): Promise<void>;
  fetchFn?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface Validator {
  /** Validate one account; a second call while one is running joins it. */
  validate(account: Account): Promise<ValidationResult>;
}

function missingFields(a: Account): ('clientCode' | 'mpin' | 'totpSecret' | 'apiKey')[] {
  const out: ('clientCode' | 'mpin' | 'totpSecret' | 'apiKey')[] = [];
  if (!a.clientCode.trim()) out.push('clientCode');
  if (!a.secrets.mpin) out.push('mpin');
  if (!a.secrets.totpSecret) out.push('totpSecret');
  if (!a.secrets.apiKey.trim()) out.push('apiKey');
  return out;
}

export function createValidator(deps: ValidatorDeps): Validator {
  const now = deps.now ?? (() => Date.now());
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const limiter: RateLimiter = createRateLimiter({ intervalMs: LOGIN_INTERVAL_MS, now, sleep });
  const running = new Map<string, Promise<ValidationResult>>();

  function noteDate(a: HttpAnswer): number | null {
    if (a.dateHeader && deps.recordServerDate) {
      const record = deps.recordServerDate;
      const date = a.dateHeader;
      // The skew measurement is best effort: never let it fail a validation.
      void Promise.resolve()
        .then(() => record(date, a.startedAt, a.endedAt))
        .catch(() => undefined);
    }
    return skewFromDateHeader(a.dateHeader, a.startedAt, a.endedAt);
  }

  async function loginAndCheck(account: Account, base: ValidationResult): Promise<ValidationResult> {
    const timeoutMs = await deps.timeoutMs();
    const failed = (f: ValidationFailure, extra: Partial<ValidationResult> = {}): ValidationResult => {
      const skewMs = extra.skewMs ?? null;
      return { ...base, ...extra, state: 'failed', finishedAt: now(), advice: explainFailure(f, { skewMs }) };
    };

    // Angel counts logins as they arrive, so the limiter's slot is taken right before the
    // request is sent: after any wait for the next TOTP window, never before it.
    const { clientCode, secrets } = account;
    const key = clientCode.trim().toUpperCase();
    let sent: { login: Awaited<ReturnType<typeof callAngel>> } | 'totp-failed' | null = null;
    for (let tries = 0; sent === null && tries < 3; tries++) {
      try {
        const first = deps.currentTotp(account);
        // Too close to the window's end: the code could expire on its way to Angel.
        if (first.remainingMs < MIN_TOTP_REMAINING_MS) await sleep(first.remainingMs + 250);
      } catch {
        return failed({ kind: 'totp-failed' });
      }
      sent = await limiter.schedule(key, async () => {
        let totp: { code: string; remainingMs: number };
        try {
          totp = deps.currentTotp(account);
        } catch {
          return 'totp-failed' as const;
        }
        // The wait for our turn ate into the window: give the slot up unused (the next
        // login is only held back longer) and wait for a fresh window.
        if (totp.remainingMs < MIN_TOTP_REMAINING_MS) return null;
        const login = await callAngel(
          (host) =>
            buildLoginRequest(host, {
              clientCode,
              mpin: secrets.mpin,
              totp: totp.code,
              apiKey: secrets.apiKey,
            }),
          { timeoutMs, fetchFn: deps.fetchFn },
        );
        return { login };
      });
    }
    if (sent === null || sent === 'totp-failed') return failed({ kind: 'totp-failed' });
    const { login } = sent;
    if (!login.ok) return failed(login.failure);
    const host = login.answer.host;
    const skewMs = noteDate(login.answer);
    const answer = parseAngelAnswer(login.answer.status, login.answer.body);
    if (answer.kind !== 'ok') return failed(answer, { host, skewMs });
    const loginTokens = loginTokensFrom(answer.data);
    if (!loginTokens) return failed({ kind: 'no-tokens', httpStatus: answer.httpStatus }, { host, skewMs });

    const capturedAt = now();
    const tokens: SessionTokens = {
      authToken: bareJwt(loginTokens.jwtToken),
      feedToken: loginTokens.feedToken,
      ...(loginTokens.refreshToken ? { refreshToken: loginTokens.refreshToken } : {}),
      capturedAt,
      expiresAt: nextMidnightIst(capturedAt),
      source: 'rest-login',
    };

    const result: ValidationResult = { ...base, state: 'ok', host, skewMs };
    const prof = await callAngel((h) => buildProfileRequest(h, tokens.authToken, secrets.apiKey), {
      timeoutMs,
      hosts: hostsStartingWith(host),
      fetchFn: deps.fetchFn,
    });
    if (!prof.ok) {
      result.profileProblem = explainFailure(prof.failure, { skewMs });
    } else {
      noteDate(prof.answer);
      const pa = parseAngelAnswer(prof.answer.status, prof.answer.body);
      const profile = pa.kind === 'ok' ? profileFrom(pa.data) : null;
      if (profile) {
        result.profile = { name: profile.name, exchanges: profile.exchanges };
      } else if (pa.kind === 'angel-error') {
        const advice = explainFailure(pa, { skewMs });
        // A refused token right after login: the session is useless, do not keep it.
        if (advice.category === 'token' || advice.category === 'api-key') return failed(pa, { host, skewMs });
        result.profileProblem = advice;
      } else {
        result.profileProblem = explainFailure(
          pa.kind === 'ok' ? { kind: 'malformed', reason: 'unknown-shape', httpStatus: pa.httpStatus } : pa,
          {
            skewMs,
          },
        );
      }
    }

    let stored = false;
    await deps.updateVault((v) => {
      const a = v.accounts.find((x) => x.id === account.id);
      if (a) {
        a.tokens = tokens;
        stored = true;
      }
    });
    result.tokensStored = stored;
    if (stored && deps.enqueueDelivery) {
      try {
        await deps.enqueueDelivery(account.id, tokens);
        result.delivery = 'queued';
      } catch {
        result.delivery = 'failed';
      }
    }
    result.finishedAt = now();
    return result;
  }

  async function run(account: Account): Promise<ValidationResult> {
    const base: ValidationResult = {
      accountId: account.id,
      label: account.label,
      clientCode: account.clientCode,
      state: 'running',
      startedAt: now(),
    };
    const missing = missingFields(account);
    if (missing.length) {
      const r: ValidationResult = {
        ...base,
        state: 'failed',
        finishedAt: now(),
        advice: explainFailure({ kind: 'missing-secret', fields: missing }, { skewMs: null }),
      };
      await deps.saveResult(r);
      return r;
    }
    await deps.saveResult(base);
    let result: ValidationResult;
    try {
      // Per client code (two vault entries for the same Angel account share the limit); the
      // slot is taken inside, right before the login request goes out.
      result = await loginAndCheck(account, base);
    } catch (err) {
      const user = err instanceof UserError;
      await deps.saveResult({
        ...base,
        state: 'failed',
        finishedAt: now(),
        advice: {
          code: user ? err.code : 'internal',
          category: 'unknown',
          // A UserError's message is already text in the language of the moment.
          explanation: user ? err.message : msg('adv.internalExpl'),
          nextStep: msg(user ? 'adv.fixThenAgain' : 'adv.internalNext'),
          credentialError: false,
        },
      });
      throw err;
    }
    await deps.saveResult(result);
    return result;
  }

  return {
    validate(account) {
      const existing = running.get(account.id);
      if (existing) return existing;
      const p = run(account).finally(() => running.delete(account.id));
      running.set(account.id, p);
      return p;
    },
  };
}
