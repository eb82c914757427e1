/**
 * Chrome's offscreen document (reason CLIPBOARD): the MV3 service worker has no DOM and no
 * clipboard, so it asks this hidden page to copy. navigator.clipboard needs a focused document,
 * which an offscreen document never is; execCommand('copy') on a selected textarea works.
 */
import { browser } from 'wxt/browser';
import { isOffscreenCopyRequest } from '@/utils/shortcuts/protocol';

browser.runtime.onMessage.addListener((message: unknown, sender) => {
  // Only the background may ask (a content script shares the id but comes with a tab).
  if (sender.id !== browser.runtime.id || sender.tab || !isOffscreenCopyRequest(message)) return undefined;
  const area = document.getElementById('clip') as HTMLTextAreaElement;
  area.value = message.text;
  area.select();
  const ok = document.execCommand('copy');
  area.value = '';
  return Promise.resolve(ok);
});
