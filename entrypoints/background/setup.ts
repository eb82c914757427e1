/** First install: open the guided setup so a new user sees the steps at once. */
import { browser } from 'wxt/browser';

export function registerSetup(): void {
  browser.runtime.onInstalled.addListener((details) => {
    // Only a real first install; updates and browser updates must not pop a tab.
    if (details.reason !== 'install') return;
    void browser.tabs.create({ url: browser.runtime.getURL('/setup.html') }).catch(() => undefined);
  });
}
