import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatch, UserError, type MessageType, type ReqOf, type ResOf } from '@/utils/messaging';
import { readVault, registerVault, updateVault } from '@/entrypoints/background/vault';
import { registerPopupStartup } from '@/entrypoints/background/vault/popupStartup';
import { dropCache, peekVault } from '@/entrypoints/background/vault/store';
import * as envelope from '@/utils/vault/envelope';
import type { AccountInput } from '@/utils/vault/types';
import { clearHandlers, setKdfIterationsForTests } from '@/tests/unit/testHooks';

const PW = 'master password 1';
const pageSender = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });

async function send<K extends MessageType>(
  type: K,
  ...data: ReqOf<K> extends void ? [] : [ReqOf<K>]
): Promise<ResOf<K>> {
  const reply = await dispatch({ __sac: 1, type, data: data[0] }, pageSender());
  if (!reply) throw new Error('no reply');
  if (!reply.ok) throw new UserError(reply.code, reply.message);
  return reply.value as ResOf<K>;
}

const account = (label: string, totpSecret: string): AccountInput => ({
  label,
  clientCode: `C${label.length}${label.charCodeAt(0)}`,
  mpin: '4821',
  totpSecret,
  apiKey: 'Zq8RkT2pLm',
  apiSecret: '',
  platform: 'SMART_API',
  redirectUrl: '',
  notes: '',
  dailyLogin: false,
  autoFill: false,
});

beforeEach(() => {
  fakeBrowser.reset();
  clearHandlers();
  vi.restoreAllMocks();
  setKdfIterationsForTests(1000);
  registerVault();
  registerPopupStartup();
});

describe('popup/startup', () => {
  it('answers status only while there is no vault or it is locked', async () => {
    expect(await send('popup/startup')).toMatchObject({
      status: { state: 'none' },
      accounts: [],
      codes: null,
    });
    await send('vault/create', { password: PW });
    await send('accounts/save', { input: account('Main', 'JBSWY3DPEHPK3PXPGEZDGNBV') });
    await send('vault/lock');
    const locked = await send('popup/startup');
    expect(locked).toMatchObject({ status: { state: 'locked', accountCount: 1 }, accounts: [], codes: null });
  });

  it('when unlocked: status, account summaries and codes in one answer, equal to the three separate ones', async () => {
    await send('vault/create', { password: PW });
    await send('accounts/save', { input: account('Main', 'JBSWY3DPEHPK3PXPGEZDGNBV') });
    await send('accounts/save', { input: account('No secret', '') });
    const startup = await send('popup/startup');
    expect(startup.status).toEqual(await send('vault/status'));
    expect(startup.accounts).toEqual(await send('accounts/list'));
    const codes = await send('totp/codes');
    expect(startup.codes?.codes.map((c) => c.accountId)).toEqual(codes.codes.map((c) => c.accountId));
    expect(startup.codes?.codes).toHaveLength(1);
    expect(startup.codes?.codes[0]?.code).toMatch(/^\d{6}$/);
    // Summaries only: no secret crosses to the popup.
    const text = JSON.stringify(startup);
    for (const secret of ['4821', 'Zq8RkT2pLm', 'JBSWY3DPEHPK3PXPGEZDGNBV'])
      expect(text).not.toContain(secret);
  });

  it('refuses a sender that is not an extension page', async () => {
    const reply = await dispatch(
      { __sac: 1, type: 'popup/startup' },
      { id: 'other', url: 'https://evil.example/' },
    );
    expect(reply).toMatchObject({ ok: false, code: 'forbidden' });
  });
});

describe('read cache of the background vault', () => {
  beforeEach(async () => {
    await send('vault/create', { password: PW });
    await send('accounts/save', { input: account('Main', 'JBSWY3DPEHPK3PXPGEZDGNBV') });
  });

  it('reads decrypt and parse once per stored version; read-only data is frozen, loadVault copies are not', async () => {
    const open = vi.spyOn(envelope, 'openData');
    const first = await peekVault();
    expect(await peekVault()).toBe(first);
    await send('popup/startup');
    await send('totp/codes');
    expect(open).not.toHaveBeenCalled();
    dropCache(); // the spy does see decryption when there is something to decrypt
    await peekVault();
    expect(open).toHaveBeenCalledTimes(1);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.accounts[0]!.secrets)).toBe(true);
    expect(() => {
      (first.accounts as unknown as unknown[]).push({});
    }).toThrow(TypeError);
    const copy = await readVault();
    copy.accounts[0]!.label = 'changed in a copy';
    expect((await peekVault()).accounts[0]!.label).toBe('Main');
  });

  it('a write, a change of the stored envelope and a lock all invalidate it', async () => {
    const before = await peekVault();
    await updateVault((v) => {
      v.accounts[0]!.label = 'Renamed';
    });
    const after = await peekVault();
    expect(after).not.toBe(before);
    expect(after.accounts[0]!.label).toBe('Renamed');
    // Someone else stores a different envelope (restore in another context): it is re-read.
    const stored = (await fakeBrowser.storage.local.get('vault')).vault as Record<string, unknown>;
    await updateVault((v) => {
      v.accounts[0]!.label = 'Third';
    });
    await fakeBrowser.storage.local.set({ vault: stored });
    expect((await peekVault()).accounts[0]!.label).toBe('Renamed');
    await send('vault/lock');
    expect((await peekVault().catch((e: UserError) => e)) as UserError).toMatchObject({ code: 'locked' });
  });

  it('a damaged stored envelope is noticed even though the last one was cached', async () => {
    await peekVault();
    const stored = (await fakeBrowser.storage.local.get('vault')).vault as {
      data: { iv: string; ct: string };
    };
    await fakeBrowser.storage.local.set({ vault: { ...stored, data: { ...stored.data, ct: 'AAAA' } } });
    expect(((await peekVault().catch((e: UserError) => e)) as UserError).code).toBe('vault-corrupt');
  });
});
