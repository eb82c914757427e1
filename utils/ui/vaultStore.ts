/**
 * UI state of the vault for the options page and the popup. It mirrors what the background
 * says (status, account summaries); it never holds a secret and never decides anything the
 * background decides. Every action goes through the typed messages of utils/vault/types.ts.
 */
import { t } from '@/utils/i18n';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { sendMessage, UserError } from '@/utils/messaging';
import type { AccountInput, AccountSummary, FieldErrors, VaultStatus } from '@/utils/vault/types';
import { moveId } from './format';

export type Send = typeof sendMessage;

export type Busy =
  'load' | 'create' | 'unlock' | 'lock' | 'save' | 'delete' | 'reorder' | 'settings' | 'password' | 'reset';

export type SaveResult =
  { ok: true; account: AccountSummary } | { ok: false; errors: FieldErrors; message: string | null };

export interface VaultUiState {
  status: VaultStatus | null;
  accounts: AccountSummary[];
  busy: Busy | null;
  /** A page-level problem (e.g. the background did not answer), in plain words. */
  loadError: string | null;

  refresh(): Promise<void>;
  create(password: string): Promise<string | null>;
  unlock(password: string): Promise<string | null>;
  lock(): Promise<string | null>;
  loadAccounts(): Promise<string | null>;
  saveAccount(id: string | undefined, input: AccountInput): Promise<SaveResult>;
  deleteAccount(id: string): Promise<string | null>;
  move(id: string, delta: -1 | 1): Promise<string | null>;
  setAutoLock(minutes: number | null): Promise<string | null>;
  changePassword(current: string, next: string): Promise<string | null>;
  reset(confirm: string): Promise<string | null>;
  setStatus(status: VaultStatus): void;
  /** Status and accounts that came in one answer (the popup's startup request). */
  load(status: VaultStatus, accounts: AccountSummary[]): void;
  /** The first request failed: say why, in plain words. */
  failLoad(err: unknown): void;
}

/** Turn anything thrown into a sentence for the user. UserError messages are written for people. */
export function messageOf(err: unknown): string {
  if (err instanceof UserError) return err.message;
  if (err instanceof Error && err.name === 'UserError') return err.message;
  return t('err.internal');
}

function codeOf(err: unknown): string | null {
  return err instanceof UserError ? err.code : null;
}

export function createVaultStore(send: Send = sendMessage): StoreApi<VaultUiState> {
  return createStore<VaultUiState>()((set, get) => {
    /** Runs one action with a busy flag; a 'locked' answer means the vault locked meanwhile. */
    async function run(kind: Busy, fn: () => Promise<void>): Promise<string | null> {
      set({ busy: kind });
      try {
        await fn();
        return null;
      } catch (err) {
        if (codeOf(err) === 'locked') void get().refresh();
        return messageOf(err);
      } finally {
        if (get().busy === kind) set({ busy: null });
      }
    }

    async function afterStatus(status: VaultStatus): Promise<void> {
      set({ status, loadError: null });
      if (status.state === 'unlocked') {
        set({ accounts: await send('accounts/list') });
      } else {
        set({ accounts: [] });
      }
    }

    return {
      status: null,
      accounts: [],
      busy: null,
      loadError: null,

      load(status, accounts) {
        set({ status, accounts: status.state === 'unlocked' ? accounts : [], loadError: null });
      },

      failLoad(err) {
        set({ loadError: messageOf(err) });
      },

      setStatus(status) {
        set({ status });
        if (status.state !== 'unlocked') set({ accounts: [] });
      },

      async refresh() {
        try {
          await afterStatus(await send('vault/status'));
        } catch (err) {
          set({ loadError: messageOf(err) });
        }
      },

      create: (password) => run('create', async () => afterStatus(await send('vault/create', { password }))),
      unlock: (password) => run('unlock', async () => afterStatus(await send('vault/unlock', { password }))),
      lock: () => run('lock', async () => afterStatus(await send('vault/lock'))),
      loadAccounts: () => run('load', async () => set({ accounts: await send('accounts/list') })),

      async saveAccount(id, input) {
        set({ busy: 'save' });
        try {
          const res = await send('accounts/save', id ? { id, input } : { input });
          if (res.errors && Object.keys(res.errors).length > 0) {
            return {
              ok: false,
              errors: res.errors,
              message: t('err.fieldsNeedAttention'),
            };
          }
          if (!res.account) {
            return { ok: false, errors: {}, message: t('err.notSaved') };
          }
          const saved = res.account;
          const list = get().accounts;
          const exists = list.some((a) => a.id === saved.id);
          set({ accounts: exists ? list.map((a) => (a.id === saved.id ? saved : a)) : [...list, saved] });
          // The backup reminder and the account count live in the status.
          void send('vault/status').then(
            (s) => set({ status: s }),
            () => undefined,
          );
          return { ok: true, account: saved };
        } catch (err) {
          if (codeOf(err) === 'locked') void get().refresh();
          return { ok: false, errors: {}, message: messageOf(err) };
        } finally {
          if (get().busy === 'save') set({ busy: null });
        }
      },

      deleteAccount: (id) =>
        run('delete', async () => {
          await send('accounts/delete', { id });
          set({ accounts: get().accounts.filter((a) => a.id !== id) });
          void send('vault/status').then(
            (s) => set({ status: s }),
            () => undefined,
          );
        }),

      async move(id, delta) {
        const before = get().accounts;
        const ids = moveId(
          before.map((a) => a.id),
          id,
          delta,
        );
        if (ids.every((x, i) => x === before[i]?.id)) return null;
        const byId = new Map(before.map((a) => [a.id, a]));
        // Optimistic: the list moves at once; it moves back if the background refuses.
        set({ accounts: ids.map((x) => byId.get(x)!) });
        const err = await run('reorder', async () => {
          await send('accounts/reorder', { ids });
        });
        if (err) set({ accounts: before });
        return err;
      },

      setAutoLock: (minutes) =>
        run('settings', async () => set({ status: await send('vault/set-auto-lock', { minutes }) })),
      changePassword: (current, next) =>
        run('password', async () => send('vault/change-password', { current, next })),
      reset: (confirm) => run('reset', async () => afterStatus(await send('vault/reset', { confirm }))),
    };
  });
}

/** The one store of the page this code runs in (each extension page is its own document). */
export const vaultStore = createVaultStore();

export function useVault<T>(select: (s: VaultUiState) => T): T {
  return useStore(vaultStore, select);
}
