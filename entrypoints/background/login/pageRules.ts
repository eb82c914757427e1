/**
 * Background side of the page engine's messages:
 *  - a login page the content script cannot read stops its attempt at once, with the
 *    content script's exact words;
 *  - rules the user taught for a page (selectors only) live inside the encrypted vault
 *    (VaultData.pageRules), keyed by the host and path of the page that taught them.
 */
import { browser } from 'wxt/browser';
import { handle, UserError, type Sender } from '@/utils/messaging';
import { t } from '@/utils/i18n/text';
import { readVault, updateVault } from '@/entrypoints/background/vault';
import { pageKindFromUrl } from '@/utils/pageKind';
import type { LoginField } from '@/utils/login/fields';
import type { FillValue } from '@/utils/login/protocol';
import type { FillValues } from '@/utils/login/pageProtocol';
import '@/utils/login/pageProtocol';
import '@/utils/page/rules';
import {
  checkPlan,
  checkSelectors,
  type PageRule,
  type TaughtPageKind,
  type TeachPlan,
} from '@/utils/page/rules';

/** The picking mode, an unlisted script loaded only when the user presses "Teach this page". */
export const TEACH_FILE = '/page-teach.js';

export interface PageRulesDeps {
  /** The running attempt of this tab (throws for any other sender). */
  attemptOf(attemptId: string, sender: Sender): Promise<{ id: string }>;
  fail(attemptId: string, message: string, errorKind: string): Promise<unknown>;
  /** One value for one field of the attempt ('login/portal-value'), with all its checks. */
  valueOf(attemptId: string, field: LoginField, sender: Sender): Promise<FillValue>;
}

const MAX_RULES = 50;

/** Whether a page URL is of a kind rules can be taught for. */
function urlIsKind(url: string, kind: TaughtPageKind): boolean {
  const byUrl = pageKindFromUrl(url);
  return kind === 'create-app' ? byUrl === 'create-app-old' || byUrl === 'create-app-new' : byUrl === kind;
}

/** Host and path of the sender's page, when it is a page of the given kind. */
function pageOf(sender: Sender, kind: TaughtPageKind): { host: string; path: string } {
  const url = sender.url ?? '';
  if (!sender.tab || !urlIsKind(url, kind)) throw new UserError('not-login-page', t('lgbg.notLoginPage'));
  const u = new URL(url);
  return { host: u.host, path: u.pathname.replace(/\/+$/, '') || '/' };
}

function randomId(): string {
  const b = new Uint8Array(8);
  crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

export function registerPageRules(deps: PageRulesDeps): void {
  handle('login/portal-stuck', 'portal', async ({ attemptId, message }, sender) => {
    const a = await deps.attemptOf(String(attemptId ?? ''), sender);
    const text = String(message ?? '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 300);
    await deps.fail(a.id, text, 'page-unreadable');
  });

  // One fill's three values in one answer. Every check of a single value applies to each
  // (the attempt's own tab on Angel's login page, the account's key, each value at most once
  // per round). The TOTP goes first: when its window is about to end nothing is handed out.
  handle('login/portal-values', 'portal', async ({ attemptId }, sender): Promise<FillValues> => {
    const id = String(attemptId ?? '');
    const totp = await deps.valueOf(id, 'totp', sender);
    if ('waitMs' in totp) return { waitMs: totp.waitMs };
    const clientCode = await deps.valueOf(id, 'clientCode', sender);
    const pin = await deps.valueOf(id, 'pin', sender);
    if ('waitMs' in clientCode || 'waitMs' in pin) throw new UserError('forbidden', t('lgbg.noValues'));
    return { values: { clientCode: clientCode.value, pin: pin.value, totp: totp.value } };
  });

  handle('pageRules/get', 'portal', async ({ kind }, sender) => {
    const { host, path } = pageOf(sender, kind);
    const vault = await readVault();
    return vault.pageRules?.find((r) => r.kind === kind && r.host === host && r.path === path) ?? null;
  });

  handle('pageRules/save', 'portal', async ({ kind, selectors }, sender) => {
    const { host, path } = pageOf(sender, kind);
    const checked = checkSelectors(kind, selectors);
    if (!checked) throw new UserError('bad-rule', t('lgbg.notLoginPage'));
    const rule: PageRule = { id: randomId(), kind, host, path, selectors: checked, createdAt: Date.now() };
    await updateVault((v) => {
      const others = (v.pageRules ?? []).filter(
        (r) => !(r.kind === kind && r.host === host && r.path === path),
      );
      v.pageRules = [...others, rule].slice(-MAX_RULES);
    });
    return rule;
  });

  // What the picking mode asks for, per tab, from the press of "Teach this page" until the
  // script loaded into that tab reads it (a moment later).
  const plans = new Map<number, TeachPlan>();
  handle('pageRules/teach', 'portal', async (data, sender) => {
    const plan = checkPlan(data);
    if (!plan) throw new UserError('bad-rule', t('lgbg.notLoginPage'));
    pageOf(sender, plan.kind);
    const tabId = sender.tab?.id;
    if (typeof tabId !== 'number') throw new UserError('forbidden', 'no tab');
    plans.set(tabId, plan);
    // Into the asking top frame's content-script world (the default), never the page's own.
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [TEACH_FILE] });
  });
  handle('pageRules/teach-plan', 'portal', async (_d, sender) => {
    const tabId = sender.tab?.id;
    if (typeof tabId !== 'number') return null;
    const plan = plans.get(tabId) ?? null;
    plans.delete(tabId);
    return plan && urlIsKind(sender.url ?? '', plan.kind) ? plan : null;
  });

  handle('pageRules/list', 'page', async () => (await readVault()).pageRules ?? []);

  handle('pageRules/delete', 'page', async ({ id }) => {
    let left: PageRule[] = [];
    await updateVault((v) => {
      left = (v.pageRules ?? []).filter((r) => r.id !== id);
      v.pageRules = left;
    });
    return left;
  });
}
