/**
 * The background's validation handlers through the message router, with the vault and
 * delivery modules replaced: settings checks, result storage, interrupted runs, pruning.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { dispatch, type Sender } from '@/utils/messaging';
import type { VaultData } from '@/utils/vault/types';
import { DEFAULT_TOTP } from '@/utils/vault/types';
import { validationResultsItem } from '@/utils/angel/results';
import type { ValidationResult } from '@/utils/angel/protocol';
import { clearHandlers } from '@/tests/unit/testHooks';

const vault: { data: VaultData; unlocked: boolean } = {
  unlocked: true,
  data: {
    schemaVersion: 1,
    webhookSecrets: {},
    accounts: [
      {
        id: 'acc-1',
        label: 'No PIN',
        clientCode: 'R1',
        platform: 'SMART_API_M',
        redirectUrl: '',
        notes: '',
        totp: DEFAULT_TOTP,
        dailyLogin: false,
        autoFill: false,
        secrets: { mpin: '', totpSecret: '', apiKey: 'KEY1' },
      },
    ],
  },
};

vi.mock('@/entrypoints/background/vault', async () => {
  const { UserError } = await import('@/utils/messaging');
  return {
    isUnlocked: async () => vault.unlocked,
    readVault: async () => {
      if (!vault.unlocked) throw new UserError('locked', 'The vault is locked. Unlock it, then try again.');
      return structuredClone(vault.data);
    },
    updateVault: async (fn: (v: VaultData) => void) => {
      fn(vault.data);
      return vault.data;
    },
    currentTotp: () => ({ code: '000000', remainingMs: 20_000 }),
    recordServerDate: async () => undefined,
    onAccountsChanged: (cb: (ids: ReadonlySet<string>) => Promise<void>) => accountsChanged.push(cb),
  };
});
const accountsChanged: Array<(ids: ReadonlySet<string>) => Promise<void>> = [];
vi.mock('@/entrypoints/background/delivery', () => ({ enqueueDelivery: async () => undefined }));

const { registerValidation } = await import('@/entrypoints/background/validate');

function pageSender(): Sender {
  return { id: browser.runtime.id, url: browser.runtime.getURL('/options.html') };
}

async function send<T>(type: string, data?: unknown, sender: Sender = pageSender()) {
  const reply = await dispatch({ __sac: 1, type, data }, sender);
  return reply as { ok: true; value: T } | { ok: false; code: string; message: string };
}

beforeEach(() => {
  fakeBrowser.reset();
  clearHandlers();
  vault.unlocked = true;
});

describe('validation handlers', () => {
  it('refuse senders that are not extension pages', async () => {
    registerValidation();
    const r = await send('validate/all', undefined, {
      id: browser.runtime.id,
      url: 'https://smartapi.angelone.in/',
      tab: { id: 3 } as never,
    });
    expect(r).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('the time limit: default 15 s, accepted within 3-120 s, refused outside with a plain message', async () => {
    registerValidation();
    expect(await send('validate/settings')).toEqual({ ok: true, value: { timeoutMs: 15_000 } });
    expect(await send('validate/set-settings', { timeoutMs: 30_000 })).toEqual({
      ok: true,
      value: { timeoutMs: 30_000 },
    });
    const bad = await send('validate/set-settings', { timeoutMs: 500 });
    expect(bad).toMatchObject({ ok: false, code: 'bad-timeout' });
    expect((bad as { message: string }).message).toMatch(/between 3 and 120 seconds/);
    expect(await send('validate/settings')).toEqual({ ok: true, value: { timeoutMs: 30_000 } });
  });

  it('a validation result is stored in storage.local and listed', async () => {
    registerValidation();
    const r = await send<ValidationResult>('validate/account', { accountId: 'acc-1' });
    expect(r.ok).toBe(true);
    const result = (r as { value: ValidationResult }).value;
    expect(result.advice?.code).toBe('missing-details');
    expect((await validationResultsItem.getValue())['acc-1']?.state).toBe('failed');
    const listed = await send<Record<string, ValidationResult>>('validate/results');
    expect(Object.keys((listed as { value: object }).value)).toEqual(['acc-1']);
  });

  it('an unknown account and a locked vault are plain errors', async () => {
    registerValidation();
    expect(await send('validate/account', { accountId: 'nope' })).toMatchObject({
      ok: false,
      code: 'not-found',
    });
    vault.unlocked = false;
    expect(await send('validate/account', { accountId: 'acc-1' })).toMatchObject({
      ok: false,
      code: 'locked',
    });
  });

  it('a run left "running" by a stopped background reads as interrupted; deleted accounts are forgotten', async () => {
    const stale: ValidationResult = {
      accountId: 'acc-1',
      label: 'No PIN',
      clientCode: 'R1',
      state: 'running',
      startedAt: Date.now() - 60_000,
    };
    const gone: ValidationResult = { ...stale, accountId: 'deleted', state: 'ok', finishedAt: Date.now() };
    await validationResultsItem.setValue({ 'acc-1': stale, deleted: gone });
    registerValidation();
    const listed = (await send<Record<string, ValidationResult>>('validate/results')) as {
      value: Record<string, ValidationResult>;
    };
    expect(Object.keys(listed.value)).toEqual(['acc-1']);
    expect(listed.value['acc-1']).toMatchObject({ state: 'failed', advice: { code: 'interrupted' } });
  });

  it("reading the results writes nothing; a deleted account's result goes when the accounts change", async () => {
    const done: ValidationResult = {
      accountId: 'acc-1',
      label: 'No PIN',
      clientCode: 'R1',
      state: 'ok',
      startedAt: Date.now() - 60_000,
      finishedAt: Date.now() - 59_000,
    };
    const stored = { 'acc-1': done, deleted: { ...done, accountId: 'deleted' } };
    await validationResultsItem.setValue(stored);
    registerValidation();
    await vi.waitFor(async () => expect(await validationResultsItem.getValue()).toEqual(stored));
    const set = vi.spyOn(validationResultsItem, 'setValue');
    for (let i = 0; i < 3; i++) await send('validate/results');
    expect(set).not.toHaveBeenCalled();
    set.mockRestore();
    for (const cb of accountsChanged) await cb(new Set(['acc-1']));
    expect(Object.keys(await validationResultsItem.getValue())).toEqual(['acc-1']);
  });
});
