import { PORTAL_MATCHES } from '@/utils/angelHosts';
import { pageKindFromDocument, type PageKind } from '@/utils/pageKind';
import { sendMessage } from '@/utils/messaging';
import { PAGE_ADAPTERS } from '@/utils/portal/adapters';
import { initPageLanguage } from '@/utils/i18n/inPage';
import '@/utils/protocol';
import { listenForFocusedFill } from '@/utils/shortcuts/fillFocused';
import { watchLocation } from '@/utils/contentScriptGuard';
import { isChildFrame, listenForFrameFill } from '@/utils/shortcuts/frameFill';

export default defineContentScript({
  matches: PORTAL_MATCHES,
  runAt: 'document_idle',
  // All frames, so "Fill TOTP here" works inside iframes; a child frame does only that (below).
  // One script for both keeps what an Angel page loads to one file.
  allFrames: true,
  // Never post the extension's id to the page (see utils/contentScriptGuard.ts).
  noScriptStartedPostMessage: true,
  async main(ctx) {
    if (isChildFrame()) {
      // A child frame: only "Fill TOTP here", on requests from the background.
      ctx.onInvalidated(listenForFrameFill());
      return;
    }
    ctx.onInvalidated(listenForFocusedFill()); // "Fill TOTP here" (context menu)
    await initPageLanguage(); // the in-page controls speak the user's chosen language
    let last: PageKind | null = null;
    let stops: (() => void)[] = [];
    const report = () => {
      const kind = pageKindFromDocument(document, location.href);
      if (kind === last) return;
      last = kind;
      // Nothing in the page's DOM says the extension is here: the kind goes to the background only.
      sendMessage('portal/page-seen', { kind }).catch(() => {
        /* background restarting; the next change reports again */
      });
      for (const stop of stops) stop();
      stops = PAGE_ADAPTERS.filter((a) => a.kinds.includes(kind)).map((a) => a.start(ctx));
    };
    report();
    // The portal is a single-page app: routes and modals change without a page load.
    // (Not WXT's `wxt:locationchange`: the page could see and forge that event.)
    ctx.onInvalidated(watchLocation(() => report()));
    let pending = 0;
    const observer = new MutationObserver(() => {
      if (pending) return;
      pending = window.setTimeout(() => {
        pending = 0;
        report();
      }, 250);
    });
    observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true });
    ctx.onInvalidated(() => {
      observer.disconnect();
      for (const stop of stops) stop();
    });
  },
});
