import { browser } from 'wxt/browser';
import { defineStoredItem } from '@/utils/storage/item';
import { handle } from '@/utils/messaging';
import { withLock } from '@/utils/locks';
import type { TabPage } from '@/utils/protocol';
import '@/utils/protocol';

/** Which Angel page each tab shows; session-scoped, survives service-worker restarts. */
const tabPagesItem = defineStoredItem<Record<string, TabPage>>('session:tabPages', { fallback: {} });

export function registerTabPages(): void {
  handle('portal/page-seen', 'portal', async ({ kind }, sender) => {
    const tabId = sender.tab!.id!;
    await withLock('tab-pages', async () => {
      // A copy: with nothing stored, getValue() hands out the shared fallback object.
      const pages = { ...(await tabPagesItem.getValue()) };
      pages[String(tabId)] = { tabId, kind, url: sender.url ?? '', seenAt: Date.now() };
      await tabPagesItem.setValue(pages);
    });
  });
  handle('tabs/active-page', 'page', async () => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (!tab?.id) return null;
    const pages = await tabPagesItem.getValue();
    return pages[String(tab.id)] ?? null;
  });
}

/** A closed tab's page is forgotten. */
export function forgetTabPage(tabId: number): Promise<void> {
  return withLock('tab-pages', async () => {
    const pages = { ...(await tabPagesItem.getValue()) };
    if (pages[String(tabId)]) {
      delete pages[String(tabId)];
      await tabPagesItem.setValue(pages);
    }
  });
}
