/**
 * The validation flow against the real fixture API server (Node HTTPS, Angel's host names),
 * with an in-memory vault: what is sent, what is stored, what the user is told.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderSaid, t, type Said, type MessageKey } from '@/utils/i18n';

const said = (s: Said<MessageKey>) => renderSaid(s, t);
import { startFixtureServer, type FixtureServer } from '../../fixtures/server';
import {
  FIXTURE_API_ACCOUNT,
  LOGIN_PATH,
  PROFILE_PATH,
  angelApiLog,
  fixtureTotp,
} from '../../fixtures/api/angelApi';
import {
  createValidator,
  LOGIN_INTERVAL_MS,
  type ValidatorDeps,
} from '@/entrypoints/background/validate/validator';
import type { Account, SessionTokens, VaultData } from '@/utils/vault/types';
import { DEFAULT_TOTP } from '@/utils/vault/types';
import type { ValidationResult } from '@/utils/angel/protocol';
import { fixtureFetch } from './fixtureFetch';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server?.close();
});

function account(over: Partial<Account> = {}, secrets: Partial<Account['secrets']> = {}): Account {
  return {
    id: over.id ?? 'acc-1',
    label: 'Main',
    clientCode: FIXTURE_API_ACCOUNT.clientCode,
    platform: 'SMART_API',
    redirectUrl: '',
    notes: '',
    totp: DEFAULT_TOTP,
    dailyLogin: true,
    autoFill: false,
    ...over,
    secrets: {
      mpin: FIXTURE_API_ACCOUNT.mpin,
      totpSecret: FIXTURE_API_ACCOUNT.totpSecret,
      apiKey: FIXTURE_API_ACCOUNT.apiKey,
      ...secrets,
    },
  };
}

interface Harness {
  deps: ValidatorDeps;
  vault: VaultData;
  saved: ValidationResult[];
  delivered: [string, SessionTokens][];
  dates: string[];
}

function harness(accounts: Account[], over: Partial<ValidatorDeps> = {}): Harness {
  const h: Harness = {
    vault: { schemaVersion: 1, accounts, webhookSecrets: {} },
    saved: [],
    delivered: [],
    dates: [],
    deps: undefined as never,
  };
  h.deps = {
    readVault: async () => structuredClone(h.vault),
    updateVault: async (fn) => {
      await fn(h.vault);
      return h.vault;
    },
    // The real window's code, with plenty of time left (the wait near a window's end is tested apart).
    currentTotp: (a) => ({ code: fixtureTotp(a.secrets.totpSecret, Date.now()), remainingMs: 20_000 }),
    recordServerDate: (d) => void h.dates.push(d),
    enqueueDelivery: async (id, t) => void h.delivered.push([id, t]),
    timeoutMs: async () => 2_000,
    saveResult: async (r) => void h.saved.push(structuredClone(r)),
    fetchFn: fixtureFetch(server.httpsPort),
    ...over,
  };
  return h;
}

const logins = () => angelApiLog(server.state).filter((e) => e.path === LOGIN_PATH);

beforeEach(() => server.reset());

describe('validation against the fixture API', () => {
  it('success: logs in with the right headers, reads the profile, stores and delivers the tokens', async () => {
    const h = harness([account()]);
    const r = await createValidator(h.deps).validate(h.vault.accounts[0]!);

    expect(r.state).toBe('ok');
    expect(r.host).toBe('apiconnect.angelone.in');
    expect(r.profile).toEqual({ name: FIXTURE_API_ACCOUNT.name, exchanges: FIXTURE_API_ACCOUNT.exchanges });
    expect(r.tokensStored).toBe(true);
    expect(r.delivery).toBe('queued');
    expect(typeof r.skewMs).toBe('number');
    expect(Math.abs(r.skewMs!)).toBeLessThan(2_000);

    const [login] = logins();
    expect(login!.host).toBe('apiconnect.angelone.in');
    expect(login!.headers['x-privatekey']).toBe(FIXTURE_API_ACCOUNT.apiKey);
    expect(login!.headers['x-usertype']).toBe('USER');
    expect(login!.headers['x-sourceid']).toBe('WEB');
    expect(login!.headers['content-type']).toBe('application/json');
    expect(login!.headers['x-clientlocalip']).toBeTruthy();
    expect(login!.headers['x-macaddress']).toBeTruthy();
    expect(JSON.parse(login!.body)).toMatchObject({ clientcode: 'R123456', password: '1357' });

    const tokens = h.vault.accounts[0]!.tokens!;
    expect(tokens.source).toBe('rest-login');
    expect(tokens.authToken).toMatch(/^ey/);
    expect(tokens.feedToken).toBeTruthy();
    expect(tokens.refreshToken).toBeTruthy();
    expect(tokens.expiresAt).toBeGreaterThan(tokens.capturedAt);
    expect(h.delivered).toEqual([['acc-1', tokens]]);
    const profileReq = angelApiLog(server.state).find((e) => e.path === PROFILE_PATH)!;
    expect(profileReq.headers.authorization).toBe(`Bearer ${tokens.authToken}`);
    expect(h.dates.length).toBe(2); // login and profile answers both fed the skew measurement

    // Progress then result; no secret in any saved result.
    expect(h.saved.map((s) => s.state)).toEqual(['running', 'ok']);
    const savedText = JSON.stringify(h.saved);
    for (const secret of [
      FIXTURE_API_ACCOUNT.mpin,
      FIXTURE_API_ACCOUNT.totpSecret,
      FIXTURE_API_ACCOUNT.apiKey,
      tokens.authToken,
    ]) {
      expect(savedText).not.toContain(secret);
    }
  });

  it('a wrong TOTP secret gets AB1050 from the fixture: plain advice, one request, no retry, nothing stored', async () => {
    const h = harness([account({}, { totpSecret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' })]);
    const r = await createValidator(h.deps).validate(h.vault.accounts[0]!);
    expect(r.state).toBe('failed');
    expect(r.advice).toMatchObject({
      code: 'AB1050',
      category: 'totp',
      credentialError: true,
      angelMessage: 'Invalid totp',
    });
    expect(said(r.advice!.nextStep)).toMatch(/clock is fine/);
    expect(logins()).toHaveLength(1);
    expect(h.vault.accounts[0]!.tokens).toBeUndefined();
    expect(h.delivered).toEqual([]);
  });

  it('a clock far off shows the measured skew in the AB1050 advice', async () => {
    server.setFlags({ 'angel.dateSkewMs': 120_000 });
    const h = harness([account()]);
    const r = await createValidator(h.deps).validate(h.vault.accounts[0]!);
    expect(r.advice?.code).toBe('AB1050');
    expect(r.skewMs).toBeGreaterThan(118_000);
    expect(said(r.advice!.nextStep)).toMatch(/This computer's clock is 1\d\d s behind Angel's clock/);
  });

  it.each([
    ['BADPIN', 'AB1007', 'credentials'],
    ['BADLOGIN', 'AB1000', 'credentials'],
    ['BADKEY', 'AG8004', 'api-key'],
    ['BUSY', 'AB1004', 'angel'],
    ['USEMPIN', 'AB1007', 'credentials'],
    ['BLOCKED', 'AB9999', 'unknown'],
    ['REJECTED', 'request-rejected', 'firewall'],
    ['MALFORMED', 'malformed-json', 'angel'],
  ])('client code %s: %s (%s), exactly one login request', async (clientCode, code, category) => {
    const h = harness([account({ clientCode })]);
    const r = await createValidator(h.deps).validate(h.vault.accounts[0]!);
    expect(r.state).toBe('failed');
    expect(r.advice).toMatchObject({ code, category });
    expect(logins()).toHaveLength(1);
    expect(h.vault.accounts[0]!.tokens).toBeUndefined();
  });

  it('a token refused by getProfile right after login fails and keeps nothing', async () => {
    const h = harness([account({ clientCode: 'TOKENBAD' })]);
    const r = await createValidator(h.deps).validate(h.vault.accounts[0]!);
    expect(r.advice).toMatchObject({ code: 'AG8001', category: 'token' });
    expect(h.vault.accounts[0]!.tokens).toBeUndefined();
  });

  it('a network failure on the current host falls back to the older host', async () => {
    server.setFlags({ 'angel.down': ['apiconnect.angelone.in'] });
    const h = harness([account()]);
    const r = await createValidator(h.deps).validate(h.vault.accounts[0]!);
    expect(r.state).toBe('ok');
    expect(r.host).toBe('apiconnect.angelbroking.com');
    expect(logins().map((e) => e.host)).toEqual(['apiconnect.angelone.in', 'apiconnect.angelbroking.com']);
    // The profile goes to the host that answered.
    expect(
      angelApiLog(server.state)
        .filter((e) => e.path === PROFILE_PATH)
        .map((e) => e.host),
    ).toEqual(['apiconnect.angelbroking.com']);
  });

  it('both hosts down: network advice naming both', async () => {
    server.setFlags({ 'angel.down': ['apiconnect.angelone.in', 'apiconnect.angelbroking.com'] });
    const h = harness([account()]);
    const r = await createValidator(h.deps).validate(h.vault.accounts[0]!);
    expect(r.advice?.code).toBe('network');
    expect(said(r.advice!.explanation)).toMatch(/angelone\.in, then apiconnect\.angelbroking\.com/);
  });

  it('an HTTP error answer never goes to the older host', async () => {
    const h = harness([account({ clientCode: 'BUSY' })]);
    await createValidator(h.deps).validate(h.vault.accounts[0]!);
    expect(logins().map((e) => e.host)).toEqual(['apiconnect.angelone.in']);
  });

  it('a slow answer times out after the configured limit, without trying the older host', async () => {
    server.setFlags({ 'angel.slowMs': 3_000 });
    const h = harness([account({ clientCode: 'SLOW' })], { timeoutMs: async () => 400 });
    const t0 = Date.now();
    const r = await createValidator(h.deps).validate(h.vault.accounts[0]!);
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect(r.advice).toMatchObject({ code: 'timeout', category: 'timeout' });
    expect(said(r.advice!.explanation)).toMatch(/within 0\.4 s \(apiconnect\.angelone\.in\)/);
    expect(logins().map((e) => e.host)).toEqual(['apiconnect.angelone.in']);
  });

  it('missing MPIN or TOTP secret: advice, and no request at all', async () => {
    const h = harness([account({ platform: 'SMART_API_M' }, { mpin: '', totpSecret: '' })]);
    const r = await createValidator(h.deps).validate(h.vault.accounts[0]!);
    expect(r.advice).toMatchObject({ code: 'missing-details', category: 'setup' });
    expect(said(r.advice!.explanation)).toMatch(/MPIN and TOTP secret/);
    expect(logins()).toHaveLength(0);
  });
});

describe('rate limit and timing', () => {
  it('two validations of one account in a row start at least the interval apart (queued, not refused)', async () => {
    const h = harness([account()]);
    const v = createValidator(h.deps);
    const a = await v.validate(h.vault.accounts[0]!);
    const b = await v.validate(h.vault.accounts[0]!);
    expect([a.state, b.state]).toEqual(['ok', 'ok']);
    const [l1, l2] = logins();
    expect(l2!.at - l1!.at).toBeGreaterThanOrEqual(LOGIN_INTERVAL_MS - 50);
  });

  it('a second request while one runs joins it instead of logging in twice', async () => {
    const h = harness([account()]);
    const v = createValidator(h.deps);
    const [a, b] = await Promise.all([v.validate(h.vault.accounts[0]!), v.validate(h.vault.accounts[0]!)]);
    expect(a).toBe(b);
    expect(logins()).toHaveLength(1);
  });

  it('different accounts are not held back by each other', async () => {
    const other = { ...FIXTURE_API_ACCOUNT, clientCode: 'S998877', name: 'Sita Rao' };
    server.setFlags({ 'angel.accounts': [other] });
    const h = harness([account(), account({ id: 'acc-2', clientCode: 'S998877' })]);
    const v = createValidator(h.deps);
    const t0 = Date.now();
    const rs = await Promise.all(h.vault.accounts.map((a) => v.validate(a)));
    expect(rs.map((r) => r.profile?.name)).toEqual([FIXTURE_API_ACCOUNT.name, 'Sita Rao']);
    expect(Date.now() - t0).toBeLessThan(LOGIN_INTERVAL_MS);
  });

  it('waits for the next TOTP window when the current code has under 5 s left', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const h = harness([account()], {
      sleep: async (ms) => void sleeps.push(ms),
      currentTotp: (a) => {
        calls++;
        return {
          code: fixtureTotp(a.secrets.totpSecret, Date.now()),
          remainingMs: calls === 1 ? 2_000 : 30_000,
        };
      },
    });
    const r = await createValidator(h.deps).validate(h.vault.accounts[0]!);
    expect(r.state).toBe('ok');
    expect(calls).toBe(2);
    expect(sleeps.some((ms) => ms >= 2_000 && ms < 3_000)).toBe(true);
  });

  it('a vault error during the run is saved as a failed result and passed on', async () => {
    const h = harness([account()], {
      updateVault: vi.fn(async () => {
        throw new Error('locked meanwhile');
      }),
    });
    await expect(createValidator(h.deps).validate(h.vault.accounts[0]!)).rejects.toThrow('locked meanwhile');
    expect(h.saved.at(-1)).toMatchObject({ state: 'failed', advice: { code: 'internal' } });
  });
});
