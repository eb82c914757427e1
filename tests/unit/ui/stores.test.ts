import { describe, expect, it, vi } from 'vitest';
import { UserError, type MessageType, type ReqOf, type ResOf } from '@/utils/messaging';
import type { AccountSummary, VaultStatus } from '@/utils/vault/types';
import { createVaultStore, messageOf, type Send } from '@/utils/ui/vaultStore';
import { createCodesStore, startPolling } from '@/utils/ui/codesStore';

type Handlers = { [K in MessageType]?: (data: ReqOf<K>) => ResOf<K> | Promise<ResOf<K>> };

/** A fake background: answers the messages the test defines and records every call. */
function fakeSend(handlers: Handlers) {
  const calls: { type: string; data: unknown }[] = [];
  const send = (async (type: MessageType, data?: unknown) => {
    calls.push({ type, data });
    const h = handlers[type] as ((d: unknown) => unknown) | undefined;
    if (!h) throw new UserError('unknown-message', `no handler for ${type}`);
    return h(data);
  }) as unknown as Send;
  return { send, calls };
}

const status = (state: VaultStatus['state'], extra: Partial<VaultStatus> = {}): VaultStatus => ({
  state,
  autoLockMinutes: 30,
  backupReminder: false,
  accountCount: 0,
  ...extra,
});

function summary(id: string, label = id): AccountSummary {
  return {
    id,
    label,
    clientCode: `C${id}`,
    platform: 'SMART_API',
    redirectUrl: 'https://webx.stocksdeveloper.in/auth/angel',
    notes: '',
    totp: { algorithm: 'SHA1', digits: 6, period: 30 },
    dailyLogin: true,
    autoFill: false,
    hasMpin: true,
    hasTotpSecret: true,
    hasApiSecret: false,
    apiKeyLast4: 'abcd',
  };
}

const input = {
  label: 'Main',
  clientCode: 'A1',
  mpin: '1234',
  totpSecret: 'JBSWY3DPEHPK3PXP',
  apiKey: 'key',
  apiSecret: '',
  platform: 'SMART_API' as const,
  redirectUrl: 'https://webx.stocksdeveloper.in/auth/angel',
  notes: '',
  dailyLogin: true,
  autoFill: false,
};

describe('vault store', () => {
  it('loads the status, and the accounts only when unlocked', async () => {
    const { send, calls } = fakeSend({ 'vault/status': () => status('locked') });
    const store = createVaultStore(send);
    await store.getState().refresh();
    expect(store.getState().status?.state).toBe('locked');
    expect(calls.map((c) => c.type)).toEqual(['vault/status']);

    const b = fakeSend({ 'vault/status': () => status('unlocked'), 'accounts/list': () => [summary('a')] });
    const unlocked = createVaultStore(b.send);
    await unlocked.getState().refresh();
    expect(unlocked.getState().accounts.map((a) => a.id)).toEqual(['a']);
  });

  it('reports a background that does not answer as a page error', async () => {
    const { send } = fakeSend({
      'vault/status': () => {
        throw new UserError('no-reply', 'The extension did not answer. Reload the page and try again.');
      },
    });
    const store = createVaultStore(send);
    await store.getState().refresh();
    expect(store.getState().loadError).toMatch(/did not answer/);
  });

  it('unlock returns the background message on a wrong password and stays locked', async () => {
    const { send } = fakeSend({
      'vault/unlock': ({ password }) => {
        if (password !== 'right')
          throw new UserError('wrong-password', 'That master password is not right. Try again.');
        return status('unlocked');
      },
      'accounts/list': () => [summary('a')],
    });
    const store = createVaultStore(send);
    store.getState().setStatus(status('locked'));
    expect(await store.getState().unlock('wrong')).toBe('That master password is not right. Try again.');
    expect(store.getState().status?.state).toBe('locked');
    expect(store.getState().busy).toBeNull();
    expect(await store.getState().unlock('right')).toBeNull();
    expect(store.getState().status?.state).toBe('unlocked');
    expect(store.getState().accounts).toHaveLength(1);
  });

  it('marks busy while an action runs', async () => {
    let release: (s: VaultStatus) => void = () => {};
    const { send } = fakeSend({
      'vault/create': () => new Promise<VaultStatus>((r) => (release = r)),
      'accounts/list': () => [],
    });
    const store = createVaultStore(send);
    const p = store.getState().create('a long password');
    expect(store.getState().busy).toBe('create');
    release(status('unlocked'));
    expect(await p).toBeNull();
    expect(store.getState().busy).toBeNull();
  });

  it('a save with field errors keeps the list and returns the errors', async () => {
    const { send } = fakeSend({
      'accounts/save': () => ({ errors: { mpin: 'The MPIN is exactly 4 digits.' } }),
    });
    const store = createVaultStore(send);
    store.setState({ accounts: [summary('a')] });
    const res = await store.getState().saveAccount(undefined, { ...input, mpin: '12' });
    expect(res).toEqual({
      ok: false,
      errors: { mpin: 'The MPIN is exactly 4 digits.' },
      message: expect.stringMatching(/Nothing was saved/),
    });
    expect(store.getState().accounts.map((a) => a.id)).toEqual(['a']);
  });

  it('a successful save adds or replaces the summary and re-reads the status', async () => {
    const saved = summary('b', 'Main');
    const { send, calls } = fakeSend({
      'accounts/save': () => ({ account: saved }),
      'vault/status': () => status('unlocked', { backupReminder: true, accountCount: 2 }),
    });
    const store = createVaultStore(send);
    store.setState({ accounts: [summary('a')], status: status('unlocked') });
    const res = await store.getState().saveAccount(undefined, input);
    expect(res.ok).toBe(true);
    expect(store.getState().accounts.map((a) => a.id)).toEqual(['a', 'b']);
    expect(calls[0]).toEqual({ type: 'accounts/save', data: { input } });

    await store.getState().saveAccount('b', { ...input, label: 'Renamed' });
    expect(
      calls.find((c) => c.type === 'accounts/save' && (c.data as { id?: string }).id === 'b'),
    ).toBeTruthy();
    expect(store.getState().accounts).toHaveLength(2);
    await vi.waitFor(() => expect(store.getState().status?.backupReminder).toBe(true));
  });

  it('a locked answer while saving refreshes the status so the page shows the unlock form', async () => {
    const { send } = fakeSend({
      'accounts/save': () => {
        throw new UserError('locked', 'The vault is locked. Unlock it and try again.');
      },
      'vault/status': () => status('locked'),
    });
    const store = createVaultStore(send);
    store.setState({ status: status('unlocked'), accounts: [summary('a')] });
    const res = await store.getState().saveAccount(undefined, input);
    expect(res).toMatchObject({ ok: false, message: 'The vault is locked. Unlock it and try again.' });
    await vi.waitFor(() => expect(store.getState().status?.state).toBe('locked'));
    expect(store.getState().accounts).toEqual([]);
  });

  it('moves an account optimistically and sends the new order', async () => {
    const { send, calls } = fakeSend({ 'accounts/reorder': () => undefined });
    const store = createVaultStore(send);
    store.setState({ accounts: [summary('a'), summary('b'), summary('c')] });
    expect(await store.getState().move('c', -1)).toBeNull();
    expect(store.getState().accounts.map((a) => a.id)).toEqual(['a', 'c', 'b']);
    expect(calls).toEqual([{ type: 'accounts/reorder', data: { ids: ['a', 'c', 'b'] } }]);
  });

  it('moves back when the background refuses the new order', async () => {
    const { send } = fakeSend({
      'accounts/reorder': () => {
        throw new UserError('bad-order', 'The list changed meanwhile. Reload the page.');
      },
    });
    const store = createVaultStore(send);
    store.setState({ accounts: [summary('a'), summary('b')] });
    expect(await store.getState().move('a', 1)).toBe('The list changed meanwhile. Reload the page.');
    expect(store.getState().accounts.map((a) => a.id)).toEqual(['a', 'b']);
  });

  it('does not send anything for a move past the end', async () => {
    const { send, calls } = fakeSend({});
    const store = createVaultStore(send);
    store.setState({ accounts: [summary('a'), summary('b')] });
    expect(await store.getState().move('a', -1)).toBeNull();
    expect(calls).toEqual([]);
  });

  it('deletes an account from the list only after the background did', async () => {
    let fail = true;
    const { send } = fakeSend({
      'accounts/delete': () => {
        if (fail) throw new UserError('locked', 'The vault is locked.');
      },
      'vault/status': () => status('unlocked'),
      'accounts/list': () => [summary('a'), summary('b')],
    });
    const store = createVaultStore(send);
    store.setState({ status: status('unlocked'), accounts: [summary('a'), summary('b')] });
    expect(await store.getState().deleteAccount('a')).toBe('The vault is locked.');
    await vi.waitFor(() => expect(store.getState().busy).toBeNull());
    fail = false;
    store.setState({ accounts: [summary('a'), summary('b')] });
    expect(await store.getState().deleteAccount('a')).toBeNull();
    expect(store.getState().accounts.map((a) => a.id)).toEqual(['b']);
  });

  it('lock and reset clear the accounts from the page', async () => {
    const { send } = fakeSend({ 'vault/lock': () => status('locked'), 'vault/reset': () => status('none') });
    const store = createVaultStore(send);
    store.setState({ status: status('unlocked'), accounts: [summary('a')] });
    await store.getState().lock();
    expect(store.getState().accounts).toEqual([]);
    expect(store.getState().status?.state).toBe('locked');
    await store.getState().reset('RESET');
    expect(store.getState().status?.state).toBe('none');
  });

  it('saves the auto-lock setting including "never"', async () => {
    const { send, calls } = fakeSend({
      'vault/set-auto-lock': ({ minutes }) => status('unlocked', { autoLockMinutes: minutes }),
    });
    const store = createVaultStore(send);
    await store.getState().setAutoLock(null);
    expect(store.getState().status?.autoLockMinutes).toBeNull();
    expect(calls[0]).toEqual({ type: 'vault/set-auto-lock', data: { minutes: null } });
  });

  it('never shows internal error details', () => {
    expect(messageOf(new Error('secret=JBSWY3DP'))).not.toContain('JBSWY3DP');
    expect(messageOf(new UserError('x', 'Plain words.'))).toBe('Plain words.');
  });
});

describe('codes store', () => {
  const codes = {
    codes: [{ accountId: 'a', code: '123456', next: null, remainingMs: 12_000, period: 30 }],
    skewMs: 7000,
    skewWarning: true,
  };

  it('keeps the codes by account and the skew warning', async () => {
    const { send } = fakeSend({ 'totp/codes': () => codes });
    const store = createCodesStore(send);
    expect(await store.getState().poll()).toBe('ok');
    expect(store.getState().codes.a?.code).toBe('123456');
    expect(store.getState().skewWarning).toBe(true);
    expect(store.getState().skewMs).toBe(7000);
  });

  it('tells the popup when the vault locked and drops the codes', async () => {
    let locked = false;
    const { send } = fakeSend({
      'totp/codes': () => {
        if (locked) throw new UserError('locked', 'The vault is locked.');
        return codes;
      },
    });
    const store = createCodesStore(send);
    await store.getState().poll();
    locked = true;
    expect(await store.getState().poll()).toBe('locked');
    expect(store.getState().codes).toEqual({});
  });

  it('sends one request at a time', async () => {
    let pending = 0;
    let max = 0;
    const { send } = fakeSend({
      'totp/codes': async () => {
        pending++;
        max = Math.max(max, pending);
        await new Promise((r) => setTimeout(r, 5));
        pending--;
        return codes;
      },
    });
    const store = createCodesStore(send);
    await Promise.all([store.getState().poll(), store.getState().poll(), store.getState().poll()]);
    expect(max).toBe(1);
  });

  it('keeps other errors as a message', async () => {
    const { send } = fakeSend({});
    const store = createCodesStore(send);
    expect(await store.getState().poll()).toBe('error');
    expect(store.getState().error).toBe('no handler for totp/codes');
  });

  it('polls every second until stopped', () => {
    vi.useFakeTimers();
    try {
      const tick = vi.fn();
      const stop = startPolling(tick, 1000);
      expect(tick).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(3000);
      expect(tick).toHaveBeenCalledTimes(4);
      stop();
      vi.advanceTimersByTime(5000);
      expect(tick).toHaveBeenCalledTimes(4);
    } finally {
      vi.useRealTimers();
    }
  });
});
