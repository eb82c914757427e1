/**
 * "Fill TOTP here" inside frames of Angel's portal pages (same-origin and cross-origin iframes
 * on the portal hosts). The portal content script runs in every frame; in a child frame it does
 * only this (the top frame does the fill with its other duties), and only on a request from the extension's own background: not from another
 * extension, not from a tab, not from one of the extension's pages.
 */
import { browser, type Browser } from 'wxt/browser';
import { fillFocused, type FocusedFillReply } from './fillFocused';
import { isFillFocusedRequest } from './protocol';

/** Paths of the background: Chrome's service worker, Firefox's (generated) event page. */
const BACKGROUND_PATHS = new Set(['/background.js', '/background.html', '/_generated_background_page.html']);

/** Is `sender` this extension's background (no tab, no page of ours, no other extension)? */
export function isFromBackground(sender: Browser.runtime.MessageSender, ownId = browser.runtime.id): boolean {
  if (sender.id !== ownId || sender.tab) return false;
  if (!sender.url) return false;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return false;
  }
  const own = new URL(browser.runtime.getURL('/'));
  return url.origin === own.origin && BACKGROUND_PATHS.has(url.pathname);
}

/** Is this script running in a child frame (the top frame has its own content script)? */
export function isChildFrame(win: Window = window): boolean {
  try {
    return win.top !== win;
  } catch {
    return true;
  }
}

export function onFrameFillMessage(
  message: unknown,
  sender: Browser.runtime.MessageSender,
): Promise<FocusedFillReply> | undefined {
  if (!isFillFocusedRequest(message) || !isFromBackground(sender)) return undefined;
  return Promise.resolve(fillFocused(document, message.code));
}

/** Listen for fills in this child frame (the caller checks isChildFrame); returns the stop function. */
export function listenForFrameFill(): () => void {
  browser.runtime.onMessage.addListener(onFrameFillMessage);
  return () => browser.runtime.onMessage.removeListener(onFrameFillMessage);
}
