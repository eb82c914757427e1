import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatch, UserError, type MessageType, type ReqOf, type ResOf } from '@/utils/messaging';
import {
  AUTO_LOCK_ALARM,
  currentKdfIterations,
  currentTotp,
  isUnlocked,
  onAutoLockAlarm,
  onVaultUnlocked,
  openBlob,
  readVault,
  recordServerDate,
  registerVault,
  sealBlob,
  updateVault,
} from '@/entrypoints/background/vault';
import { measureSkewIfDue } from '@/entrypoints/background/vault/skew';
import { listenForAlarms } from '@/entrypoints/background/alarms';
import { DEFAULT_KDF_ITERATIONS } from '@/utils/vault/envelope';
import { createV1Envelope } from '../../fixtures/update/v1Envelope';
import { totpCode } from '@/utils/vault/totp';
import { decodeBase32 } from '@/utils/vault/base32';
import { toBase64 } from '@/utils/vault/bytes';
import type { AccountInput } from '@/utils/vault/types';
import { clearHandlers, setKdfIterationsForTests } from '@/tests/unit/testHooks';

const IT = 1000;
const PW = 'master password 1';
const pageSender = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') });

async function send<K extends MessageType>(
  type: K,
  ...data: ReqOf<K> extends void ? [] : [ReqOf<K>]
): Promise<ResOf<K>> {
  const reply = await dispatch({ __sac: 1, type, data: data[0] }, pageSender());
  if (!reply) throw new Error('no reply');
  if (!reply.ok) throw new UserError(reply.code, reply.message);
  return reply.value as ResOf<K>;
}

async function rejection(p: Promise<unknown>): Promise<UserError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof UserError) return err;
    throw err;
  }
  throw new Error('expected a UserError');
}

const SECRET = 'JBSWY3DPEHPK3PXPGEZDGNBV';
const input: AccountInput = {
  label: 'Main account',
  clientCode: 'A123456',
  mpin: '4821',
  totpSecret: 'jbsw y3dp ehpk 3pxp gezd gnbv',
  apiKey: 'Zq8RkT2pLm',
  apiSecret: 'apisecret-77f1',
  platform: 'SMART_API',
  redirectUrl: 'https://webx.stocksdeveloper.in/auth/angel',
  notes: 'my notes',
  dailyLogin: true,
  autoFill: false,
};

async function dumpArea(area: 'local' | 'sync' | 'session'): Promise<string> {
  return JSON.stringify(await fakeBrowser.storage[area].get(null));
}

beforeEach(() => {
  fakeBrowser.reset();
  clearHandlers();
  setKdfIterationsForTests(IT);
  registerVault();
  listenForAlarms();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('vault lifecycle', () => {
  it('production KDF default is at least 600,000 iterations', () => {
    setKdfIterationsForTests(null);
    expect(currentKdfIterations()).toBe(DEFAULT_KDF_ITERATIONS);
    expect(currentKdfIterations()).toBeGreaterThanOrEqual(600_000);
    setKdfIterationsForTests(IT);
  });

  it('starts with no vault, creates one (unlocked), locks and unlocks', async () => {
    expect(await send('vault/status')).toMatchObject({
      state: 'none',
      autoLockMinutes: 30,
      accountCount: 0,
      backupReminder: false,
    });
    expect((await rejection(send('vault/create', { password: 'short' }))).code).toBe('weak-password');
    expect(await send('vault/create', { password: PW })).toMatchObject({ state: 'unlocked' });
    expect(await isUnlocked()).toBe(true);
    const stored = (await fakeBrowser.storage.local.get('vault')).vault;
    expect(stored).toMatchObject({ v: 2, kdf: { name: 'PBKDF2-SHA256', iterations: IT } });
    expect((await rejection(send('vault/create', { password: PW }))).code).toBe('vault-exists');

    expect(await send('vault/lock')).toMatchObject({ state: 'locked' });
    expect(await isUnlocked()).toBe(false);
    expect((await rejection(send('accounts/list'))).code).toBe('locked');
    expect((await rejection(readVault())).code).toBe('locked');
    expect(await send('vault/unlock', { password: PW })).toMatchObject({ state: 'unlocked' });
  });

  it('refuses a wrong password with a plain message and stays locked', async () => {
    await send('vault/create', { password: PW });
    await send('vault/lock');
    const err = await rejection(send('vault/unlock', { password: 'not the password' }));
    expect(err.code).toBe('wrong-password');
    expect(err.message).toMatch(/not correct/);
    expect((await send('vault/status')).state).toBe('locked');
  });

  it('calls onVaultUnlocked listeners after unlock', async () => {
    const cb = vi.fn();
    onVaultUnlocked(cb);
    await send('vault/create', { password: PW });
    await send('vault/lock');
    cb.mockClear();
    await send('vault/unlock', { password: PW });
    expect(cb).toHaveBeenCalledTimes(1);
  });

  it('changes the password only with the current one, re-wrapping the key and keeping the data', async () => {
    await send('vault/create', { password: PW });
    await send('accounts/save', { input });
    const before = (await fakeBrowser.storage.local.get('vault')).vault as {
      data: unknown;
      kdf: { salt: string };
    };
    expect(
      (await rejection(send('vault/change-password', { current: 'wrong one!', next: 'new password 2' })))
        .code,
    ).toBe('wrong-password');
    await send('vault/change-password', { current: PW, next: 'new password 2' });
    const after = (await fakeBrowser.storage.local.get('vault')).vault as {
      data: unknown;
      kdf: { salt: string };
    };
    expect(after.data).toEqual(before.data);
    expect(after.kdf.salt).not.toBe(before.kdf.salt);
    await send('vault/lock');
    expect((await rejection(send('vault/unlock', { password: PW }))).code).toBe('wrong-password');
    await send('vault/unlock', { password: 'new password 2' });
    expect((await send('accounts/list')).map((a) => a.label)).toEqual(['Main account']);
  });

  it('after a browser restart (session storage cleared) the vault is locked and intact', async () => {
    await send('vault/create', { password: PW });
    await send('accounts/save', { input });
    await fakeBrowser.storage.session.clear();
    expect((await send('vault/status')).state).toBe('locked');
    expect(await send('vault/status')).toMatchObject({ accountCount: 1 });
    // Re-registering (a new service worker) does not bring the key back.
    clearHandlers();
    registerVault();
    expect((await send('vault/status')).state).toBe('locked');
    await send('vault/unlock', { password: PW });
    expect((await send('accounts/list'))[0]).toMatchObject({ label: 'Main account', clientCode: 'A123456' });
  });

  it('only extension pages may ask', async () => {
    const reply = await dispatch(
      { __sac: 1, type: 'vault/status' },
      { id: fakeBrowser.runtime.id, url: 'https://smartapi.angelone.in/x', tab: { id: 3 } as never },
    );
    expect(reply).toMatchObject({ ok: false, code: 'forbidden' });
  });
});

describe('corrupt vaults are never wiped silently', () => {
  it('an unreadable envelope: status corrupt with a reason; create refused; reset needs RESET and keeps a copy', async () => {
    await fakeBrowser.storage.local.set({ vault: { v: 2, kdf: 'garbage' } });
    const status = await send('vault/status');
    expect(status.state).toBe('corrupt');
    expect(status.problem).toMatch(/key-derivation settings/);
    expect(status.problem).toMatch(/Import a backup/);
    expect(await send('vault/unlock', { password: PW })).toMatchObject({ state: 'corrupt' });
    expect((await rejection(send('vault/create', { password: PW }))).code).toBe('vault-exists');
    expect((await rejection(send('vault/reset', { confirm: 'reset' }))).code).toBe('confirm-reset');
    expect((await fakeBrowser.storage.local.get('vault')).vault).toEqual({ v: 2, kdf: 'garbage' });

    expect(await send('vault/reset', { confirm: 'RESET' })).toMatchObject({ state: 'none' });
    // A reset keeps no copy of anything.
    expect(await fakeBrowser.storage.local.get(['vault', 'vaultKeptCopies'])).toEqual({});
  });

  it('data that fails its integrity check: corrupt after unlock, nothing rewritten', async () => {
    await send('vault/create', { password: PW });
    await send('accounts/save', { input });
    await send('vault/lock');
    const env = (await fakeBrowser.storage.local.get('vault')).vault as { data: { ct: string } };
    const ct = env.data.ct;
    const tampered = { ...env, data: { ...env.data, ct: (ct[5] === 'A' ? 'B' : 'A') + ct.slice(1) } };
    tampered.data.ct = ct.slice(0, 5) + (ct[5] === 'A' ? 'B' : 'A') + ct.slice(6);
    await fakeBrowser.storage.local.set({ vault: tampered });
    const status = await send('vault/unlock', { password: PW });
    expect(status.state).toBe('corrupt');
    expect(status.problem).toMatch(/integrity check/);
    expect((await send('vault/status')).state).toBe('corrupt');
    expect((await fakeBrowser.storage.local.get('vault')).vault).toEqual(tampered);
    // The wrong password is still reported as such, not as corruption.
    expect((await rejection(send('vault/unlock', { password: 'wrong password' }))).code).toBe(
      'wrong-password',
    );
  });

  it('an unknown future version is reported, not overwritten', async () => {
    await fakeBrowser.storage.local.set({ vault: { v: 7, whatever: true } });
    const status = await send('vault/status');
    expect(status).toMatchObject({ state: 'corrupt' });
    expect(status.problem).toMatch(/format version 7/);
  });

  it('a backup can be restored over a corrupt vault, which is set aside first', async () => {
    await send('vault/create', { password: PW });
    await send('accounts/save', { input });
    const file = await send('backup/export', { password: 'backup password' });
    await fakeBrowser.storage.local.set({ vault: 'not json at all' });
    await fakeBrowser.storage.session.clear();
    expect((await send('vault/status')).state).toBe('corrupt');
    expect(
      await send('backup/preview', { content: file.content, password: 'backup password', mode: 'replace' }),
    ).toMatchObject({
      added: ['Main account (A123456)'],
      changed: [],
      unchanged: [],
      removed: [],
    });
    await send('backup/import', { content: file.content, password: 'backup password', mode: 'replace' });
    expect((await send('vault/status')).state).toBe('unlocked');
    expect((await send('accounts/list')).map((a) => a.label)).toEqual(['Main account']);
    const kept = (await fakeBrowser.storage.local.get('vaultKeptCopies')).vaultKeptCopies as Array<{
      envelope: unknown;
    }>;
    expect(kept[0]!.envelope).toBe('not json at all');
    await send('vault/lock');
    await send('vault/unlock', { password: 'backup password' });

    // Listed in Options, exportable exactly as stored, deletable; a reset deletes every copy.
    const list = await send('vault/kept-copies');
    expect(list).toEqual([expect.objectContaining({ reason: 'restore', size: 'not json at all'.length })]);
    const exported = await send('vault/kept-copy-export', { id: list[0]!.id });
    expect(exported.content).toBe('not json at all');
    expect(exported.fileName).toMatch(/^smartapi-companion-kept-vault-\d{4}-\d\d-\d\d-\d+\.json$/);
    expect((await rejection(send('vault/kept-copy-delete', { id: 42 }))).code).toBe('no-kept-copy');
    expect(await send('vault/kept-copy-delete', { id: list[0]!.id })).toEqual([]);
    expect(await fakeBrowser.storage.local.get('vaultKeptCopies')).toEqual({});
  });

  it('a reset removes the vault and every kept copy, also copies kept by an earlier version', async () => {
    await send('vault/create', { password: PW });
    await send('accounts/save', { input });
    const old = (await fakeBrowser.storage.local.get('vault')).vault;
    await fakeBrowser.storage.local.set({
      vaultKeptCopies: [{ savedAt: 1, reason: 'before reset', envelope: old }],
    });
    expect(await send('vault/kept-copies')).toEqual([expect.objectContaining({ id: 1, reason: 'reset' })]);
    await send('vault/reset', { confirm: 'RESET' });
    const local = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(local).not.toContain(JSON.stringify(old).slice(20, 80));
    expect(await fakeBrowser.storage.local.get(['vault', 'vaultKeptCopies'])).toEqual({});
    expect(await send('vault/kept-copies')).toEqual([]);
    // The old master password opens nothing any more.
    expect((await rejection(send('vault/unlock', { password: PW }))).code).toBe('no-vault');
  });
});

describe('migration', () => {
  it('reads a v1 envelope and upgrades it to v2 on unlock', async () => {
    const data = {
      accounts: [
        {
          id: 'acc-1',
          label: 'Old',
          clientCode: 'Z9',
          platform: 'SMART_API',
          redirectUrl: 'https://webx.stocksdeveloper.in/auth/angel',
          notes: '',
          totp: { algorithm: 'SHA1', digits: 6, period: 30 },
          dailyLogin: false,
          autoFill: false,
          secrets: { mpin: '1111', totpSecret: SECRET, apiKey: 'k' },
        },
      ],
      webhookSecrets: {},
    };
    await fakeBrowser.storage.local.set({
      vault: await createV1Envelope(PW, JSON.stringify(data), 500),
    });
    expect((await send('vault/status')).state).toBe('locked');
    expect((await rejection(send('vault/unlock', { password: 'wrong password' }))).code).toBe(
      'wrong-password',
    );
    expect((await fakeBrowser.storage.local.get('vault')).vault).not.toHaveProperty('v');
    expect((await send('vault/unlock', { password: PW })).state).toBe('unlocked');
    const stored = (await fakeBrowser.storage.local.get('vault')).vault;
    expect(stored).toMatchObject({ v: 2, kdf: { iterations: IT } });
    expect((await send('accounts/list'))[0]).toMatchObject({
      id: 'acc-1',
      label: 'Old',
      hasMpin: true,
      hasTotpSecret: true,
    });
    await send('vault/lock');
    expect((await send('vault/unlock', { password: PW })).state).toBe('unlocked');
  });
});

describe('migration of a damaged v1 vault', () => {
  it('says what failed and leaves the v1 envelope in place', async () => {
    const v1 = await createV1Envelope(PW, 'this is not JSON', 500);
    await fakeBrowser.storage.local.set({ vault: v1 });
    const err = await rejection(send('vault/unlock', { password: PW }));
    expect(err.code).toBe('vault-corrupt');
    expect(err.message).toMatch(/not valid JSON.*Import a backup/);
    expect((await fakeBrowser.storage.local.get('vault')).vault).toEqual(v1);
    expect(await isUnlocked()).toBe(false);
  });
});

describe('accounts', () => {
  beforeEach(async () => {
    await send('vault/create', { password: PW });
  });

  it('nothing is saved while a field is invalid; errors come back per field', async () => {
    const res = await send('accounts/save', {
      input: { ...input, mpin: '12', redirectUrl: 'https://localhost/' },
    });
    expect(res.account).toBeUndefined();
    expect(Object.keys(res.errors!).sort()).toEqual(['mpin', 'redirectUrl']);
    expect(await send('accounts/list')).toEqual([]);
    expect((await send('vault/status')).accountCount).toBe(0);
  });

  it('saves, lists summaries only, edits keeping secrets, reorders and deletes', async () => {
    const { account } = await send('accounts/save', { input });
    expect(account).toMatchObject({
      label: 'Main account',
      clientCode: 'A123456',
      hasMpin: true,
      hasTotpSecret: true,
      hasApiSecret: true,
      apiKeyLast4: '2pLm',
    });
    const list = await send('accounts/list');
    const listed = JSON.stringify(list);
    for (const s of ['4821', SECRET, 'Zq8RkT2pLm', 'apisecret-77f1']) expect(listed).not.toContain(s);

    const edited = await send('accounts/save', {
      id: account!.id,
      input: { ...input, label: 'Renamed', mpin: '', totpSecret: '', apiKey: '', apiSecret: '' },
    });
    expect(edited.account).toMatchObject({
      id: account!.id,
      label: 'Renamed',
      hasMpin: true,
      hasApiSecret: true,
    });
    expect((await readVault()).accounts[0]!.secrets).toEqual({
      mpin: '4821',
      totpSecret: SECRET,
      apiKey: 'Zq8RkT2pLm',
      apiSecret: 'apisecret-77f1',
    });

    const second = (await send('accounts/save', { input: { ...input, label: 'Second', clientCode: 'B1' } }))
      .account!;
    await send('accounts/reorder', { ids: [second.id, account!.id] });
    expect((await send('accounts/list')).map((a) => a.label)).toEqual(['Second', 'Renamed']);
    expect((await rejection(send('accounts/reorder', { ids: [second.id] }))).code).toBe('reorder-mismatch');
    await send('accounts/delete', { id: second.id });
    expect((await send('accounts/list')).map((a) => a.label)).toEqual(['Renamed']);
    expect((await rejection(send('accounts/delete', { id: 'nope' }))).code).toBe('not-found');
    expect((await rejection(send('accounts/save', { id: 'nope', input }))).code).toBe('not-found');
  });

  it('storage holds no plaintext secret in any form', async () => {
    await send('accounts/save', { input });
    await send('vault/set-auto-lock', { minutes: 10 });
    const bytes = decodeBase32(SECRET);
    const needles = [
      '4821',
      SECRET,
      SECRET.toLowerCase(),
      'JBSW Y3DP',
      toBase64(bytes),
      'Zq8RkT2pLm',
      btoa('Zq8RkT2pLm'),
      'apisecret-77f1',
      btoa('apisecret-77f1'),
      btoa('4821'),
      'my notes',
      'A123456',
    ];
    const local = await dumpArea('local');
    const sync = await dumpArea('sync');
    const session = await dumpArea('session');
    expect(local).toContain('"v":2');
    expect(sync).toBe('{}');
    for (const needle of needles) {
      expect(local).not.toContain(needle);
      expect(session).not.toContain(needle);
    }
  });
});

describe('auto-lock', () => {
  it('defaults to 30 minutes and locks by alarm only after the idle time', async () => {
    const t0 = Date.now();
    await send('vault/create', { password: PW });
    const alarm = await fakeBrowser.alarms.get(AUTO_LOCK_ALARM);
    expect(alarm?.scheduledTime).toBeGreaterThanOrEqual(t0 + 30 * 60_000);
    expect(alarm?.scheduledTime).toBeLessThanOrEqual(Date.now() + 30 * 60_000);

    await onAutoLockAlarm(Date.now() + 10 * 60_000); // early (e.g. activity moved it): re-armed
    expect(await isUnlocked()).toBe(true);
    await onAutoLockAlarm(Date.now() + 31 * 60_000);
    expect(await isUnlocked()).toBe(false);
  });

  it('activity from a page pushes the lock back; the alarm event locks', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-28T08:00:00Z'));
    await send('vault/create', { password: PW });
    await send('vault/set-auto-lock', { minutes: 5 });
    vi.setSystemTime(new Date('2026-11-28T08:04:00Z'));
    await send('vault/touch');
    expect((await fakeBrowser.alarms.get(AUTO_LOCK_ALARM))?.scheduledTime).toBe(
      Date.parse('2026-11-28T08:09:00Z'),
    );
    vi.setSystemTime(new Date('2026-11-28T08:06:00Z'));
    await fakeBrowser.alarms.onAlarm.trigger({ name: AUTO_LOCK_ALARM, scheduledTime: Date.now() });
    expect(await isUnlocked()).toBe(true);
    vi.setSystemTime(new Date('2026-11-28T08:09:30Z'));
    await fakeBrowser.alarms.onAlarm.trigger({ name: AUTO_LOCK_ALARM, scheduledTime: Date.now() });
    await vi.waitFor(async () => expect(await isUnlocked()).toBe(false));
  });

  it('only what a person does counts as activity: touches and user actions, not reads', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-28T08:00:00Z'));
    await send('vault/create', { password: PW });
    const due = async () => (await fakeBrowser.alarms.get(AUTO_LOCK_ALARM))?.scheduledTime;
    expect(await due()).toBe(Date.parse('2026-11-28T08:30:00Z'));
    vi.setSystemTime(new Date('2026-11-28T08:10:00Z'));
    for (const type of [
      'vault/status',
      'accounts/list',
      'totp/codes',
      'delivery/overview',
      'login/overview',
    ]) {
      await fakeBrowser.runtime.onMessage.trigger({ __sac: 1, type }, pageSender());
    }
    expect(await due()).toBe(Date.parse('2026-11-28T08:30:00Z'));
    await fakeBrowser.runtime.onMessage.trigger(
      { __sac: 1, type: 'vault/touch' },
      { id: 'other-extension', url: 'https://example.com/' },
    );
    expect(await due()).toBe(Date.parse('2026-11-28T08:30:00Z'));
    await fakeBrowser.runtime.onMessage.trigger({ __sac: 1, type: 'login/start' }, pageSender());
    // (vi.waitFor steps the fake clock by its polling interval, hence the range.)
    await vi.waitFor(async () =>
      expect(await due()).toBeGreaterThanOrEqual(Date.parse('2026-11-28T08:40:00Z')),
    );
    expect(await due()).toBeLessThan(Date.parse('2026-11-28T08:40:01Z'));
  });

  it('an options tab left open (status, lists, codes, overviews every few seconds) ends locked', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const t0 = Date.parse('2026-11-28T08:00:00Z');
    vi.setSystemTime(t0);
    await send('vault/create', { password: PW });
    await send('vault/set-auto-lock', { minutes: 5 });
    await send('accounts/save', { input });
    // Six minutes of what an open options page and popup ask on their own, every 4 s.
    for (let ms = 0; ms <= 6 * 60_000; ms += 4000) {
      vi.setSystemTime(t0 + ms);
      for (const type of ['vault/status', 'accounts/list', 'totp/codes'] as const) {
        await fakeBrowser.runtime.onMessage.trigger({ __sac: 1, type }, pageSender());
        if (await isUnlocked()) await send(type);
      }
      const alarm = await fakeBrowser.alarms.get(AUTO_LOCK_ALARM);
      if (alarm && alarm.scheduledTime <= Date.now()) {
        await fakeBrowser.alarms.onAlarm.trigger(alarm);
      }
    }
    await vi.waitFor(async () => expect(await isUnlocked()).toBe(false));
    expect(await send('vault/status')).toMatchObject({ state: 'locked' });
  });

  it('"never" clears the alarm', async () => {
    await send('vault/create', { password: PW });
    expect(await send('vault/set-auto-lock', { minutes: null })).toMatchObject({ autoLockMinutes: null });
    expect(await fakeBrowser.alarms.get(AUTO_LOCK_ALARM)).toBeUndefined();
    await onAutoLockAlarm(Date.now() + 10 * 24 * 3600_000);
    expect(await isUnlocked()).toBe(true);
    expect((await rejection(send('vault/set-auto-lock', { minutes: 0 }))).code).toBe('bad-auto-lock');
  });

  it('locks when the system locks', async () => {
    let listener: ((state: string) => void) | undefined;
    (fakeBrowser as unknown as { idle: unknown }).idle = {
      onStateChanged: { addListener: (l: (s: string) => void) => (listener = l) },
    };
    clearHandlers();
    registerVault();
    await send('vault/create', { password: PW });
    listener!('idle');
    expect(await isUnlocked()).toBe(true);
    listener!('locked');
    await vi.waitFor(async () => expect(await isUnlocked()).toBe(false));
  });
});

describe('TOTP codes and clock skew', () => {
  beforeEach(async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(null, { headers: { date: new Date().toUTCString() } })),
    );
    await send('vault/create', { password: PW });
    await send('accounts/save', { input });
    await send('accounts/save', {
      input: {
        ...input,
        label: 'No TOTP',
        clientCode: 'B2',
        platform: 'SMART_API_M',
        totpSecret: '',
        mpin: '',
      },
    });
  });

  it('gives codes for accounts with TOTP secrets only, with the next code in the last 5 s', async () => {
    const res = await send('totp/codes');
    expect(res.codes).toHaveLength(1);
    const now = Date.now();
    const c = res.codes[0]!;
    const params = { algorithm: 'SHA1' as const, digits: 6 as const, period: 30 };
    expect([totpCode(SECRET, params, now), totpCode(SECRET, params, now - 1000)]).toContain(c.code);
    expect(c.period).toBe(30);
    expect(c.next === null).toBe(c.remainingMs > 5000);
  });

  it('measures skew from the Date header (falling back to the older host) and corrects codes above 5 s', async () => {
    const fetchMock = vi.fn(async (url: string, _init?: RequestInit) => {
      if (url.includes('angelone')) throw new TypeError('network down');
      return new Response(null, { headers: { date: new Date(Date.now() + 90_000).toUTCString() } });
    });
    vi.stubGlobal('fetch', fetchMock);
    await measureSkewIfDue(true);
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual([
      'https://smartapi.angelone.in/',
      'https://smartapi.angelbroking.com/',
    ]);
    expect(fetchMock.mock.calls[0]![1]).toMatchObject({ method: 'HEAD', cache: 'no-store' });
    const res = await send('totp/codes');
    expect(res.skewWarning).toBe(true);
    expect(res.skewMs!).toBeGreaterThan(88_000);
    expect(res.skewMs!).toBeLessThan(92_000);
    const account = (await readVault()).accounts[0]!;
    const at = Date.parse('2026-11-28T08:00:10Z');
    expect(currentTotp(account, at).code).toBe(totpCode(SECRET, account.totp, at + res.skewMs!));
    // Measured at most every 10 minutes.
    fetchMock.mockClear();
    await measureSkewIfDue(false);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('small offsets are reported but not applied; bad Date headers are ignored', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('offline'))),
    );
    const now = Date.now();
    await recordServerDate(new Date(now + 2000).toUTCString(), now - 100, now + 100);
    const res = await send('totp/codes');
    expect(res.skewWarning).toBe(false);
    expect(Math.abs(res.skewMs! - 2000)).toBeLessThanOrEqual(1000);
    await recordServerDate('not a date', now, now);
    await recordServerDate(new Date(now).toUTCString(), now - 60_000, now); // too slow to trust
    expect((await send('totp/codes')).skewMs).toBe(res.skewMs);
    const account = (await readVault()).accounts[0]!;
    expect(currentTotp(account, now).code).toBe(totpCode(SECRET, account.totp, now));
  });

  it('currentTotp refuses an account without a secret', async () => {
    const noTotp = (await readVault()).accounts[1]!;
    expect(() => currentTotp(noTotp)).toThrow(UserError);
  });
});

describe('API for other background features', () => {
  beforeEach(async () => {
    await send('vault/create', { password: PW });
  });

  it('updateVault writes with a fresh IV and readVault returns private copies', async () => {
    const iv1 = ((await fakeBrowser.storage.local.get('vault')).vault as { data: { iv: string } }).data.iv;
    await updateVault((v) => {
      v.webhookSecrets.t1 = 'whsec';
    });
    const iv2 = ((await fakeBrowser.storage.local.get('vault')).vault as { data: { iv: string } }).data.iv;
    expect(iv2).not.toBe(iv1);
    const copy = await readVault();
    copy.webhookSecrets.t1 = 'changed';
    expect((await readVault()).webhookSecrets.t1).toBe('whsec');
    // Concurrent updates do not lose each other's changes.
    await Promise.all(
      [1, 2, 3, 4].map((i) => updateVault((v) => void (v.webhookSecrets[`k${i}`] = String(i)))),
    );
    expect(Object.keys((await readVault()).webhookSecrets).sort()).toEqual(['k1', 'k2', 'k3', 'k4', 't1']);
  });

  it('sealBlob/openBlob round-trip, detect tampering and need the vault unlocked', async () => {
    const sealed = await sealBlob('{"token":"abc"}');
    expect(sealed).not.toContain('abc');
    expect(await openBlob(sealed)).toBe('{"token":"abc"}');
    expect(await sealBlob('x')).not.toBe(await sealBlob('x'));
    const parts = sealed.split(':');
    const bad = `${parts[0]}:${parts[1]}:${parts[2]!.startsWith('A') ? 'B' : 'A'}${parts[2]!.slice(1)}`;
    expect((await rejection(openBlob(bad))).code).toBe('blob-damaged');
    await send('vault/lock');
    expect((await rejection(sealBlob('x'))).code).toBe('locked');
    await send('vault/unlock', { password: PW });
    expect(await openBlob(sealed)).toBe('{"token":"abc"}');
  });
});

describe('backups through messages', () => {
  beforeEach(async () => {
    await send('vault/create', { password: PW });
  });

  it('reminds after the first account until a backup is exported', async () => {
    expect((await send('vault/status')).backupReminder).toBe(false);
    await send('accounts/save', { input });
    expect((await send('vault/status')).backupReminder).toBe(true);
    expect((await rejection(send('backup/export', { password: 'short' }))).code).toBe('weak-password');
    const file = await send('backup/export', { password: 'backup password' });
    expect(file.fileName).toMatch(/^smartapi-companion-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(file.content).not.toContain('4821');
    expect((await send('vault/status')).backupReminder).toBe(false);
    expect((await readVault()).backupExportedAt).toBeTypeOf('number');
  });

  it('merge import previews and applies; wrong backup password is refused', async () => {
    await send('accounts/save', { input });
    const file = await send('backup/export', { password: 'backup password' });
    await send('accounts/save', { input: { ...input, label: 'Later', clientCode: 'L1' } });
    const main = (await send('accounts/list'))[0]!;
    await send('accounts/save', { id: main.id, input: { ...input, mpin: '9999' } });
    expect(
      (await rejection(send('backup/preview', { content: file.content, password: 'nope', mode: 'merge' })))
        .code,
    ).toBe('backup-wrong-password');
    const preview = await send('backup/preview', {
      content: file.content,
      password: 'backup password',
      mode: 'merge',
    });
    expect(preview).toMatchObject({
      added: [],
      changed: ['Main account (A123456)'],
      unchanged: [],
      removed: [],
    });
    const replacePreview = await send('backup/preview', {
      content: file.content,
      password: 'backup password',
      mode: 'replace',
    });
    expect(replacePreview.removed).toEqual(['Later (L1)']);
    await send('backup/import', { content: file.content, password: 'backup password', mode: 'merge' });
    expect((await readVault()).accounts.map((a) => [a.label, a.secrets.mpin])).toEqual([
      ['Main account', '4821'],
      ['Later', '4821'],
    ]);
  });

  it('otpauth export needs confirmation; import merges', async () => {
    await send('accounts/save', { input });
    expect((await rejection(send('backup/export-otpauth', { confirmUnencrypted: false }))).code).toBe(
      'confirm-unencrypted',
    );
    const out = await send('backup/export-otpauth', { confirmUnencrypted: true });
    expect(out.content).toBe(
      `otpauth://totp/Angel%20One:Main%20account%20(A123456)?secret=${SECRET}&issuer=Angel%20One&algorithm=SHA1&digits=6&period=30\n`,
    );
    const preview = await send('backup/import-otpauth', {
      content: `${out.content}otpauth://totp/Angel%20One:B7?secret=GEZDGNBVGY3TQOJQ\n`,
    });
    expect(preview).toEqual({
      added: ['B7 (B7)'],
      changed: [],
      unchanged: ['Main account (A123456)'],
      removed: [],
    });
    expect((await send('accounts/list')).map((a) => a.label)).toEqual(['Main account', 'B7']);
    expect((await rejection(send('backup/import-otpauth', { content: 'garbage' }))).code).toBe(
      'backup-bad-line',
    );
  });
});
