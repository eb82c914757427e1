/**
 * The background: every feature registers its messages here, and this file alone listens to
 * the browser's alarms (alarms.ts lists them all), install and tab-close events.
 *
 *   vault/      the encrypted vault: lifecycle, auto-lock, accounts, TOTP codes, backups
 *   login/      the daily login: queue, the page's protocol, token capture, results, schedule
 *   delivery/   tokens to webhooks: targets, the encrypted outbox, sending, outcomes
 *   validate/   checking an account's details against Angel's REST login
 *   portal/     Angel's developer portal pages (create app, My APIs, enable TOTP)
 */
import { browser } from 'wxt/browser';
import { listenForMessages } from '@/utils/messaging';
import { initPageLanguage } from '@/utils/i18n/language';
import { listenForAlarms } from './alarms';
import { checkPayloads } from './schemas/check';
import { forgetTabPage, registerTabPages } from './tabPages';
import { registerVault } from './vault';
import { registerPopupStartup } from './vault/popupStartup';
import { registerPortal } from './portal';
import { registerQrDecoder } from './portal/qrDecoder';
import { registerDelivery } from './delivery';
import { registerValidation } from './validate';
import { registerHistory } from './login/history';
import { armSchedule, onTabClosed, registerLogin } from './login';
import { onBackupRestored } from './vault/backup';
import { openSetupOnInstall } from './setup';
import { registerShortcuts } from './shortcuts';
import { rebuildMenus, registerContextFill } from './contextFill';
import { registerPlatform } from './platform';
import '@/utils/shortcuts/protocol';

export default defineBackground({
  // Firefox MV2 builds get a non-persistent event page, like Chrome's service worker.
  persistent: false,
  type: 'module',
  main() {
    void initPageLanguage(); // texts made here (login failures) follow the chosen language
    checkPayloads(); // every payload parsed by its message type's schema before a handler runs
    listenForMessages();
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
    onBackupRestored(armSchedule); // a restored schedule takes effect at once

    listenForAlarms();
    browser.runtime.onInstalled.addListener((details) => {
      void openSetupOnInstall(details.reason);
      void armSchedule();
      // Chrome keeps context menus across worker restarts but not across updates.
      void rebuildMenus();
    });
    browser.runtime.onStartup?.addListener(() => void armSchedule());
    browser.tabs.onRemoved.addListener((tabId) => {
      void forgetTabPage(tabId);
      void onTabClosed(tabId);
    });
  },
});
