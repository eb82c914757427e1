/**
 * Follow changes in extension storage instead of polling: `cb` runs (at most once per
 * `settleMs`) after a value in `area` changed for real. Keys are storage keys as the browser
 * sees them (WXT's "local:delivery.outbox" is "delivery.outbox"); no keys = any key.
 */
import { browser } from 'wxt/browser';

type Area = 'local' | 'sync' | 'session';

export function watchStorage(
  area: Area,
  keys: readonly string[] | null,
  cb: () => void,
  settleMs = 200,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, name: string) => {
    if (name !== area) return;
    const changed = Object.entries(changes).some(
      ([key, c]) =>
        (keys === null || keys.includes(key)) && JSON.stringify(c.oldValue) !== JSON.stringify(c.newValue),
    );
    if (!changed) return;
    clearTimeout(timer);
    timer = setTimeout(cb, settleMs);
  };
  browser.storage.onChanged.addListener(listener);
  return () => {
    clearTimeout(timer);
    browser.storage.onChanged.removeListener(listener);
  };
}
