/**
 * Background side of the page engine's messages:
 *  - a login page the content script cannot read stops its attempt at once, with the
 *    content script's exact words;
 *  - rules the user taught for a page (selectors only) live inside the encrypted vault
 *    (VaultData.pageRules), keyed by the host and path of the page that taught them.
 */
import { handle, UserError, type Sender } from '@/utils/messaging';
import { tText } from '@/utils/i18n/text';
import { readVault, updateVault } from '@/entrypoints/background/vault';
import { pageKindFromUrl } from '@/utils/pageKind';
import '@/utils/login/pageProtocol';
import '@/utils/page/rules';
import { checkSelectors, type PageRule, type TaughtPageKind } from '@/utils/page/rules';

export interface PageRulesDeps {
  /** The running attempt of this tab (throws for any other sender). */
  attemptOf(attemptId: string, sender: Sender): Promise<{ id: string }>;
  fail(attemptId: string, message: string, errorKind: string): Promise<unknown>;
}

const MAX_RULES = 50;

/** Host and path of the sender's page, when it is a page of the given kind. */
function pageOf(sender: Sender, kind: TaughtPageKind): { host: string; path: string } {
  const url = sender.url ?? '';
  if (!sender.tab || pageKindFromUrl(url) !== kind)
    throw new UserError('not-login-page', tText('lgbg.notLoginPage'));
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

  handle('pageRules/get', 'portal', async ({ kind }, sender) => {
    const { host, path } = pageOf(sender, kind);
    const vault = await readVault();
    return vault.pageRules?.find((r) => r.kind === kind && r.host === host && r.path === path) ?? null;
  });

  handle('pageRules/save', 'portal', async ({ kind, selectors }, sender) => {
    const { host, path } = pageOf(sender, kind);
    const checked = checkSelectors(selectors);
    if (!checked) throw new UserError('bad-rule', tText('lgbg.notLoginPage'));
    const rule: PageRule = { id: randomId(), kind, host, path, selectors: checked, createdAt: Date.now() };
    await updateVault((v) => {
      const others = (v.pageRules ?? []).filter(
        (r) => !(r.kind === kind && r.host === host && r.path === path),
      );
      v.pageRules = [...others, rule].slice(-MAX_RULES);
    });
    return rule;
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
