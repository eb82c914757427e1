/**
 * Live TOTP codes for the popup. The popup asks the background for the codes once a second
 * while it is open; the TOTP secrets never leave the background.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { sendMessage, UserError } from '@/utils/messaging';
import type { TotpCode, TotpCodes } from '@/utils/vault/types';
import { messageOf, type Send } from './vaultStore';

export interface CodesState {
  codes: Record<string, TotpCode>;
  /** True once codes have arrived (the popup renders its list only then, once). */
  loaded: boolean;
  skewMs: number | null;
  skewWarning: boolean;
  error: string | null;
  query: string;
  /** The account whose code was copied last, and the code, for the "Copied" note. */
  copied: { accountId: string; code: string } | null;

  /** Fetch once. Returns 'locked' when the vault locked meanwhile, so the popup shows the unlock form. */
  poll(): Promise<'ok' | 'locked' | 'error'>;
  /** Codes that came another way (the popup's startup answer). */
  setCodes(res: TotpCodes): void;
  setQuery(q: string): void;
  setCopied(c: CodesState['copied']): void;
  clear(): void;
}

export function createCodesStore(send: Send = sendMessage): StoreApi<CodesState> {
  let inFlight = false;
  const toState = (res: TotpCodes) => {
    const codes: Record<string, TotpCode> = {};
    for (const c of res.codes) codes[c.accountId] = c;
    return { codes, loaded: true, skewMs: res.skewMs, skewWarning: res.skewWarning, error: null };
  };
  return createStore<CodesState>()((set) => ({
    codes: {},
    loaded: false,
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
        set(toState(await send('totp/codes')));
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
    setCodes: (res) => set(toState(res)),
    setQuery: (query) => set({ query }),
    setCopied: (copied) => set({ copied }),
    clear: () => set({ codes: {}, loaded: false, copied: null, error: null }),
  }));
}

export const codesStore = createCodesStore();

export function useCodes<T>(select: (s: CodesState) => T): T {
  return useStore(codesStore, select);
}

/**
 * Run `tick` now (or, with `immediate` false, first after `ms`) and then every `ms` until the
 * returned stop function is called.
 */
export function startPolling(
  tick: () => unknown,
  ms = 1000,
  timers: Pick<typeof globalThis, 'setInterval' | 'clearInterval'> = globalThis,
  immediate = true,
): () => void {
  if (immediate) void tick();
  const handle = timers.setInterval(() => void tick(), ms);
  return () => timers.clearInterval(handle);
}
