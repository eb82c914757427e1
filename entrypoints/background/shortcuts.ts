/**
 * The keyboard command "copy-default-totp" (Alt+Shift+Y unless the user changed it in the
 * browser's shortcut settings): copies the current code of the default account, the first
 * account in the vault's order that has a TOTP secret.
 *
 * Clipboard from the background, per browser:
 * - Chrome MV3: the service worker has no clipboard. An offscreen document (reason CLIPBOARD,
 *   permission "offscreen") does the copy with execCommand. Injecting into the active tab was
 *   the other choice, but it fails on chrome:// pages, the Web Store and PDF tabs, and would
 *   put the code into a web page's context; the offscreen document works everywhere.
 * - Firefox MV2: the background is a real (event) page; with "clipboardWrite" it may write the
 *   clipboard without a user gesture, so navigator.clipboard.writeText works directly.
 * The code is not cleared later: clearing safely needs to read the clipboard first
 * ("clipboardRead", which we do not ask for); a code stops working after its 30 s window anyway.
 */
import { browser } from 'wxt/browser';
import { notify as notifyPerson } from '@/utils/notify';
import { handle } from '@/utils/messaging';
import { COPY_COMMAND, isOffscreenCopyRequest, type CopyOutcome } from '@/utils/shortcuts/protocol';
import { isUnlocked, readVault, currentTotp, noteActivity } from './vault';
import { initPageLanguage } from '@/utils/i18n/language';
import { t } from '@/utils/i18n/text';
import type { Account } from '@/utils/vault/types';

/** The account the shortcut uses: the first one (vault order) with a TOTP secret. */
export function defaultAccount(accounts: Account[]): Account | undefined {
  return accounts.find((a) => a.secrets.totpSecret !== '');
}

export function notify(message: string): Promise<void> {
  return notifyPerson({ id: `sac-shortcut-${Date.now()}`, title: 'SmartAPI Companion', message });
}

interface OffscreenApi {
  createDocument(p: { url: string; reasons: string[]; justification: string }): Promise<void>;
  hasDocument?: () => Promise<boolean>;
}
function offscreenApi(): OffscreenApi | undefined {
  // Chrome only; not in the polyfill's types for Firefox.
  return (globalThis as unknown as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen;
}

let creating: Promise<void> | null = null;
async function ensureOffscreen(api: OffscreenApi): Promise<void> {
  if (api.hasDocument && (await api.hasDocument())) return;
  creating ??= api
    .createDocument({
      url: browser.runtime.getURL('/offscreen.html' as '/popup.html'),
      reasons: ['CLIPBOARD'],
      justification: 'Copy the TOTP code when the user presses the keyboard shortcut.',
    })
    .catch((err: unknown) => {
      // "Only a single offscreen document may be created": it exists already.
      if (!(err instanceof Error && /single offscreen/i.test(err.message))) throw err;
    })
    .finally(() => {
      creating = null;
    });
  await creating;
}

export async function writeClipboard(text: string): Promise<boolean> {
  const offscreen = offscreenApi();
  if (offscreen) {
    await ensureOffscreen(offscreen);
    const request = { __sacOffscreen: 'copy' as const, text };
    if (!isOffscreenCopyRequest(request)) return false;
    return (await browser.runtime.sendMessage(request)) === true;
  }
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Older Firefox: the background page's execCommand is allowed with clipboardWrite.
    const area = document.createElement('textarea');
    area.value = text;
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

export async function copyDefaultCode(): Promise<CopyOutcome> {
  await initPageLanguage(); // the chosen language, read once the worker wakes
  if (!(await isUnlocked())) {
    await notify(t('cmd.locked'));
    return { ok: false, reason: 'locked' };
  }
  const account = defaultAccount((await readVault()).accounts);
  if (!account) {
    await notify(t('cmd.noAccounts'));
    return { ok: false, reason: 'no-account' };
  }
  const { code } = currentTotp(account);
  let copied = false;
  try {
    copied = await writeClipboard(code);
  } catch {
    copied = false;
  }
  if (!copied) {
    await notify(t('cmd.copyFailed'));
    return { ok: false, reason: 'copy-failed' };
  }
  await notify(t('cmd.copied', { label: account.label }));
  return { ok: true, label: account.label };
}

export function registerShortcuts(): void {
  browser.commands?.onCommand.addListener((command) => {
    if (command === COPY_COMMAND) {
      // A key press of the user's: it counts for auto-lock like one on an extension page.
      void noteActivity().catch(() => undefined);
      void copyDefaultCode();
    }
  });
  handle('shortcuts/copy-default', 'page', () => copyDefaultCode());
}
