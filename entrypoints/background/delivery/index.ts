/**
 * Token delivery, background side: targets (targets.ts), the encrypted outbox (enqueue.ts
 * puts deliveries in, outbox.ts sends them, outcome.ts records how each ended), and the
 * options page's view (overview.ts). Login and validation call `enqueueDelivery` right
 * after they store tokens.
 */
import { browser } from 'wxt/browser';
import { handle } from '@/utils/messaging';
import { onAccountsChanged, onVaultReset, onVaultUnlocked, readVault } from '@/entrypoints/background/vault';
import '@/utils/delivery/protocol';
import { NOTIFY_FAILED, NOTIFY_LOCKED, OUTBOX_ALARM, processOutbox } from './outbox';
import { targetsMacItem } from './integrity';
import { confirmTargets, lockedNotifiedItem, outboxItem, serialized, statusItem, targetsItem } from './store';
import { addTarget, removeOrphanTargets, removeTarget, rotateSecret } from './targets';
import { discard, retryNow, sendTest } from './enqueue';
import { overview } from './overview';

export { processOutbox } from './outbox';
export { enqueueDelivery } from './enqueue';

export function registerDelivery(): void {
  handle('delivery/overview', 'page', () => overview());
  handle('delivery/add-target', 'page', (req) => addTarget(req));
  handle('delivery/remove-target', 'page', ({ targetId }) => removeTarget(targetId));
  handle('delivery/rotate-secret', 'page', ({ targetId }) => rotateSecret(targetId));
  handle('delivery/send-test', 'page', ({ targetId }) => sendTest(targetId));
  handle('delivery/retry-now', 'page', (req) => retryNow(req));
  handle('delivery/discard', 'page', ({ eventId }) => discard(eventId));
  handle('delivery/confirm-targets', 'page', async () => {
    await readVault(); // the list is signed with the vault key: say "locked" rather than fail later
    await confirmTargets();
    void processOutbox().catch(() => undefined);
  });

  onAccountsChanged(removeOrphanTargets);
  // Everything here belongs to the vault being reset: its targets, and bodies sealed with its key.
  onVaultReset(() =>
    serialized(async () => {
      await Promise.all([
        targetsItem.removeValue(),
        targetsMacItem.removeValue(),
        outboxItem.removeValue(),
        statusItem.removeValue(),
      ]);
      await browser.alarms.clear(OUTBOX_ALARM);
    }),
  );
  onVaultUnlocked(() => {
    void (async () => {
      await lockedNotifiedItem.setValue(false);
      try {
        await browser.notifications.clear(NOTIFY_LOCKED);
      } catch {
        // nothing to clear
      }
      await processOutbox();
    })().catch(() => undefined);
  });
  try {
    browser.notifications.onClicked.addListener((id) => {
      if (id === NOTIFY_LOCKED || id.startsWith(NOTIFY_FAILED)) void browser.runtime.openOptionsPage();
    });
  } catch {
    // notifications API missing (permission removed): the options page still shows everything
  }
  // Worker start (install, browser start, wake-up after termination): catch up on the outbox.
  void processOutbox().catch(() => undefined);
}
