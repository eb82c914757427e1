/**
 * The popup's first request, sent while the rest of the page's code is still being evaluated
 * (main.tsx imports this module first): status, accounts and codes come back in one answer.
 */
import { sendMessage } from '@/utils/messaging';
import '@/utils/vault/popupStartup';
import type { PopupStartup } from '@/utils/vault/popupStartup';

export const startup: Promise<PopupStartup> = sendMessage('popup/startup');
// Handled where it is awaited; this keeps an early rejection from being reported as unhandled.
startup.catch(() => undefined);
