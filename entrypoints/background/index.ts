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
import { installStoredChecks } from './schemas/stored';
import { forgetTabPage } from './tabPages';
import { registerFeatures } from './features';
import { armSchedule, onTabClosed } from './login';
import { onBackupRestored } from './vault/backup';
import { openSetupOnInstall } from './setup';
import { rebuildMenus } from './contextFill';
import '@/utils/shortcuts/protocol';

export default defineBackground({
  // Firefox MV2 builds get a non-persistent event page, like Chrome's service worker.
  persistent: false,
  type: 'module',
  main() {
    void initPageLanguage(); // texts made here (login failures) follow the chosen language
    checkPayloads(); // every payload parsed by its message type's schema before a handler runs
    installStoredChecks(); // every stored item parsed by its schema when read (utils/storage/item.ts)
    listenForMessages();
    registerFeatures();
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
