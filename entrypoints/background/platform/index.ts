/**
 * Background side of the platform fill. Site access is asked per platform when the user turns
 * it on in Options (the page calls permissions.request from the click, then 'platform/enable');
 * only then is the platform content script registered for that one origin. The content script
 * ('platform' sender: top frame, an enabled origin) gets the account list without secrets,
 * then the values of one fill for one account, one at a time, each once, within two minutes.
 */
import { browser } from 'wxt/browser';
import { defineStoredItem } from '@/utils/storage/item';
import { handle, setPlatformOriginCheck, UserError, platformSenderOrigin } from '@/utils/messaging';
import { t } from '@/utils/i18n/text';
import { readVault, updateVault } from '@/entrypoints/background/vault';
import { targetsItem } from '@/entrypoints/background/delivery/store';
import type { Account } from '@/utils/vault/types';
import {
  allPlatforms,
  checkCustomPlatform,
  httpsOrigin,
  originPattern,
  parsePlatformsState,
  valueFieldsFor,
  VALUE_FIELDS,
  type PlatformProfile,
  type ValueField,
} from '@/utils/platform/profiles';
import type {
  PlatformProgress,
  PlatformTabReply,
  PlatformTabRequest,
  PlatformView,
} from '@/utils/platform/protocol';
import '@/utils/platform/protocol';
import { enabledOrigins, hasAccess, isEnabledOrigin, syncRegistration } from './access';

export { enabledOrigins, isEnabledOrigin, syncRegistration } from './access';

/** Per account id: when it was filled into a platform form, and when the platform listed it. */
export const progressItem = defineStoredItem<Record<string, PlatformProgress>>('local:platformProgress', {
  fallback: {},
});
interface FillGrant {
  fillId: string;
  tabId: number;
  origin: string;
  accountId: string;
  fields: ValueField[];
  until: number;
}
const fillGrants = defineStoredItem<FillGrant[]>('session:platformFills', { fallback: [] });

export const FILL_WINDOW_MS = 2 * 60 * 1000;

async function profiles(): Promise<PlatformProfile[]> {
  let state;
  try {
    state = (await readVault()).platforms;
  } catch {
    state = undefined; // locked: the built-in platforms only
  }
  return allPlatforms(parsePlatformsState(state));
}

async function views(): Promise<PlatformView[]> {
  const on = await enabledOrigins.getValue();
  const out: PlatformView[] = [];
  for (const p of await profiles()) {
    out.push({
      id: p.id,
      name: p.name,
      origin: p.origin,
      builtIn: !!p.builtIn,
      enabled: on.includes(p.origin) && (await hasAccess(p.origin)),
      labels: p.labels,
    });
  }
  return out;
}

async function profileById(id: string): Promise<PlatformProfile> {
  const p = (await profiles()).find((x) => x.id === id);
  if (!p) throw new UserError('no-platform', t('plbg.noPlatform'));
  return p;
}

function findAccount(accounts: Account[], id: string): Account {
  const a = accounts.find((x) => x.id === id);
  if (!a) throw new UserError('no-account', t('plbg.noAccount'));
  return a;
}

function valueOf(a: Account, field: ValueField): string {
  if (field === 'clientCode') return a.clientCode;
  if (field === 'mpin') return a.secrets.mpin;
  if (field === 'totpSecret') return a.secrets.totpSecret;
  return a.secrets.apiKey;
}

async function liveGrants(): Promise<FillGrant[]> {
  const now = Date.now();
  return (await fillGrants.getValue()).filter((g) => g.until > now);
}

function newId(): string {
  return crypto.randomUUID();
}

export function registerPlatform(): void {
  setPlatformOriginCheck(isEnabledOrigin);
  // Firefox forgets runtime registrations on restart; Chrome keeps them. Either way: in step.
  void syncRegistration().catch(() => undefined);
  try {
    // Access taken back in the browser's settings: the script goes too.
    browser.permissions.onRemoved.addListener(() => void syncRegistration().catch(() => undefined));
  } catch {
    /* no permission events (test doubles) */
  }

  handle('platform/list', 'page', () => views());

  handle('platform/enable', 'page', async ({ id }) => {
    const p = await profileById(id);
    if (!(await hasAccess(p.origin)))
      throw new UserError('no-access', t('plbg.noAccess', { origin: p.origin }));
    const on = await enabledOrigins.getValue();
    if (!on.includes(p.origin)) await enabledOrigins.setValue([...on, p.origin]);
    await syncRegistration();
    return views();
  });

  handle('platform/disable', 'page', async ({ id }) => {
    const p = await profileById(id);
    await enabledOrigins.setValue((await enabledOrigins.getValue()).filter((o) => o !== p.origin));
    await syncRegistration();
    // Give the site access back, unless a webhook on the same site still needs it.
    const webhookHere = (await targetsItem.getValue()).some(
      (t) => t.kind === 'webhook' && !!t.url && httpsOrigin(t.url) === p.origin,
    );
    if (!webhookHere)
      await browser.permissions.remove({ origins: [originPattern(p.origin)] }).catch(() => false);
    return views();
  });

  handle('platform/add', 'page', async (input) => {
    const checked = checkCustomPlatform(
      {
        name: String(input?.name ?? ''),
        origin: String(input?.origin ?? ''),
        labels: (input?.labels ?? {}) as Record<string, string>,
      },
      await profiles(),
    );
    if (!checked.ok) throw new UserError(checked.problem, t(`plbg.${checked.problem}`));
    await updateVault((v) => {
      const state = parsePlatformsState(v.platforms);
      state.custom.push({ id: newId(), ...checked.profile });
      v.platforms = state.custom;
    });
    return views();
  });

  handle('platform/delete', 'page', async ({ id }) => {
    const p = await profileById(id);
    if (p.builtIn) throw new UserError('built-in', t('plbg.builtIn'));
    await updateVault((v) => {
      const state = parsePlatformsState(v.platforms);
      state.custom = state.custom.filter((x) => x.id !== id);
      v.platforms = state.custom;
    });
    await enabledOrigins.setValue((await enabledOrigins.getValue()).filter((o) => o !== p.origin));
    await syncRegistration();
    return views();
  });

  handle('platform/progress', 'page', () => progressItem.getValue());

  handle('platform/active-tab', 'page', async () => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    const origin = httpsOrigin(tab?.url);
    if (!tab?.id || !origin || !(await isEnabledOrigin(origin))) return null;
    const p = (await profiles()).find((x) => x.origin === origin);
    return p ? { tabId: tab.id, name: p.name } : null;
  });

  handle('platform/open-tab', 'page', async ({ tabId }) => {
    let url: string | undefined;
    try {
      url = (await browser.tabs.get(tabId)).url;
    } catch {
      throw new UserError('no-tab', t('plbg.noTab'));
    }
    const origin = httpsOrigin(url);
    if (!origin || !(await isEnabledOrigin(origin)))
      throw new UserError('not-platform', t('plbg.notPlatform'));
    const request: PlatformTabRequest = { __sacPlatform: 'open' };
    const reply = (await browser.tabs.sendMessage(tabId, request, { frameId: 0 }).catch(() => undefined)) as
      PlatformTabReply | undefined;
    if (!reply) throw new UserError('page-not-ready', t('plbg.noAnswer'));
    return reply;
  });

  handle('platform/profile', 'platform', async (_data, sender) => {
    const origin = platformSenderOrigin(sender)!;
    return (await profiles()).find((p) => p.origin === origin) ?? null;
  });

  handle('platform/accounts', 'platform', async (_data, sender) => {
    const origin = platformSenderOrigin(sender)!;
    const profile = (await profiles()).find((p) => p.origin === origin);
    if (!profile) throw new UserError('no-platform', t('plbg.noPlatform'));
    const vault = await readVault();
    return {
      profile,
      accounts: vault.accounts.map((a) => ({
        id: a.id,
        label: a.label,
        clientCode: a.clientCode,
        platform: a.platform,
        has: Object.fromEntries(VALUE_FIELDS.map((f) => [f, valueOf(a, f) !== ''])) as Record<
          ValueField,
          boolean
        >,
      })),
    };
  });

  handle('platform/begin-fill', 'platform', async ({ accountId, fields }, sender) => {
    const origin = platformSenderOrigin(sender)!;
    const account = findAccount((await readVault()).accounts, String(accountId));
    const allowed = valueFieldsFor(account.platform);
    const wanted = Array.isArray(fields) ? fields.filter((f) => allowed.includes(f)) : [];
    const tabId = sender.tab!.id!;
    const fillId = newId();
    // One open fill per tab: a new one replaces the last.
    const grants = (await liveGrants()).filter((g) => g.tabId !== tabId);
    grants.push({
      fillId,
      tabId,
      origin,
      accountId: account.id,
      fields: wanted,
      until: Date.now() + FILL_WINDOW_MS,
    });
    await fillGrants.setValue(grants);
    return { fillId };
  });

  handle('platform/value', 'platform', async ({ fillId, field }, sender) => {
    const grants = await liveGrants();
    const g = grants.find((x) => x.fillId === fillId);
    if (
      !g ||
      g.tabId !== sender.tab!.id ||
      g.origin !== platformSenderOrigin(sender) ||
      !g.fields.includes(field)
    )
      throw new UserError('fill-closed', t('plbg.fillClosed'));
    g.fields = g.fields.filter((f) => f !== field);
    await fillGrants.setValue(grants);
    const value = valueOf(findAccount((await readVault()).accounts, g.accountId), field);
    if (!value) throw new UserError('missing', t('plbg.missing'));
    return { value };
  });

  handle('platform/filled', 'platform', async ({ fillId }, sender) => {
    const g = (await fillGrants.getValue()).find((x) => x.fillId === fillId && x.tabId === sender.tab!.id);
    if (!g) return;
    const all = await progressItem.getValue();
    all[g.accountId] = { origin: g.origin, filledAt: Date.now() };
    await progressItem.setValue(all);
    await fillGrants.setValue((await fillGrants.getValue()).filter((x) => x.fillId !== fillId));
  });

  handle('platform/pending-listed', 'platform', async (_data, sender) => {
    const origin = platformSenderOrigin(sender)!;
    const pending = Object.entries(await progressItem.getValue()).filter(
      ([, p]) => p.origin === origin && !p.listedAt,
    );
    if (pending.length === 0) return [];
    let accounts: Account[];
    try {
      accounts = (await readVault()).accounts;
    } catch {
      return []; // locked: asked again on the next visit
    }
    return pending.flatMap(([id]) => {
      const a = accounts.find((x) => x.id === id);
      return a && a.clientCode ? [{ accountId: id, clientCode: a.clientCode }] : [];
    });
  });

  handle('platform/listed', 'platform', async ({ accountId }, sender) => {
    const all = await progressItem.getValue();
    const p = all[String(accountId)];
    if (!p || p.origin !== platformSenderOrigin(sender) || p.listedAt) return;
    p.listedAt = Date.now();
    await progressItem.setValue(all);
  });
}
