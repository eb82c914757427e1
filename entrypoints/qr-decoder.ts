/**
 * The QR decoder (jsQR, about 45 KB gzip), kept out of the content script that runs on every
 * Angel page. The background injects this file into the tab's content-script world only when
 * the enable-TOTP page has no secret as text and the user asked to capture it (see
 * utils/portal/qrDecoder.ts); it leaves the decoder where the content script finds it.
 */
import jsQR from 'jsqr';
import { QR_DECODER_GLOBAL } from '@/utils/portal/qrDecoder';

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[QR_DECODER_GLOBAL] = jsQR;
});
