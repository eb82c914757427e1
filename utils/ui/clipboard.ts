/**
 * Copy a TOTP code and clear the clipboard 30 s later if it still holds that code.
 *
 * Why clearing works the way it does:
 * - The clipboard is never read: that needs the "clipboardRead" permission, which the extension
 *   does not ask for (it would let the extension read anything the user copies).
 * - So the clear is made only if this page has had the focus the whole time since the copy
 *   (tracked with blur events). A toolbar popup closes as soon as it loses focus, so if it is
 *   still open and focused nobody could have copied anything else outside it; overwriting the
 *   clipboard then cannot destroy something the user copied later. If the page lost focus (the
 *   user went elsewhere and may have copied something of their own), we leave the clipboard alone.
 * - The clearing write happens without a user gesture; Firefox allows that only with the
 *   "clipboardWrite" permission, which the manifest asks for (it cannot read anything).
 * - When the popup closes, its timers die with it; the code then stays on the clipboard until
 *   the next copy. Clearing after the popup closes is not done: nothing could tell whether the
 *   user copied something else since.
 */
export const CLEAR_AFTER_MS = 30_000;

export interface ClipboardEnv {
  writeText(text: string): Promise<void>;
  hasFocus(): boolean;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Subscribe to "this page lost focus"; returns an unsubscribe function. */
  onBlur(fn: () => void): () => void;
}

export type ClearOutcome = 'cleared' | 'skipped';

export interface ClipboardGuard {
  copy(code: string): Promise<void>;
  /** For tests and for an early "clear now". */
  clearNow(): Promise<ClearOutcome>;
  dispose(): void;
}

export function createClipboardGuard(
  env: ClipboardEnv,
  onCleared?: (o: ClearOutcome) => void,
): ClipboardGuard {
  let pending: { code: string; handle: unknown; blurred: boolean; unsubscribe: () => void } | null = null;

  function cancel() {
    if (!pending) return;
    env.clearTimeout(pending.handle);
    pending.unsubscribe();
    pending = null;
  }

  async function clear(): Promise<ClearOutcome> {
    const p = pending;
    if (!p) return 'skipped';
    cancel();
    let outcome: ClearOutcome = !p.blurred && env.hasFocus() ? 'cleared' : 'skipped';
    if (outcome === 'cleared') {
      try {
        await env.writeText('');
      } catch {
        outcome = 'skipped'; // the browser refused (e.g. the page lost focus just now)
      }
    }
    onCleared?.(outcome);
    return outcome;
  }

  return {
    async copy(code) {
      cancel();
      await env.writeText(code);
      const entry = { code, handle: null as unknown, blurred: false, unsubscribe: () => {} };
      entry.unsubscribe = env.onBlur(() => {
        entry.blurred = true;
      });
      entry.handle = env.setTimeout(() => void clear(), CLEAR_AFTER_MS);
      pending = entry;
    },
    clearNow: clear,
    dispose: cancel,
  };
}

/** The real browser environment of an extension page. */
export function browserClipboardEnv(): ClipboardEnv {
  return {
    writeText: (t) => navigator.clipboard.writeText(t),
    hasFocus: () => document.hasFocus(),
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (h) => window.clearTimeout(h as number),
    onBlur(fn) {
      window.addEventListener('blur', fn);
      return () => window.removeEventListener('blur', fn);
    },
  };
}
