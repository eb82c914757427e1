/**
 * The login rate limit counts from the moment a login is SENT (fake timers, a look-alike API
 * that records when each login arrives): a validation that waited for the next TOTP window
 * must not let the following one go out less than the interval after it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createValidator, LOGIN_INTERVAL_MS } from '@/entrypoints/background/validate/validator';
import type { Account, VaultData } from '@/utils/vault/types';
import { DEFAULT_TOTP } from '@/utils/vault/types';

const PERIOD_MS = 30_000;

function account(): Account {
  return {
    id: 'acc-1',
    label: 'Main',
    clientCode: 'R123456',
    platform: 'SMART_API',
    redirectUrl: '',
    notes: '',
    totp: DEFAULT_TOTP,
    dailyLogin: true,
    autoFill: false,
    secrets: { mpin: '1234', totpSecret: 'JBSWY3DPEHPK3PXP', apiKey: 'key123' },
  };
}

/** Answers like Angel's API after `latencyMs`, noting when each login arrives. */
function lookAlikeApi(latencyMs: number) {
  const loginsAt: number[] = [];
  const fetchFn: typeof fetch = async (input) => {
    const url = String(input);
    const isLogin = /loginByPassword/i.test(url);
    if (isLogin) loginsAt.push(Date.now());
    await new Promise((r) => setTimeout(r, latencyMs));
    const data = isLogin
      ? { jwtToken: 'Bearer jwt.a.b', refreshToken: 'r', feedToken: 'f' }
      : { name: 'Ravi', clientcode: 'R123456', exchanges: ['NSE'] };
    return new Response(JSON.stringify({ status: true, message: 'SUCCESS', errorcode: '', data }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { loginsAt, fetchFn };
}

function deps(fetchFn: typeof fetch) {
  const vault: VaultData = { schemaVersion: 1, accounts: [account()], webhookSecrets: {} };
  return {
    readVault: async () => structuredClone(vault),
    updateVault: async (fn: (v: VaultData) => void | Promise<void>) => {
      await fn(vault);
      return vault;
    },
    // The window follows the (fake) clock, like the real TOTP.
    currentTotp: () => ({ code: '123456', remainingMs: PERIOD_MS - (Date.now() % PERIOD_MS) }),
    timeoutMs: async () => 10_000,
    saveResult: async () => undefined,
    fetchFn,
  };
}

/** Let fake time run in small steps until `p` settles (no fixed jump past the result). */
async function settle<T>(p: Promise<T>): Promise<T> {
  let done = false;
  void p.finally(() => (done = true)).catch(() => undefined);
  for (let i = 0; i < 6_000 && !done; i++) await vi.advanceTimersByTimeAsync(10);
  return p;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('login rate limit counted from the send', () => {
  it('Validate in the last seconds of a TOTP window, then again right after its result: logins ≥ 1 s apart', async () => {
    // 2 s left in the current window.
    vi.useFakeTimers({ now: 1_800_000_000_000 - (1_800_000_000_000 % PERIOD_MS) + PERIOD_MS - 2_000 });
    const api = lookAlikeApi(40);
    const v = createValidator(deps(api.fetchFn));
    const acc = account();

    expect((await settle(v.validate(acc))).state).toBe('ok');
    expect(api.loginsAt).toHaveLength(1);
    // Sent in the next window, after the wait, not when Validate was pressed.
    expect(api.loginsAt[0]! % PERIOD_MS).toBeLessThan(1_000);

    // Pressed again at once: the first login went out well under a second ago.
    const pressedAt = Date.now();
    expect(pressedAt - api.loginsAt[0]!).toBeLessThan(LOGIN_INTERVAL_MS);
    expect((await settle(v.validate(acc))).state).toBe('ok');
    expect(api.loginsAt).toHaveLength(2);
    expect(api.loginsAt[1]! - api.loginsAt[0]!).toBeGreaterThanOrEqual(1_000);
    expect(api.loginsAt[1]! - api.loginsAt[0]!).toBeGreaterThanOrEqual(LOGIN_INTERVAL_MS);
  });

  it('a turn that came too late in the window is given up and the login waits for a fresh window', async () => {
    // 5.5 s left: enough when pressed, not after queueing behind a login sent 0.5 s earlier.
    const start = 1_800_000_000_000 - (1_800_000_000_000 % PERIOD_MS) + PERIOD_MS - 5_500;
    vi.useFakeTimers({ now: start });
    const api = lookAlikeApi(10);
    const d = deps(api.fetchFn);
    const v = createValidator(d);
    const acc = account();
    const twin: Account = { ...account(), id: 'acc-2' }; // same client code: shares the limit
    const a = v.validate(acc);
    await vi.advanceTimersByTimeAsync(500);
    const b = v.validate(twin);
    await vi.advanceTimersByTimeAsync(20_000);
    expect((await a).state).toBe('ok');
    expect((await b).state).toBe('ok');
    expect(api.loginsAt).toHaveLength(2);
    const [l1, l2] = api.loginsAt as [number, number];
    expect(l1 - start).toBeLessThan(100);
    // Never sent with under 5 s left: it went out in the next window.
    expect(PERIOD_MS - (l2 % PERIOD_MS)).toBeGreaterThanOrEqual(5_000);
    expect(l2 - l1).toBeGreaterThanOrEqual(LOGIN_INTERVAL_MS);
  });
});
