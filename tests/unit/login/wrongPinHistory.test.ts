/**
 * Wrong PIN and login history in the background, through the message router: the vault is
 * replaced by an in-memory one whose sealed blobs are marked (so the tests can see that
 * history is only ever stored sealed), with the fake browser's tabs, alarms and storage.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { storage } from '#imports';
import { dispatch, type Sender } from '@/utils/messaging';
import type { Account, VaultData } from '@/utils/vault/types';
import { DEFAULT_TOTP } from '@/utils/vault/types';
import { loginResultsItem } from '@/utils/login/storage';
import { renderSaid, t } from '@/utils/i18n';
import { HISTORY_MAX_AGE_MS, type HistoryEntry } from '@/utils/login/history';
import { clearHandlers } from '@/tests/unit/testHooks';

function account(id: string, label: string, apiKey: string): Account {
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
  };
}

const vault = {
  unlocked: true,
  key: 'k1',
  unlockCallbacks: [] as (() => void)[],
  data: { schemaVersion: 1, webhookSecrets: {}, accounts: [] } as VaultData,
};

vi.mock('@/entrypoints/background/vault', async () => {
  const { UserError } = await import('@/utils/messaging');
  const locked = () => new UserError('locked', 'The vault is locked.');
  return {
    isUnlocked: async () => vault.unlocked,
    readVault: async () => {
      if (!vault.unlocked) throw locked();
      return structuredClone(vault.data);
    },
    updateVault: async (fn: (v: VaultData) => void | Promise<void>) => {
      if (!vault.unlocked) throw locked();
      await fn(vault.data);
      return vault.data;
    },
    onVaultUnlocked: (cb: () => void) => vault.unlockCallbacks.push(cb),
    currentTotp: () => ({ code: '111111', remainingMs: 20_000 }),
    // Sealing stand-in: base64 under a key name, unreadable under another key.
    sealBlob: async (plain: string) => {
      if (!vault.unlocked) throw locked();
      return `sealed:${vault.key}:${btoa(unescape(encodeURIComponent(plain)))}`;
    },
    openBlob: async (sealed: string) => {
      if (!vault.unlocked) throw locked();
      const [tag, key, body] = sealed.split(':');
      if (tag !== 'sealed' || key !== vault.key) throw new UserError('blob-damaged', 'damaged');
      return decodeURIComponent(escape(atob(body!)));
    },
  };
});
vi.mock('@/entrypoints/background/delivery', () => ({ enqueueDelivery: async () => undefined }));

const login = await import('@/entrypoints/background/login');
const history = await import('@/entrypoints/background/login/history');

const pageSender = (): Sender => ({ id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') });
const portalSender = (tabId: number, url: string): Sender => ({
  id: browser.runtime.id,
  url,
  origin: new URL(url).origin,
  frameId: 0, // portal messages come only from the tab's top frame
  tab: { id: tabId } as never,
});

type Reply<T> = { ok: true; value: T } | { ok: false; code: string; message: string };
async function send<T>(type: string, data?: unknown, sender: Sender = pageSender()) {
  return (await dispatch({ __sac: 1, type, data }, sender)) as Reply<T>;
}
async function value<T>(type: string, data?: unknown, sender?: Sender): Promise<T> {
  const r = await send<T>(type, data, sender);
  if (!r.ok) throw new Error(`${type}: ${r.code} ${r.message}`);
  return r.value;
}

async function loginTab() {
  const t = (await browser.tabs.query({})).filter((x) => x.url?.includes('/publisher-login')).at(-1);
  if (!t?.id || !t.url) throw new Error('no login tab');
  return { id: t.id, url: t.url };
}

/** Start a login for a1 and answer its page with Angel's `text` after every value was given. */
async function refused(text: string, data: Record<string, unknown> = {}) {
  const { attemptId } = await value<{ attemptId: string }>('login/start', { accountId: 'a1', ...data });
  const tab = await loginTab();
  const s = portalSender(tab.id, tab.url);
  for (const field of ['clientCode', 'pin', 'totp'])
    await value('login/portal-value', { attemptId, field }, s);
  const d = await value<{ action: string; message: string }>('login/portal-error', { attemptId, text }, s);
  return d;
}

async function loginTabs(): Promise<number> {
  return (await browser.tabs.query({})).filter((x) => x.url?.includes('/publisher-login')).length;
}

async function entries(): Promise<HistoryEntry[]> {
  return (await value<{ entries: HistoryEntry[] }>('history/list')).entries;
}

beforeEach(async () => {
  await new Promise((r) => setTimeout(r, 20));
  fakeBrowser.reset();
  await storage.clear('session');
  await storage.clear('local');
  clearHandlers();
  vault.unlocked = true;
  vault.key = 'k1';
  vault.unlockCallbacks = [];
  vault.data = {
    schemaVersion: 1,
    webhookSecrets: {},
    accounts: [account('a1', 'One', 'KEY1'), account('a2', 'Two', 'KEY2')],
  };
  const nav = { addListener: () => undefined };
  (browser as unknown as { webNavigation: unknown }).webNavigation = {
    onBeforeNavigate: nav,
    onCommitted: nav,
    onErrorOccurred: nav,
    onCompleted: nav,
  };
  login.registerLogin();
  history.registerHistory();
  await new Promise((r) => setTimeout(r, 0));
});

describe('wrong PIN with attempts left', () => {
  const ANGEL = 'Invalid MPIN. 2 attempts left before your account is blocked.';

  it('is reported as a wrong PIN with 2 attempts left, not as a locked account', async () => {
    const d = await refused(ANGEL);
    expect(d.action).toBe('stop');
    expect(d.message).toContain('2 attempts left');
    expect(d.message).toContain('not locked');
    expect((await loginResultsItem.getValue()).a1).toMatchObject({ ok: false, needsAttention: true });
    // The vault remembers a fingerprint, never the PIN itself.
    const mark = vault.data.loginWrongPin?.a1;
    expect(mark).toMatchObject({ attemptsLeft: 2 });
    expect(mark?.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(mark)).not.toContain('4321');
  });

  it('a new "Log in" with the same MPIN asks first; confirmed, it starts', async () => {
    await refused(ANGEL);
    const again = await send('login/start', { accountId: 'a1' });
    expect(again).toMatchObject({ ok: false, code: 'confirm-same-pin' });
    expect(again.ok === false && again.message).toBe(
      'Angel said the MPIN was wrong (2 attempts left). Log in with the same MPIN again?',
    );
    expect(await loginTabs()).toBe(1);
    const ok = await value<{ attemptId: string }>('login/start', { accountId: 'a1', confirmSamePin: true });
    expect(ok.attemptId).not.toBe('');
    expect(await loginTabs()).toBe(2);
  });

  it('"Log in all" (which the schedule runs) skips it while the MPIN is unchanged', async () => {
    await refused(ANGEL);
    expect(await value<{ queued: number }>('login/start-all')).toEqual({ queued: 1 });
    expect((await loginTab()).url).toContain('api_key=KEY2');
  });

  it('after the MPIN was changed, "Log in" does not ask and "Log in all" includes it again', async () => {
    await refused('Invalid PIN');
    vault.data.accounts[0]!.secrets.mpin = '9876';
    expect(await value<{ queued: number }>('login/start-all')).toEqual({ queued: 2 });
    expect(await send('login/start', { accountId: 'a1' })).toMatchObject({ ok: true });
  });

  it('one attempt left: says so; a locked account drops the mark', async () => {
    const d = await refused('Invalid MPIN. 1 attempt remaining');
    expect(d.message).toContain('1 attempt left');
    expect(await send('login/start', { accountId: 'a1' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('(1 attempt left)'),
    });
    await refused('Your account is locked. Reset your MPIN.', { confirmSamePin: true });
    expect(vault.data.loginWrongPin?.a1).toBeUndefined();
  });
});

describe('login history', () => {
  it("records the failed step and Angel's words, sealed, with no secret in them", async () => {
    await refused('Invalid MPIN 4321 for C-a1 with 123456. 2 attempts left');
    const list = await entries();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      accountId: 'a1',
      label: 'One',
      kind: 'login',
      result: 'failure',
      step: 'pin',
    });
    // Stored as a message (shown in the language of the moment), Angel's words masked inside it.
    expect(list[0]!.message).toMatchObject({ code: 'ip.errWrongPinLeft', params: { left: 2 } });
    const text = renderSaid(list[0]!.message, t);
    expect(text).toContain('2 attempts left');
    expect(text).toContain('Invalid MPIN');
    expect(JSON.stringify(list[0])).not.toMatch(/4321|123456/);
    const stored = String(await history.historyItem.getValue());
    expect(stored).toMatch(/^sealed:k1:[A-Za-z0-9+/=]+$/);
    expect(stored).not.toContain('attempts left');
  });

  it('records validation and delivery outcomes', async () => {
    await history.recordValidationHistory({
      accountId: 'a2',
      label: 'Two',
      clientCode: 'C-a2',
      state: 'failed',
      startedAt: Date.now(),
      finishedAt: Date.now(),
      advice: {
        code: 'AB1050',
        category: 'totp',
        explanation: 'Angel refused the TOTP code.',
        nextStep: 'Check the clock.',
        angelMessage: 'Invalid totp',
        credentialError: true,
      },
    } as never);
    await history.recordDeliveryHistory(
      'a2',
      'https://hooks.example.com/angel?k=1',
      true,
      'Delivered (HTTP 200).',
    );
    const list = await entries();
    expect(list.map((e) => [e.kind, e.result, e.step])).toEqual([
      ['validation', 'failure', 'AB1050'],
      ['delivery', 'success', 'hooks.example.com'],
    ]);
  });

  it('prunes entries older than 60 days when writing, never when reading', async () => {
    const old: HistoryEntry = {
      id: 'old',
      at: Date.now() - HISTORY_MAX_AGE_MS - 60_000,
      accountId: 'a1',
      label: 'One',
      kind: 'login',
      result: 'success',
      message: 'Logged in.',
    };
    await history.historyItem.setValue(`sealed:k1:${btoa(JSON.stringify([old]))}`);
    const before = await history.historyItem.getValue();
    expect((await entries()).map((e) => e.id)).toEqual(['old']);
    expect(await history.historyItem.getValue()).toBe(before);
    await history.recordDeliveryHistory('a1', undefined, false, 'Refused.');
    expect((await entries()).map((e) => e.kind)).toEqual(['delivery']);
  });

  it('while locked, entries wait in session storage and are sealed in at unlock', async () => {
    vault.unlocked = false;
    await history.recordDeliveryHistory('a1', undefined, true, 'Delivered.');
    expect(await history.historyItem.getValue()).toBeNull();
    expect(await send('history/list')).toMatchObject({ ok: false, code: 'locked' });
    vault.unlocked = true;
    for (const cb of vault.unlockCallbacks) cb();
    await history.flushPendingHistory();
    const list = await entries();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ label: 'One', kind: 'delivery' });
    expect(await history.historyPendingItem.getValue()).toEqual([]);
  });

  it('history sealed under another vault key is reported unreadable and replaced on write', async () => {
    await history.recordDeliveryHistory('a1', undefined, true, 'Delivered.');
    vault.key = 'k2';
    expect(await value('history/list')).toEqual({ entries: [], unreadable: true });
    await history.recordDeliveryHistory('a1', undefined, false, 'Refused.');
    expect(await value('history/list')).toMatchObject({
      unreadable: false,
      entries: [{ result: 'failure' }],
    });
    await value('history/clear');
    expect(await value('history/list')).toEqual({ entries: [], unreadable: false });
  });

  it('only extension pages may read or clear it', async () => {
    const portal = portalSender(1, 'https://smartapi.angelone.in/publisher-login');
    expect(await send('history/list', undefined, portal)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await send('history/clear', undefined, portal)).toMatchObject({ ok: false, code: 'forbidden' });
  });
});
