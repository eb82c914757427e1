/**
 * Background side of the portal assistant. Content scripts on Angel's portal hosts hand
 * over what the user chose to save (an API key, a TOTP secret) — the 'portal' sender kind
 * guarantees the origin — and get back nothing secret except the one TOTP code needed to
 * finish Angel's confirmation. The popup's "Fill this page" is relayed to the tab's
 * content script, which accepts it only from the extension itself.
 */
import { browser } from 'wxt/browser';
import { defineStoredItem } from '@/utils/storage/item';
import { handle, UserError } from '@/utils/messaging';
import { t } from '@/utils/i18n/text';
import { isPortalOrigin } from '@/utils/angelHosts';
import { currentTotp, readVault, updateVault } from '@/entrypoints/background/vault';
import type { Account } from '@/utils/vault/types';
import type { FillReport, PortalTabRequest, SavedTotp } from '@/utils/portal/protocol';
import { parseTotpInput } from '@/utils/portal/totpSecret';
import { render } from '@/utils/i18n/secretParse';
import '@/utils/portal/protocol';

/** How long after saving a TOTP secret its tab may ask for the current code. */
export const CODE_WINDOW_MS = 10 * 60 * 1000;

/** tabId -> the account whose TOTP secret that tab saved, and until when it may see codes. */
const codeGrants = defineStoredItem<Record<string, { accountId: string; until: number }>>(
  'session:portalCodeGrants',
  {
    fallback: {},
  },
);

const API_KEY = /^[A-Za-z0-9_-]{6,128}$/;

function findAccount(accounts: Account[], id: string): Account {
  const account = accounts.find((a) => a.id === id);
  if (!account) {
    throw new UserError('no-account', t('ptbg.noAccount'));
  }
  return account;
}

function codeOf(account: Account): SavedTotp {
  const { code, remainingMs } = currentTotp(account);
  return { label: account.label, code, remainingMs, period: account.totp.period };
}

export function registerPortal(): void {
  handle('portal/accounts', 'portal', async () => {
    const vault = await readVault();
    return vault.accounts.map((a) => ({ id: a.id, label: a.label, clientCode: a.clientCode }));
  });

  handle('portal/save-api-key', 'portal', async ({ accountId, apiKey, apiSecret }) => {
    const key = String(apiKey ?? '').trim();
    if (!API_KEY.test(key)) {
      throw new UserError('bad-api-key', t('ptbg.badApiKey'));
    }
    const secret =
      typeof apiSecret === 'string' && API_KEY.test(apiSecret.trim()) ? apiSecret.trim() : undefined;
    findAccount((await readVault()).accounts, accountId);
    let label = '';
    await updateVault((v) => {
      const account = findAccount(v.accounts, accountId);
      account.secrets.apiKey = key;
      if (secret) account.secrets.apiSecret = secret;
      label = account.label;
    });
    return { label };
  });

  handle('portal/save-totp-secret', 'portal', async ({ accountId, secret }, sender) => {
    const parsed = parseTotpInput(String(secret ?? ''));
    if (!parsed.ok) throw new UserError('bad-totp-secret', render(parsed.problem));
    findAccount((await readVault()).accounts, accountId);
    let saved: Account | undefined;
    await updateVault((v) => {
      const account = findAccount(v.accounts, accountId);
      account.secrets.totpSecret = parsed.secret;
      account.totp = { ...parsed.params };
      saved = account;
    });
    const grants = await codeGrants.getValue();
    const now = Date.now();
    for (const [tab, g] of Object.entries(grants)) if (g.until < now) delete grants[tab];
    grants[String(sender.tab!.id)] = { accountId, until: now + CODE_WINDOW_MS };
    await codeGrants.setValue(grants);
    return codeOf(saved ?? findAccount((await readVault()).accounts, accountId));
  });

  handle('portal/totp-code', 'portal', async ({ accountId }, sender) => {
    const grant = (await codeGrants.getValue())[String(sender.tab!.id)];
    if (!grant || grant.accountId !== accountId || grant.until < Date.now()) {
      throw new UserError('code-window-closed', t('ptbg.codeWindow'));
    }
    return codeOf(findAccount((await readVault()).accounts, accountId));
  });

  handle('portal/fill-tab', 'page', async ({ tabId, profileId }) => {
    let url: string | undefined;
    try {
      url = (await browser.tabs.get(tabId)).url;
    } catch {
      throw new UserError('no-tab', t('ptbg.noTab'));
    }
    if (!isPortalOrigin(url)) {
      throw new UserError('not-portal', t('ptbg.notPortal'));
    }
    const request: PortalTabRequest = { __sacPortal: 'fill', profileId };
    let report: FillReport | undefined;
    try {
      report = (await browser.tabs.sendMessage(tabId, request, { frameId: 0 })) as FillReport | undefined;
    } catch {
      report = undefined;
    }
    if (!report) {
      throw new UserError('page-not-ready', t('ptbg.noAnswer'));
    }
    return report;
  });
}
