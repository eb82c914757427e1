/**
 * Runs `check` now, again shortly after the page changes, and once a second as a safety net:
 * Angel's pages render late (SPA routes, modals), and shadow roots do not report their
 * mutations to a document observer. The short debounce keeps a busy page from running the
 * finder on every single mutation. Returns a function that stops all of it.
 */
export function watchForTargets(
  check: () => void,
  options: { debounceMs?: number; attributeFilter?: string[] } = {},
): () => void {
  const { debounceMs = 150, attributeFilter } = options;
  let pending = 0;
  const observer = new MutationObserver(() => {
    if (pending) return;
    pending = window.setTimeout(() => {
      pending = 0;
      check();
    }, debounceMs);
  });
  observer.observe(
    document.documentElement,
    attributeFilter
      ? { childList: true, subtree: true, attributes: true, attributeFilter }
      : { childList: true, subtree: true },
  );
  const interval = window.setInterval(check, 1000);
  check();
  return () => {
    observer.disconnect();
    window.clearInterval(interval);
    if (pending) window.clearTimeout(pending);
  };
}
