/**
 * Content-script side of the on-demand QR decoder: asks the background to inject
 * /qr-decoder.js (entrypoints/qr-decoder.ts) into this frame once, then uses it.
 */
import type jsQRType from 'jsqr';
import { sendMessage, type Message } from '../messaging';

export const QR_DECODER_GLOBAL = '__smartapiCompanionJsQR';
export type QrDecoder = typeof jsQRType;

declare module '../messaging' {
  interface MessageMap {
    /** Inject the QR decoder into the sending frame (enable-TOTP capture from a QR code). */
    'portal/load-qr-decoder': Message<void, void, 'portal'>;
  }
}

function present(): QrDecoder | null {
  const found = (globalThis as Record<string, unknown>)[QR_DECODER_GLOBAL];
  return typeof found === 'function' ? (found as QrDecoder) : null;
}

/** The decoder, loaded on first use; null when it could not be loaded (the caller says no secret was found). */
export async function loadQrDecoder(send: typeof sendMessage = sendMessage): Promise<QrDecoder | null> {
  if (present()) return present();
  try {
    await send('portal/load-qr-decoder');
  } catch {
    return null;
  }
  return present();
}
