/** Injects the QR decoder into the asking Angel tab's content-script world (utils/portal/qrDecoder.ts). */
import { browser } from 'wxt/browser';
import { handle, UserError } from '@/utils/messaging';
import '@/utils/portal/qrDecoder';

export const QR_DECODER_FILE = '/qr-decoder.js';

export function registerQrDecoder(): void {
  handle('portal/load-qr-decoder', 'portal', async (_data, sender) => {
    const tabId = sender.tab?.id;
    if (typeof tabId !== 'number') throw new UserError('forbidden', 'no tab');
    // Into the same frame only, and into the content scripts' isolated world (the default),
    // never into the page's own scripts.
    await browser.scripting.executeScript({
      target: { tabId, frameIds: [sender.frameId ?? 0] },
      files: [QR_DECODER_FILE],
    });
  });
}
