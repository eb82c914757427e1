/** First install: open the guided setup so a new user sees the steps at once. */
import { browser } from 'wxt/browser';

export async function openSetupOnInstall(reason: string): Promise<void> {
  // Only a real first install; updates and browser updates must not pop a tab.
  if (reason !== 'install') return;
  await browser.tabs.create({ url: browser.runtime.getURL('/setup.html') }).catch(() => undefined);
}
