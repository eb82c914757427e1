/**
 * Runs in every frame of Angel's portal pages, and does one thing only: "Fill TOTP here" in a
 * child frame (utils/shortcuts/frameFill.ts). Every other duty (page detection, the in-page
 * assistant, login filling) stays with the top frame's portal content script.
 */
import { PORTAL_MATCHES } from '@/utils/angelHosts';
import { listenForFrameFill } from '@/utils/shortcuts/frameFill';

export default defineContentScript({
  matches: PORTAL_MATCHES,
  runAt: 'document_idle',
  allFrames: true,
  // Never post the extension's id to the page (see utils/contentScriptGuard.ts).
  noScriptStartedPostMessage: true,
  main(ctx) {
    ctx.onInvalidated(listenForFrameFill());
  },
});
