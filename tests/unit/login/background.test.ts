/**
 * The login orchestrator through the message router and its exported event handlers, with
 * the vault and delivery replaced and the fake browser's tabs, alarms and storage.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { storage } from '#imports';
import { dispatch, type Sender } from '@/utils/messaging';
import type { Account, SessionTokens, VaultData } from '@/utils/vault/types';
import { DEFAULT_TOTP } from '@/utils/vault/types';
import { loginResultsItem, loginSettingsItem, DEFAULT_LOGIN_SETTINGS } from '@/utils/login/storage';
import { nextMidnightIst } from '@/utils/ist';
import { clearHandlers } from '@/tests/unit/testHooks';
import { saidText } from '../../e2e/said';
import type { LoginSaid } from '@/utils/login/protocol';

function account(id: string, label: string, apiKey: string, extra: Partial<Account> = {}): Account {
  return {
    id,
    label,
    clientCode: `C-${id}`,
    platform: 'SMART_API_M',
    redirectUrl: 'https://www.google.com',
    notes: '',
    totp: DEFAULT_TOTP,
    dailyLogin: true,
    autoFill: false,
    secrets: { mpin: '4321', totpSecret: 'JBSWY3DPEHPK3PXP', apiKey },
    ...extra,
  };
}

const vault = {
  unlocked: true,
  totpRemainingMs: 20_000,
  totpCode: '111111',
  updates: 0,
  unlockCallbacks: [] as (() => void)[],
  data: { schemaVersion: 1, webhookSecrets: {}, accounts: [] } as VaultData,
};
const delivered: { accountId: string; tokens: SessionTokens }[] = [];

vi.mock('@/entrypoints/background/vault', async () => {
  const { UserError } = await import('@/utils/messaging');
  const locked = () => new UserError('locked', 'The vault is locked.');
  return {
    isUnlocked: async () => vault.unlocked,
    readVault: async () => {
      if (!vault.unlocked) throw locked();
      return structuredClone(vault.data);
    },
    updateVault: async (fn: (v: VaultData) => void) => {
      if (!vault.unlocked) throw locked();
      vault.updates++;
      fn(vault.data);
      return vault.data;
    },
    onVaultUnlocked: (cb: () => void) => vault.unlockCallbacks.push(cb),
    currentTotp: () => ({ code: vault.totpCode, remainingMs: vault.totpRemainingMs }),
  };
});
vi.mock('@/entrypoints/background/delivery', () => ({
  enqueueDelivery: async (accountId: string, tokens: SessionTokens) => {
    delivered.push({ accountId, tokens });
  },
}));

const login = await import('@/entrypoints/background/login');

const pageSender = (): Sender => ({ id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') });
const portalSender = (tabId: number, url: string): Sender => ({
  id: browser.runtime.id,
  url,
  tab: { id: tabId } as never,
  frameId: 0,
});

async function send<T>(type: string, data?: unknown, sender: Sender = pageSender()) {
  return (await dispatch({ __sac: 1, type, data }, sender)) as
    { ok: true; value: T } | { ok: false; code: string; message: string };
}

async function value<T>(type: string, data?: unknown, sender?: Sender): Promise<T> {
  const r = await send<T>(type, data, sender);
  if (!r.ok) throw new Error(`${type}: ${r.code} ${r.message}`);
  return r.value;
}

async function onlyTab() {
  const tabs = await browser.tabs.query({});
  const t = tabs.find((x) => x.url?.includes('/publisher-login'));
  if (!t?.id || !t.url) throw new Error('no login tab');
  return { id: t.id, url: t.url, active: t.active, state: new URL(t.url).searchParams.get('state')! };
}

/** Hand out the three values to the attempt's tab, as the page's content script asks. */
async function typeAll(attemptId: string, tabId: number, url: string): Promise<void> {
  for (const field of ['clientCode', 'pin', 'totp'] as const)
    await value('login/portal-value', { attemptId, field }, portalSender(tabId, url));
}

async function tabOpen(id: number): Promise<boolean> {
  return (await browser.tabs.query({})).some((t) => t.id === id);
}

async function loginTabCount(): Promise<number> {
  return (await browser.tabs.query({})).filter((t) => t.url?.includes('/publisher-login')).length;
}

async function overview() {
  return value<{
    attempts: { id: string; status: string; errorKind?: string; steps: Record<string, number> }[];
    queue: string[];
  }>('login/overview');
}

beforeEach(async () => {
  // Let the previous test's fire-and-forget work (listeners, sweeps) finish first.
  await new Promise((r) => setTimeout(r, 20));
  fakeBrowser.reset();
  // WXT's storage helper keeps its own handle on the areas: clear them through it.
  await storage.clear('session');
  await storage.clear('local');
  clearHandlers();
  delivered.length = 0;
  vault.unlocked = true;
  vault.totpRemainingMs = 20_000;
  vault.updates = 0;
  vault.unlockCallbacks = [];
  vault.data = {
    schemaVersion: 1,
    webhookSecrets: {},
    accounts: [account('a1', 'One', 'KEY1'), account('a2', 'Two', 'KEY2')],
  };
  // The fake browser has no webNavigation; the tests call the exported handlers instead.
  const nav = { addListener: () => undefined };
  (browser as unknown as { webNavigation: unknown }).webNavigation = {
    onBeforeNavigate: nav,
    onCommitted: nav,
    onErrorOccurred: nav,
    onCompleted: nav,
  };
  login.registerLogin();
  await new Promise((r) => setTimeout(r, 0));
});

describe('starting a login', () => {
  it('opens an inactive tab with the API key and a fresh random state, and arms a timeout alarm', async () => {
    const { attemptId } = await value<{ attemptId: string }>('login/start', { accountId: 'a1' });
    const tab = await onlyTab();
    expect(tab.url).toMatch(
      /^https:\/\/smartapi\.angelone\.in\/publisher-login\?api_key=KEY1&state=[0-9a-f]{32}$/,
    );
    expect(tab.active).toBe(false);
    const alarm = await browser.alarms.get(`sac-login-timeout:${attemptId}`);
    expect(alarm?.scheduledTime).toBeGreaterThan(Date.now() + 55_000);
    const o = await overview();
    expect(o.attempts[0]).toMatchObject({ id: attemptId, status: 'running' });
    // The view the popup reads carries no state nonce.
    expect(JSON.stringify(o)).not.toContain(tab.state);
  });

  it('a second start for another account waits in the queue (one login at a time)', async () => {
    await value('login/start', { accountId: 'a1' });
    const r = await value<{ attemptId: string }>('login/start', { accountId: 'a2' });
    expect(r.attemptId).toBe('');
    expect((await overview()).queue).toEqual(['a2']);
    expect((await browser.tabs.query({})).filter((t) => t.url?.includes('publisher-login'))).toHaveLength(1);
  });

  it('refuses an account without a PIN with a plain message', async () => {
    vault.data.accounts[0]!.secrets.mpin = '';
    const r = await send('login/start', { accountId: 'a1' });
    expect(r).toMatchObject({ ok: false, code: 'no-mpin' });
  });
});

describe('values for the page', () => {
  it('answer only the tab of the attempt, one value at a time, never twice', async () => {
    const { attemptId } = await value<{ attemptId: string }>('login/start', { accountId: 'a1' });
    const tab = await onlyTab();
    const other = await send(
      'login/portal-value',
      { attemptId, field: 'pin' },
      portalSender(tab.id + 100, tab.url),
    );
    expect(other).toMatchObject({ ok: false, code: 'not-this-tab' });
    const notLogin = await send(
      'login/portal-value',
      { attemptId, field: 'pin' },
      portalSender(tab.id, 'https://smartapi.angelone.in/myapis'),
    );
    expect(notLogin).toMatchObject({ ok: false, code: 'not-this-tab' });
    // Extension pages cannot ask for values at all.
    expect(await send('login/portal-value', { attemptId, field: 'pin' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });

    const s = portalSender(tab.id, tab.url);
    expect(await value('login/portal-value', { attemptId, field: 'clientCode' }, s)).toEqual({
      value: 'C-a1',
      field: 'clientCode',
    });
    expect(await value('login/portal-value', { attemptId, field: 'pin' }, s)).toEqual({
      value: '4321',
      field: 'pin',
    });
    expect(await send('login/portal-value', { attemptId, field: 'pin' }, s)).toMatchObject({
      ok: false,
      code: 'already-given',
    });
  });

  it('with under 5 s left in the TOTP window, says wait instead of handing out the code', async () => {
    const { attemptId } = await value<{ attemptId: string }>('login/start', { accountId: 'a1' });
    const tab = await onlyTab();
    const s = portalSender(tab.id, tab.url);
    vault.totpRemainingMs = 3000;
    const w = await value<{ waitMs: number }>('login/portal-value', { attemptId, field: 'totp' }, s);
    expect(w.waitMs).toBeGreaterThan(3000);
    vault.totpRemainingMs = 12_000;
    expect(await value('login/portal-value', { attemptId, field: 'totp' }, s)).toEqual({
      value: '111111',
      field: 'totp',
    });
  });
});

describe('errors on the page', () => {
  async function started() {
    const { attemptId } = await value<{ attemptId: string }>('login/start', { accountId: 'a1' });
    const tab = await onlyTab();
    const s = portalSender(tab.id, tab.url);
    for (const field of ['clientCode', 'pin', 'totp'])
      await value('login/portal-value', { attemptId, field }, s);
    return { attemptId, s, tab };
  }

  it('wrong PIN: stop at once, needs attention, tab left open, no more values', async () => {
    const { attemptId, s, tab } = await started();
    const d = await value<{ action: string; message: string }>(
      'login/portal-error',
      { attemptId, text: 'Invalid PIN' },
      s,
    );
    expect(d.action).toBe('stop');
    expect(d.message).toContain('Invalid PIN');
    const results = await loginResultsItem.getValue();
    expect(results.a1).toMatchObject({ ok: false, needsAttention: true });
    expect(await tabOpen(tab.id)).toBe(true);
    expect(await send('login/portal-value', { attemptId, field: 'pin' }, s)).toMatchObject({
      ok: false,
      code: 'not-this-tab',
    });
    // Log in all skips it; a manual "Log in" clears the mark.
    expect(await value<{ queued: number }>('login/start-all')).toEqual({ queued: 1 });
  });

  it('invalid TOTP: one retry with the next window, then stop', async () => {
    const { attemptId, s } = await started();
    expect(await value('login/portal-error', { attemptId, text: 'Invalid totp' }, s)).toEqual({
      action: 'retry-totp',
    });
    // Same window: wait for the next one.
    const w = await value<{ waitMs: number }>('login/portal-value', { attemptId, field: 'totp' }, s);
    expect(w.waitMs).toBeGreaterThan(19_000);
    // PIN may be typed again in the retry round (the page may have cleared it), once.
    expect(await value('login/portal-value', { attemptId, field: 'pin' }, s)).toMatchObject({ field: 'pin' });
    const d = await value<{ action: string }>('login/portal-error', { attemptId, text: 'Invalid totp' }, s);
    expect(d.action).toBe('stop');
    expect((await overview()).attempts[0]).toMatchObject({ status: 'failed', errorKind: 'invalid-totp' });
  });

  it('403: explains the Publisher key', async () => {
    const { attemptId } = await value<{ attemptId: string }>('login/start', { accountId: 'a1' });
    const tab = await onlyTab();
    const d = await value<{ action: string; message: string }>(
      'login/portal-error',
      { attemptId, text: '403 Forbidden', httpStatus: 403 },
      portalSender(tab.id, tab.url),
    );
    expect(d.message).toMatch(/Publisher/);
  });
});

describe('capturing the tokens', () => {
  it('refuses a redirect with another state: nothing stored, nothing delivered', async () => {
    await value('login/start', { accountId: 'a1' });
    const tab = await onlyTab();
    await login.onTabUrl(tab.id, 'https://www.google.com/?auth_token=eyJ.x.y&feed_token=f&state=forged');
    expect(vault.updates).toBe(0);
    expect(delivered).toHaveLength(0);
    expect((await overview()).attempts[0]).toMatchObject({ status: 'failed', errorKind: 'state-mismatch' });
  });

  it("ignores tokens in tabs that are not an attempt's", async () => {
    await value('login/start', { accountId: 'a1' });
    const tab = await onlyTab();
    await login.onTabUrl(tab.id + 7, `https://www.google.com/?auth_token=eyJ.x.y&state=${tab.state}`);
    expect(vault.updates).toBe(0);
  });

  it('stores, delivers and closes the tab; valid until next midnight IST; starts the next queued login', async () => {
    await value('login/start-all');
    const tab = await onlyTab();
    await typeAll((await overview()).attempts[0]!.id, tab.id, tab.url);
    const before = Date.now();
    const url = `https://smartapi.angelone.in/publisher-login/undefined?auth_token=eyJ.a.b&feed_token=F1&refresh_token=R1&state=${tab.state}`;
    await Promise.all([login.onTabUrl(tab.id, url), login.onTabUrl(tab.id, url)]);
    const tokens = vault.data.accounts[0]!.tokens!;
    expect(tokens).toMatchObject({
      authToken: 'eyJ.a.b',
      feedToken: 'F1',
      refreshToken: 'R1',
      source: 'publisher-login',
    });
    expect(tokens.expiresAt).toBe(nextMidnightIst(tokens.capturedAt));
    expect(tokens.capturedAt).toBeGreaterThanOrEqual(before);
    expect(delivered).toEqual([{ accountId: 'a1', tokens }]);
    expect(await tabOpen(tab.id)).toBe(false);
    const o = await overview();
    expect(o.attempts[0]).toMatchObject({ status: 'success' });
    expect(o.attempts[0]!.steps.delivered).toBeGreaterThan(0);
    // "Log in all" goes on with the second account.
    expect(o.attempts[1]).toMatchObject({ status: 'running' });
    expect((await loginResultsItem.getValue()).a1).toMatchObject({ ok: true });
  });

  it("on the user's own backend, the tab closes only after its page loaded", async () => {
    vault.data.accounts[0]!.redirectUrl = 'https://webx.stocksdeveloper.in/auth/angel';
    const { attemptId } = await value<{ attemptId: string }>('login/start', { accountId: 'a1' });
    const tab = await onlyTab();
    await typeAll(attemptId, tab.id, tab.url);
    await login.onTabUrl(
      tab.id,
      `https://webx.stocksdeveloper.in/auth/angel?auth_token=eyJ.a.b&feed_token=F&state=${tab.state}`,
    );
    expect(await tabOpen(tab.id)).toBe(true);
    await login.onTabLoaded(tab.id);
    expect(await tabOpen(tab.id)).toBe(false);
  });
});

describe('timeout and restart', () => {
  it('the timeout alarm fails the attempt and leaves the tab', async () => {
    const { attemptId } = await value<{ attemptId: string }>('login/start', { accountId: 'a1' });
    const tab = await onlyTab();
    await login.onTimeout(attemptId);
    expect((await overview()).attempts[0]).toMatchObject({ status: 'failed', errorKind: 'timeout' });
    expect(await tabOpen(tab.id)).toBe(true);
  });

  it('after a restart, an attempt past its deadline is reported', async () => {
    await loginSettingsItem.setValue({ ...DEFAULT_LOGIN_SETTINGS, timeoutSec: 20 });
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      await value('login/start', { accountId: 'a1' });
      vi.setSystemTime(Date.now() + 30_000);
      clearHandlers();
      login.registerLogin(); // what a fresh service worker does
      await vi.waitFor(async () =>
        expect((await overview()).attempts[0]).toMatchObject({ status: 'failed', errorKind: 'timeout' }),
      );
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('site-initiated', () => {
  const url = 'https://smartapi.angelone.in/publisher-login?api_key=KEY2&state=their-state';

  it('offers the matching account, or asks to unlock', async () => {
    expect(await value('login/portal-hello', undefined, portalSender(9, url))).toEqual({
      mode: 'site',
      accounts: [{ id: 'a2', label: 'Two', autoFill: false }],
    });
    expect(
      await value('login/portal-hello', undefined, portalSender(9, url.replace('KEY2', 'NOPE'))),
    ).toEqual({ mode: 'none' });
    vault.unlocked = false;
    expect(await value('login/portal-hello', undefined, portalSender(9, url))).toEqual({
      mode: 'site-locked',
    });
  });

  it("starts only for the account whose key the page carries, and never looks at the site's state", async () => {
    expect(await send('login/portal-site-start', { accountId: 'a1' }, portalSender(9, url))).toMatchObject({
      ok: false,
      code: 'wrong-account',
    });
    const { attemptId } = await value<{ attemptId: string }>(
      'login/portal-site-start',
      { accountId: 'a2' },
      portalSender(9, url),
    );
    expect(await value('login/portal-hello', undefined, portalSender(9, url))).toEqual({
      mode: 'attempt',
      attemptId,
    });
    await typeAll(attemptId, 9, url);
    // Whatever state the redirect carries (the site chose it): the origin and the typed TOTP decide.
    await login.onTabUrl(9, 'https://www.google.com/?auth_token=eyJ.s.t&feed_token=F&state=anything-else');
    expect(vault.data.accounts[1]!.tokens?.authToken).toBe('eyJ.s.t');
    // A finished attempt's tab is never filled again by itself.
    expect(await value('login/portal-hello', undefined, portalSender(9, url))).toEqual({ mode: 'none' });
  });
});

describe('schedule', () => {
  const settings = (enabled: boolean) => ({
    timeoutSec: 60,
    schedule: { enabled, time: '08:45', weekdays: [0, 1, 2, 3, 4, 5, 6], holidays: [] },
  });

  it('saving arms the alarm at the next run; bad input is refused with a reason', async () => {
    await value('login/settings', { settings: settings(true) });
    const alarm = await browser.alarms.get('sac-login-schedule');
    expect(alarm?.scheduledTime).toBeGreaterThan(Date.now());
    expect(alarm!.scheduledTime - Date.now()).toBeLessThanOrEqual(86_400_000);
    expect(await send('login/settings', { settings: { ...settings(true), timeoutSec: 5 } })).toMatchObject({
      ok: false,
      code: 'bad-timeout',
    });
    expect(
      await send('login/settings', {
        settings: { ...settings(true), schedule: { ...settings(true).schedule, holidays: ['2026-13-01'] } },
      }),
    ).toMatchObject({ ok: false, code: 'bad-holiday' });
    await value('login/settings', { settings: settings(false) });
    expect(await browser.alarms.get('sac-login-schedule')).toBeFalsy();
  });

  it('locked at the scheduled time: notifies, then runs when unlocked the same day', async () => {
    await value('login/settings', { settings: settings(true) });
    vault.unlocked = false;
    const notify = vi.spyOn(browser.notifications, 'create');
    await login.onScheduleAlarm(Date.now());
    expect(notify).toHaveBeenCalled();
    expect(JSON.stringify(notify.mock.calls[0])).toContain('Unlock to log in');
    expect(await loginTabCount()).toBe(0);
    vault.unlocked = true;
    for (const cb of vault.unlockCallbacks) cb();
    await vi.waitFor(async () => expect(await loginTabCount()).toBe(1));
  });

  it('unlocked at the scheduled time: logs in every daily account, one after another', async () => {
    await value('login/settings', { settings: settings(true) });
    await login.onScheduleAlarm(Date.now());
    const o = await overview();
    expect(o.attempts).toHaveLength(1);
    expect(o.queue).toEqual(['a2']);
  });
});

describe('token capture: only out of Angel, to the Redirect URL, after the TOTP', () => {
  const lookAlike = 'https://smartapi-angelone.in.login-help.example';

  it('the tab sent to a look-alike host mid-flow ends the attempt at once; nothing typed or stored after', async () => {
    const { attemptId } = await value<{ attemptId: string }>('login/start', { accountId: 'a1' });
    const tab = await onlyTab();
    await value('login/portal-value', { attemptId, field: 'clientCode' }, portalSender(tab.id, tab.url));
    await login.onTabUrl(tab.id, `${lookAlike}/publisher-login?api_key=KEY1&state=${tab.state}`);
    const a = (await overview()).attempts[0]!;
    expect(a).toMatchObject({ status: 'failed', errorKind: 'left-angel' });
    expect(saidText((a as { message?: LoginSaid }).message)).toContain("left Angel's site");
    expect(saidText((a as { message?: LoginSaid }).message)).toContain(lookAlike);
    // The look-alike page then navigates to the Redirect URL with the right state: ignored.
    await login.onTabUrl(
      tab.id,
      `https://www.google.com/?auth_token=eyJ.evil.sig&feed_token=f&state=${tab.state}`,
    );
    expect(vault.updates).toBe(0);
    expect(delivered).toHaveLength(0);
    // And no value is handed out any more, even if the tab came back to Angel.
    expect(
      await send('login/portal-value', { attemptId, field: 'pin' }, portalSender(tab.id, tab.url)),
    ).toMatchObject({ ok: false, code: 'not-this-tab' });
  });

  it('tokens on the Redirect URL before the TOTP was handed out are refused and end the attempt', async () => {
    await value('login/start', { accountId: 'a1' });
    const tab = await onlyTab();
    await login.onTabUrl(
      tab.id,
      `https://www.google.com/?auth_token=eyJ.early.sig&feed_token=f&state=${tab.state}`,
    );
    expect(vault.updates).toBe(0);
    expect(delivered).toHaveLength(0);
    expect((await overview()).attempts[0]).toMatchObject({ status: 'failed', errorKind: 'left-angel' });
  });

  it('tokens on another Angel page than the known error landing are not taken', async () => {
    const { attemptId } = await value<{ attemptId: string }>('login/start', { accountId: 'a1' });
    const tab = await onlyTab();
    await typeAll(attemptId, tab.id, tab.url);
    await login.onTabUrl(
      tab.id,
      `https://smartapi.angelone.in/myapis?auth_token=eyJ.x.y&feed_token=f&state=${tab.state}`,
    );
    expect(vault.updates).toBe(0);
    expect((await overview()).attempts[0]).toMatchObject({ status: 'running' });
  });

  it('a site-initiated login in a tab that leaves Angel fails the same way', async () => {
    const url = 'https://smartapi.angelone.in/publisher-login?api_key=KEY2&state=';
    const { attemptId } = await value<{ attemptId: string }>(
      'login/portal-site-start',
      { accountId: 'a2' },
      portalSender(9, url),
    );
    await typeAll(attemptId, 9, url);
    await login.onTabUrl(9, `${lookAlike}/cb?auth_token=eyJ.s.t&feed_token=F&state=`);
    expect(vault.updates).toBe(0);
    expect((await overview()).attempts[0]).toMatchObject({ status: 'failed', errorKind: 'left-angel' });
  });
});

describe('one attempt per press', () => {
  it('a double press of "Log in" opens one tab and records one attempt', async () => {
    const [a, b] = await Promise.all([
      value<{ attemptId: string }>('login/start', { accountId: 'a1' }),
      value<{ attemptId: string }>('login/start', { accountId: 'a1' }),
    ]);
    expect(a.attemptId).toBe(b.attemptId);
    expect(await loginTabCount()).toBe(1);
    expect((await overview()).attempts).toHaveLength(1);
  });

  it('two "Log in as" events at once in one tab record one site attempt', async () => {
    const url = 'https://smartapi.angelone.in/publisher-login?api_key=KEY2&state=s';
    const replies = await Promise.all(
      [1, 2, 3].map(() =>
        value<{ attemptId: string }>('login/portal-site-start', { accountId: 'a2' }, portalSender(9, url)),
      ),
    );
    expect(new Set(replies.map((r) => r.attemptId)).size).toBe(1);
    expect((await overview()).attempts).toHaveLength(1);
  });
});
