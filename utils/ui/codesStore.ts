/**
 * Live TOTP codes for the popup. The popup asks the background for the codes once a second
 * while it is open; the TOTP secrets never leave the background.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { sendMessage, UserError } from '@/utils/messaging';
import type { TotpCode } from '@/utils/vault/types';
import { messageOf, type Send } from './vaultStore';

export interface CodesState {
  codes: Record<string, TotpCode>;
  skewMs: number | null;
  skewWarning: boolean;
  error: string | null;
  query: string;
  /** The account whose code was copied last, and the code, for the "Copied" note. */
  copied: { accountId: string; code: string } | null;

  /** Fetch once. Returns 'locked' when the vault locked meanwhile, so the popup shows the unlock form. */
  poll(): Promise<'ok' | 'locked' | 'error'>;
  setQuery(q: string): void;
  setCopied(c: CodesState['copied']): void;
  clear(): void;
}

export function createCodesStore(send: Send = sendMessage): StoreApi<CodesState> {
  let inFlight = false;
  return createStore<CodesState>()((set) => ({
    codes: {},
    skewMs: null,
    skewWarning: false,
    error: null,
    query: '',
    copied: null,

    async poll() {
      // One request at a time: a slow background must not pile up requests every second.
      if (inFlight) return 'ok';
      inFlight = true;
      try {
        const res = await send('totp/codes');
        const codes: Record<string, TotpCode> = {};
        for (const c of res.codes) codes[c.accountId] = c;
        set({ codes, skewMs: res.skewMs, skewWarning: res.skewWarning, error: null });
        return 'ok';
      } catch (err) {
        if (err instanceof UserError && err.code === 'locked') {
          set({ codes: {} });
          return 'locked';
        }
        set({ error: messageOf(err) });
        return 'error';
      } finally {
        inFlight = false;
      }
    },
    setQuery: (query) => set({ query }),
    setCopied: (copied) => set({ copied }),
    clear: () => set({ codes: {}, copied: null, error: null }),
  }));
}

export const codesStore = createCodesStore();

export function useCodes<T>(select: (s: CodesState) => T): T {
  return useStore(codesStore, select);
}

/** Run `tick` now and then every `ms` until the returned stop function is called. */
export function startPolling(
  tick: () => unknown,
  ms = 1000,
  timers: Pick<typeof globalThis, 'setInterval' | 'clearInterval'> = globalThis,
): () => void {
  void tick();
  const handle = timers.setInterval(() => void tick(), ms);
  return () => timers.clearInterval(handle);
}
