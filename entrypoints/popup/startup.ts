/**
 * The popup's startup answer: status, accounts and codes in one round trip. public/popup-early.js
 * sent the request before this bundle was even loaded; if it could not, the request is sent now.
 */
import { replyValue, sendMessage } from '@/utils/messaging';
import '@/utils/vault/popupStartup';
import type { PopupStartup } from '@/utils/vault/popupStartup';

const early = (globalThis as { __sacPopupStartup?: Promise<unknown> }).__sacPopupStartup;

export const startup: Promise<PopupStartup> = early
  ? early.then((reply) => replyValue<'popup/startup'>(reply))
  : sendMessage('popup/startup');
// Handled where it is awaited; this keeps an early rejection from being reported as unhandled.
startup.catch(() => undefined);
