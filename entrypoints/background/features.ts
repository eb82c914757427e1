/**
 * Every feature's message handlers, registered in one order: the background's entry point
 * calls this, and the payload-schema test calls the same list, so a feature added here is
 * checked there too.
 */
import { registerTabPages } from './tabPages';
import { registerVault } from './vault';
import { registerPopupStartup } from './vault/popupStartup';
import { registerPortal } from './portal';
import { registerQrDecoder } from './portal/qrDecoder';
import { registerDelivery } from './delivery';
import { registerValidation } from './validate';
import { registerHistory } from './login/history';
import { registerLogin } from './login';
import { registerShortcuts } from './shortcuts';
import { registerContextFill } from './contextFill';
import { registerPlatform } from './platform';

export function registerFeatures(): void {
  registerTabPages();
  registerVault();
  registerPopupStartup();
  registerPortal();
  registerQrDecoder();
  registerDelivery();
  registerValidation();
  registerLogin();
  registerHistory();
  registerShortcuts();
  registerContextFill();
  registerPlatform();
}
