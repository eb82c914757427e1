/**
 * The platform fill's content script (AutoTrader Web and custom platforms). Not in the
 * manifest: the background registers it at runtime for the origins the user turned on in
 * Options, after the browser granted access to that site (entrypoints/background/platform).
 * On the platform's account form (Create, Edit, in a modal, after SPA route changes) it shows
 * "Fill from SmartAPI Companion…"; on other pages of the platform it only looks for the client
 * codes of accounts filled there, for the setup checklist.
 */
import { browser } from 'wxt/browser';
import { sendMessage } from '@/utils/messaging';
import { initPageLanguage } from '@/utils/i18n/inPage';
import { watchLocation } from '@/utils/contentScriptGuard';
import { insideOwnUi, isShown } from '@/utils/page/dom';
import { formAnchor, isAccountForm, readForm } from '@/utils/platform/form';
import { platformControl, unreadableNotice, type PlatformControl } from '@/utils/platform/control';
import { clientCodeListed } from '@/utils/platform/listed';
import type { ControlHost } from '@/utils/portal/inPageControl';
import { isPlatformTabRequest, type PlatformTabReply } from '@/utils/platform/protocol';
import type { PlatformProfile } from '@/utils/platform/profiles';

export default defineContentScript({
  // Registered by the background for the enabled origins only (no install-time host access).
  registration: 'runtime',
  runAt: 'document_idle',
  // Never post the extension's id to the page (see utils/contentScriptGuard.ts).
  noScriptStartedPostMessage: true,
  async main(ctx) {
    if (window.top !== window) return;
    await initPageLanguage();
    let profile: PlatformProfile | null = null;
    try {
      profile = await sendMessage('platform/profile');
    } catch {
      profile = null;
    }
    if (!profile) return;
    const p = profile;
    let control: PlatformControl | null = null;
    let notice: ControlHost | null = null;
    let pending: { accountId: string; clientCode: string }[] | null = null;
    let pendingFor = '';

    const place = (host: HTMLElement, anchor: Element | null) => {
      if (!anchor?.parentNode) return;
      if (host.isConnected && host.nextSibling === anchor) return;
      anchor.parentNode.insertBefore(host, anchor);
    };

    const checkListed = async () => {
      if (pendingFor !== location.href) {
        pendingFor = location.href;
        pending = await sendMessage('platform/pending-listed').catch(() => []);
      }
      for (const item of pending ?? []) {
        if (!clientCodeListed(document, item.clientCode)) continue;
        pending = (pending ?? []).filter((x) => x !== item);
        await sendMessage('platform/listed', { accountId: item.accountId }).catch(() => undefined);
      }
    };

    const scan = () => {
      const reading = readForm(document, p);
      if (isAccountForm(reading)) {
        notice?.remove();
        notice = null;
        control ??= platformControl(document);
        place(control.host, formAnchor(reading));
        return;
      }
      control?.remove();
      control = null;
      const button = reading.neverPress.find((b) => isShown(b) && !insideOwnUi(b));
      if (button && Object.keys(reading.fields).length === 0) {
        // Validate / Save are there but no field could be read: say so at once.
        notice ??= unreadableNotice();
        place(notice.host, button.closest('form') ?? button);
        return;
      }
      notice?.remove();
      notice = null;
      void checkListed();
    };

    scan();
    ctx.onInvalidated(watchLocation(() => scan()));
    let timer = 0;
    const observer = new MutationObserver(() => {
      if (timer) return;
      timer = window.setTimeout(() => {
        timer = 0;
        scan();
      }, 250);
    });
    observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true });

    // The popup's "Fill this page": only from the extension itself.
    const onMessage = (message: unknown, sender: { id?: string }) => {
      if (!isPlatformTabRequest(message) || sender.id !== browser.runtime.id) return undefined;
      scan();
      const reply: PlatformTabReply = { formFound: control !== null };
      if (control) {
        control.host.scrollIntoView({ block: 'center' });
        void control.open();
      }
      return Promise.resolve(reply);
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      observer.disconnect();
      browser.runtime.onMessage.removeListener(onMessage);
      control?.remove();
      notice?.remove();
    });
  },
});
