import { listenForMessages } from '@/utils/messaging';
import { initPageLanguage } from '@/utils/i18n/language';
import { registerTabPages } from './tabPages';
import { registerVault } from './vault';
import { registerPopupStartup } from './vault/popupStartup';
import { registerPortal } from './portal';
import { registerQrDecoder } from './portal/qrDecoder';
import { registerDelivery } from './delivery';
import { registerValidation } from './validate';
import { registerHistory } from './login/history';
import { armSchedule, registerLogin } from './login';
import { onBackupRestored } from './vault/backup';
import { registerSetup } from './setup';
import { registerShortcuts } from './shortcuts';
import { registerContextFill } from './contextFill';
import { registerPlatform } from './platform';
import '@/utils/shortcuts/protocol';

export default defineBackground({
  // Firefox MV2 builds get a non-persistent event page, like Chrome's service worker.
  persistent: false,
  type: 'module',
  main() {
    void initPageLanguage(); // texts made here (login failures) follow the chosen language
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
    registerSetup();
    registerShortcuts();
    registerContextFill();
    registerPlatform();
    onBackupRestored(armSchedule); // a restored schedule takes effect at once
  },
});
