/**
 * The one way the background shows a system notification. Notifications can be switched off
 * by the person or the system: a failure is swallowed, the extension's pages still show
 * every state.
 */
import { browser } from 'wxt/browser';

export interface NotifyOptions {
  /** Notification id (to clear it or to react to a click); a fresh random one by default. */
  id?: string;
  title: string;
  message: string;
  /** Say nothing when the popup is open: it shows the same news already. */
  unlessPopupOpen?: boolean;
}

async function popupIsOpen(): Promise<boolean> {
  try {
    // Chromium MV3 has runtime.getContexts; Firefox's event page has extension.getViews.
    const rt = browser.runtime as unknown as {
      getContexts?: (f: { contextTypes: string[] }) => Promise<unknown[]>;
    };
    if (typeof rt.getContexts === 'function')
      return (await rt.getContexts({ contextTypes: ['POPUP'] })).length > 0;
    const ext = browser.extension as unknown as { getViews?: (f: { type: string }) => unknown[] } | undefined;
    if (ext && typeof ext.getViews === 'function') return ext.getViews({ type: 'popup' }).length > 0;
  } catch {
    /* fall through: notify */
  }
  return false;
}

export async function notify(o: NotifyOptions): Promise<void> {
  if (!browser.notifications) return;
  if (o.unlessPopupOpen && (await popupIsOpen())) return;
  try {
    await browser.notifications.create(o.id ?? `sac-${crypto.randomUUID()}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: o.title,
      message: o.message,
    });
  } catch {
    /* notifications blocked: the extension's pages still show the state */
  }
}
