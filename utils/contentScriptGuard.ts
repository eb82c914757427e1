/**
 * Keeps Angel's pages from seeing or switching off the extension's content scripts.
 *
 * WXT's content-script wrapper announces every start with a DOM event named
 * `<extension id>:<script>:wxt:content-script-started` on `document` (and, unless told
 * otherwise, a `window.postMessage` carrying the same name), and invalidates the running
 * script when that event arrives again. A page script can listen for the name (the id of a
 * published extension is public) to learn the extension is installed, or dispatch it to
 * switch the script off for good.
 *
 * `installContentScriptGuard` runs as a WXT runtime plugin (modules/contentScriptGuard.ts),
 * so it is in place before WXT creates the content-script context of EVERY content script:
 * - events whose name starts with this extension's id are never dispatched from the
 *   content script (the override lives on the content script's own view of `document`
 *   and `window`: the page's objects are untouched);
 * - such events dispatched by the page are stopped at `window` in the capture phase, before
 *   WXT's listener on `document` sees them.
 * Content scripts therefore must not rely on WXT's `wxt:locationchange` event (it is one of
 * these); `watchLocation` below replaces it.
 */

/** True in a content script (a web page's document), false in extension pages and workers. */
function inWebPage(): boolean {
  return (
    typeof document !== 'undefined' && typeof location !== 'undefined' && /^https?:$/.test(location.protocol)
  );
}

/** The prefix WXT gives its page-visible event names. */
export function wxtEventPrefix(extensionId: string): string {
  return `${extensionId}:`;
}

/**
 * Install the guard on `win` (default: the current window). Returns false when there is
 * nothing to guard (not a web page, or no extension id). Safe to call more than once.
 */
export function installContentScriptGuard(
  extensionId: string | undefined,
  entrypoint: string | undefined = currentEntrypoint(),
  // Not `window` as a default: the background service worker has none (a ReferenceError
  // there would stop the whole background).
  win: Window & typeof globalThis = globalThis as Window & typeof globalThis,
): boolean {
  if (!extensionId || !inWebPage()) return false;
  // Content scripts of one extension share their view of the page (one isolated world), so
  // the dispatch override is installed once, while each script adds the names of its own events.
  const marker = '__sacGuarded';
  const w = win as unknown as Record<string, unknown>;
  const prefix = wxtEventPrefix(extensionId);
  const ours = (type: string) => type.startsWith(prefix);
  if (!w[marker]) {
    for (const target of [win.document, win] as EventTarget[]) {
      const original = target.dispatchEvent.bind(target);
      Object.defineProperty(target, 'dispatchEvent', {
        configurable: true,
        writable: true,
        value: (event: Event) => (ours(event.type) ? true : original(event)),
      });
    }
    Object.defineProperty(w, marker, { value: new Set<string>(), configurable: false });
  }
  const guarded = w[marker] as Set<string>;
  const stop = (event: Event) => {
    if (ours(event.type)) event.stopImmediatePropagation();
  };
  // The names WXT uses for this script: its started event and its location-change event.
  for (const type of wxtEventNames(extensionId, entrypoint)) {
    if (guarded.has(type)) continue;
    guarded.add(type);
    win.addEventListener(type, stop, true);
  }
  return true;
}

/** The running bundle's entrypoint name (WXT sets ENTRYPOINT per bundle at build time). */
function currentEntrypoint(): string | undefined {
  return (import.meta as unknown as { env?: Record<string, string | undefined> }).env?.ENTRYPOINT;
}

/** WXT's page-visible event names for one content script. */
export function wxtEventNames(extensionId: string, entrypoint: string | undefined): string[] {
  if (!entrypoint) return [];
  return [
    `${extensionId}:${entrypoint}:wxt:content-script-started`,
    `${extensionId}:${entrypoint}:wxt:locationchange`,
  ];
}

/**
 * Call `onChange` when the page's URL changes without a page load (single-page apps),
 * without any page-visible event. Returns a function that stops watching.
 */
export function watchLocation(onChange: (url: string) => void, everyMs = 400): () => void {
  let last = location.href;
  const timer = window.setInterval(() => {
    if (location.href === last) return;
    last = location.href;
    onChange(last);
  }, everyMs);
  return () => window.clearInterval(timer);
}
