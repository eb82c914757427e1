// @vitest-environment happy-dom
// @vitest-environment-options { "url": "https://smartapi.angelone.in/new/apps" }
import { Window as HappyWindow } from 'happy-dom';
import { describe, expect, it, vi } from 'vitest';
import { installContentScriptGuard, watchLocation, wxtEventNames } from '@/utils/contentScriptGuard';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const STARTED = `${ID}:portal:wxt:content-script-started`;

describe('content-script guard', () => {
  it('does nothing outside a web page or without an id', () => {
    expect(installContentScriptGuard(undefined, 'portal')).toBe(false);
  });

  it("stops the page's forged started event before WXT's listener and never dispatches ours", () => {
    // WXT's ContentScriptContext listens on document and invalidates the script on this event.
    const wxtListener = vi.fn();
    document.addEventListener(STARTED, wxtListener);
    // A page script listening for it learns the extension is installed.
    const pageSpy = vi.fn();
    window.addEventListener(STARTED, pageSpy);
    window.addEventListener(`${ID}:portal:wxt:locationchange`, pageSpy);

    expect(installContentScriptGuard(ID, 'portal')).toBe(true);
    expect(installContentScriptGuard(ID, 'portal')).toBe(true); // idempotent

    // What WXT's constructor and location watcher do: no event reaches anyone.
    document.dispatchEvent(new CustomEvent(STARTED, { detail: { contentScriptName: 'portal' } }));
    window.dispatchEvent(new Event(`${ID}:portal:wxt:locationchange`));
    expect(wxtListener).not.toHaveBeenCalled();
    expect(pageSpy).not.toHaveBeenCalled();

    // What a hostile page does: dispatch through the prototype (its own, untouched method),
    // on document, on an element with bubbles, with WXT's exact detail.
    const detail = { contentScriptName: 'portal', messageId: 'forged' };
    EventTarget.prototype.dispatchEvent.call(document, new CustomEvent(STARTED, { detail }));
    EventTarget.prototype.dispatchEvent.call(
      document.body,
      new CustomEvent(STARTED, { detail, bubbles: true }),
    );
    expect(wxtListener).not.toHaveBeenCalled();

    // Other events still flow.
    const other = vi.fn();
    document.addEventListener('something-else', other);
    document.dispatchEvent(new Event('something-else'));
    expect(other).toHaveBeenCalledTimes(1);
  });

  it('guards every content script sharing the page view, whichever started first', () => {
    // Content scripts of one extension share one isolated world: the portal script installs
    // the guard first, then the frames script must still get its own names stopped at window.
    // (happy-dom routes bubbling through dispatchEvent, so the stop listeners are checked directly.)
    const win = new HappyWindow({ url: 'https://smartapi.angelone.in/new/apps' }) as unknown as Window &
      typeof globalThis;
    const add = vi.spyOn(win, 'addEventListener');
    expect(installContentScriptGuard(ID, 'portal', win)).toBe(true);
    expect(installContentScriptGuard(ID, 'frames', win)).toBe(true);
    expect(installContentScriptGuard(ID, 'frames', win)).toBe(true);
    const stopped = add.mock.calls.filter((c) => c[2] === true).map((c) => c[0]);
    expect(stopped).toEqual([...wxtEventNames(ID, 'portal'), ...wxtEventNames(ID, 'frames')]);
  });

  it('names both WXT events of a script, none without an entrypoint', () => {
    expect(wxtEventNames(ID, 'portal')).toEqual([STARTED, `${ID}:portal:wxt:locationchange`]);
    expect(wxtEventNames(ID, undefined)).toEqual([]);
  });

  it('watches SPA route changes without any page-visible event', async () => {
    const seen: string[] = [];
    const stop = watchLocation((u) => seen.push(u), 10);
    history.pushState({}, '', '/myapis');
    await vi.waitFor(() => expect(seen).toEqual(['https://smartapi.angelone.in/myapis']));
    stop();
  });
});

describe('content-script guard outside a page', () => {
  it('is harmless where there is no window (the background service worker)', async () => {
    const g = globalThis as unknown as Record<string, unknown>;
    const saved = { window: g.window, document: g.document, location: g.location };
    try {
      for (const k of Object.keys(saved))
        Object.defineProperty(g, k, { value: undefined, configurable: true });
      const { installContentScriptGuard: install } = await import('@/utils/contentScriptGuard');
      expect(install('some-id', 'background')).toBe(false);
    } finally {
      for (const [k, v] of Object.entries(saved))
        Object.defineProperty(g, k, { value: v, configurable: true });
    }
  });
});
