/**
 * "Fill TOTP here" in the context menu of editable fields on Angel's portal pages (both host
 * generations). One account with a TOTP secret: one item. Several: one sub-item per account
 * (labels known only while the vault is unlocked; a locked vault shows the single item, and
 * choosing it says "Unlock to fill"). The background computes the code and sends it to the
 * content script of that tab and frame, after checking the frame really is an Angel page.
 */
import { browser } from 'wxt/browser';
import { handle } from '@/utils/messaging';
import { PORTAL_MATCHES, isPortalOrigin } from '@/utils/angelHosts';
import {
  FILL_MENU_ACCOUNT_PREFIX,
  FILL_MENU_ID,
  type FillFocusedRequest,
  type FillOutcome,
} from '@/utils/shortcuts/protocol';
import type { FocusedFillReply } from '@/utils/shortcuts/fillFocused';
import { currentTotp, isUnlocked, onVaultUnlocked, readVault } from './vault';
import { initPageLanguage } from '@/utils/i18n/language';
import { t } from '@/utils/i18n/text';
import { defaultAccount, notify } from './shortcuts';

// Chrome calls it contextMenus, Firefox has both names; the polyfill types know contextMenus.
type Menus = typeof browser.contextMenus;
function menus(): Menus | undefined {
  return browser.contextMenus;
}

let building: Promise<void> = Promise.resolve();

/** Rebuild the menu from the vault's accounts (or the single item while locked). */
export function rebuildMenus(): Promise<void> {
  building = building.then(buildMenus, buildMenus);
  return building;
}

async function buildMenus(): Promise<void> {
  const api = menus();
  if (!api) return;
  await initPageLanguage(); // the chosen language, read once the worker wakes
  let accounts: { id: string; label: string }[] = [];
  if (await isUnlocked()) {
    try {
      accounts = (await readVault()).accounts
        .filter((a) => a.secrets.totpSecret !== '')
        .map((a) => ({ id: a.id, label: a.label }));
    } catch {
      accounts = [];
    }
  }
  await api.removeAll();
  const base = {
    contexts: ['editable'] as ['editable'],
    documentUrlPatterns: [...PORTAL_MATCHES],
  };
  api.create({ id: FILL_MENU_ID, title: t('menu.fill'), ...base });
  if (accounts.length > 1) {
    for (const a of accounts) {
      api.create({
        id: `${FILL_MENU_ACCOUNT_PREFIX}${a.id}`,
        parentId: FILL_MENU_ID,
        title: t('menu.fillAs', { label: a.label }),
        ...base,
      });
    }
  }
}

/** Is this frame of this tab an Angel portal page? Only those may receive a code. */
async function frameIsPortal(tabId: number, frameId: number): Promise<boolean> {
  if (frameId === 0) {
    const tab = await browser.tabs.get(tabId).catch(() => null);
    return isPortalOrigin(tab?.url);
  }
  const frame = await browser.webNavigation.getFrame({ tabId, frameId }).catch(() => null);
  return isPortalOrigin(frame?.url);
}

export async function fillFocusedField(tabId: number, frameId = 0, accountId?: string): Promise<FillOutcome> {
  await initPageLanguage(); // the chosen language, read once the worker wakes
  if (!(await isUnlocked())) {
    await notify(t('menu.locked'));
    return { ok: false, reason: 'locked' };
  }
  const accounts = (await readVault()).accounts;
  const account = accountId
    ? accounts.find((a) => a.id === accountId && a.secrets.totpSecret)
    : defaultAccount(accounts);
  if (!account) {
    await notify(t('cmd.noAccounts'));
    return { ok: false, reason: 'no-account' };
  }
  if (!(await frameIsPortal(tabId, frameId))) {
    await notify(t('menu.failed'));
    return { ok: false, reason: 'failed' };
  }
  const request: FillFocusedRequest = { __sacFillFocused: 1, code: currentTotp(account).code };
  let reply: FocusedFillReply | undefined;
  try {
    reply = (await browser.tabs.sendMessage(tabId, request, { frameId })) as FocusedFillReply | undefined;
  } catch {
    reply = undefined;
  }
  if (!reply) {
    await notify(t('menu.failed'));
    return { ok: false, reason: 'failed' };
  }
  if (!reply.ok) {
    await notify(t('menu.noField'));
    return { ok: false, reason: 'no-field' };
  }
  return { ok: true, label: account.label };
}

export function registerContextFill(): void {
  const api = menus();
  if (!api) return;
  // Chrome keeps menus across service-worker restarts but not across updates; Firefox's event
  // page loses them: build at every start, then again whenever the accounts may have changed.
  void rebuildMenus(); // and again after an install or update (background index.ts)
  onVaultUnlocked(() => void rebuildMenus());
  // The encrypted vault is rewritten on every account change (and dropped on reset).
  // The menu titles follow the language switch of the options page too.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && ('vault' in changes || 'uiLanguage' in changes)) void rebuildMenus();
  });
  api.onClicked.addListener((info, tab) => {
    const id = String(info.menuItemId);
    if (!tab?.id || (id !== FILL_MENU_ID && !id.startsWith(FILL_MENU_ACCOUNT_PREFIX))) return;
    const accountId = id.startsWith(FILL_MENU_ACCOUNT_PREFIX)
      ? id.slice(FILL_MENU_ACCOUNT_PREFIX.length)
      : undefined;
    void fillFocusedField(tab.id, info.frameId ?? 0, accountId);
  });
  handle('shortcuts/fill-focused', 'page', ({ tabId, frameId, accountId }) =>
    fillFocusedField(tabId, frameId ?? 0, accountId),
  );
}
