/**
 * Token delivery, background side: targets, the encrypted outbox, and the messages of the
 * options page. Login and validation call `enqueueDelivery` right after they store tokens.
 */
import { tText } from '@/utils/i18n/text';
import { browser } from 'wxt/browser';
import { handle, UserError } from '@/utils/messaging';
import {
  isUnlocked,
  onVaultReset,
  onVaultUnlocked,
  openBlob,
  readVault,
  sealBlob,
  updateVault,
} from '@/entrypoints/background/vault';
import { buildPayload, maskToken, testTokens } from '@/utils/delivery/payload';
import { generateSecret } from '@/utils/delivery/sign';
import { checkWebhookUrl } from '@/utils/delivery/url';
import type {
  AddTargetRequest,
  DeliveryOverview,
  OutboxView,
  SendResult,
  TargetView,
} from '@/utils/delivery/protocol';
import '@/utils/delivery/protocol';
import type { DeliveryTarget, OutboxEntry, TokenPayload } from '@/utils/delivery/types';
import type { Account, SessionTokens, VaultData } from '@/utils/vault/types';
import { NOTIFY_FAILED, NOTIFY_LOCKED, OUTBOX_ALARM, processOutbox, stateMessage } from './outbox';
import { isUnboundBlob } from '@/entrypoints/background/vault/blobs';
import { outboxContext, targetsMacItem, targetsState } from './integrity';
import {
  confirmTargets,
  lockedNotifiedItem,
  mutateOutbox,
  mutateTargets,
  outboxItem,
  serialized,
  statusItem,
  targetsItem,
} from './store';

export { processOutbox } from './outbox';

const MAX_WEBHOOKS_PER_ACCOUNT = 5;
/** A test event is worth trying for an hour, not until midnight. */
const TEST_DEADLINE_MS = 60 * 60_000;

function findAccount(vault: VaultData, accountId: string): Account {
  const account = vault.accounts.find((a) => a.id === accountId);
  if (!account) throw new UserError('no-account', tText('dlbg.noAccount'));
  return account;
}

async function makeEntry(
  target: DeliveryTarget,
  account: Account,
  tokens: SessionTokens,
  test: boolean,
  deadline: number,
): Promise<OutboxEntry> {
  const eventId = crypto.randomUUID();
  const payload: TokenPayload = buildPayload(account, tokens, { eventId, test });
  const now = Date.now();
  return {
    eventId,
    targetId: target.id,
    accountId: account.id,
    test,
    // Bound to this event, target and URL: moved anywhere else it no longer opens.
    sealedBody: await sealBlob(JSON.stringify(payload), outboxContext(eventId, target.id, target.url ?? '')),
    createdAt: now,
    deadline,
    attempts: 0,
    nextAttemptAt: now,
    state: 'pending',
  };
}

/**
 * Queue freshly captured tokens for every webhook of the account, then start sending.
 * Resolves once the deliveries are safely in the outbox (not when they arrive).
 * Throws UserError('locked') when the vault is locked (nothing can be sealed then).
 */
export async function enqueueDelivery(accountId: string, tokens: SessionTokens): Promise<void> {
  const targets = (await targetsItem.getValue()).filter(
    (t) => t.accountId === accountId && t.kind === 'webhook',
  );
  if (targets.length === 0) return;
  if (tokens.expiresAt <= Date.now()) return; // already useless: nothing to deliver
  const vault = await readVault();
  const account = findAccount(vault, accountId);
  const entries: OutboxEntry[] = [];
  for (const t of targets) entries.push(await makeEntry(t, account, tokens, false, tokens.expiresAt));
  await mutateOutbox((list) => {
    // Newer tokens replace older ones still waiting for the same target.
    for (let i = list.length - 1; i >= 0; i--) {
      const e = list[i]!;
      if (!e.test && e.accountId === accountId && targets.some((t) => t.id === e.targetId)) list.splice(i, 1);
    }
    list.push(...entries);
  });
  void processOutbox().catch(() => undefined);
}

async function siteAccess(pattern: string): Promise<boolean | undefined> {
  try {
    return await browser.permissions.contains({ origins: [pattern] });
  } catch {
    return undefined;
  }
}

async function toView(
  t: DeliveryTarget,
  outbox: OutboxEntry[],
  status: Awaited<ReturnType<typeof statusItem.getValue>>,
): Promise<TargetView> {
  const mine = outbox.filter((e) => e.targetId === t.id);
  const view: TargetView = {
    id: t.id,
    accountId: t.accountId,
    kind: t.kind,
    url: t.url,
    createdAt: t.createdAt,
    last: status[t.id],
    pending: mine.filter((e) => e.state === 'pending').length,
    failed: mine.filter((e) => e.state !== 'pending').length,
  };
  if (t.kind === 'webhook' && t.url) {
    const check = checkWebhookUrl(t.url);
    if (check.ok) {
      view.permissionPattern = check.permissionPattern;
      view.siteAccess = await siteAccess(check.permissionPattern);
    }
  }
  return view;
}

async function maskedBody(
  e: OutboxEntry,
  target: DeliveryTarget | undefined,
  unlocked: boolean,
): Promise<Pick<OutboxView, 'maskedAuthToken' | 'maskedFeedToken' | 'maskedRefreshToken'>> {
  const hidden = { maskedAuthToken: 'locked', maskedFeedToken: 'locked' };
  if (!unlocked) return hidden;
  try {
    const context = isUnboundBlob(e.sealedBody)
      ? undefined
      : outboxContext(e.eventId, e.targetId, target?.url ?? '');
    const p = JSON.parse(await openBlob(e.sealedBody, context)) as TokenPayload;
    return {
      maskedAuthToken: maskToken(p.auth_token),
      maskedFeedToken: maskToken(p.feed_token),
      maskedRefreshToken: p.refresh_token ? maskToken(p.refresh_token) : undefined,
    };
  } catch {
    return { maskedAuthToken: 'unreadable', maskedFeedToken: 'unreadable' };
  }
}

/** Targets of accounts deleted from the vault go too, with their secrets and deliveries. */
async function pruneOrphans(vault: VaultData): Promise<void> {
  const targets = await targetsItem.getValue();
  for (const t of targets) {
    if (!vault.accounts.some((a) => a.id === t.accountId)) await removeTarget(t.id);
  }
}

async function overview(): Promise<DeliveryOverview> {
  if (await isUnlocked()) {
    try {
      await pruneOrphans(await readVault());
    } catch {
      // locked in between: nothing to prune now
    }
  }
  const [targets, outbox, status] = await Promise.all([
    targetsItem.getValue(),
    outboxItem.getValue(),
    statusItem.getValue(),
  ]);
  const unlocked = await isUnlocked();
  let vault: VaultData | null = null;
  if (unlocked) {
    try {
      vault = await readVault();
    } catch {
      vault = null;
    }
  }
  const views: OutboxView[] = [];
  for (const e of outbox) {
    const account = vault?.accounts.find((a) => a.id === e.accountId);
    const target = targets.find((t) => t.id === e.targetId);
    views.push({
      eventId: e.eventId,
      targetId: e.targetId,
      accountId: e.accountId,
      accountLabel: account?.label ?? '',
      clientCode: account?.clientCode ?? '',
      url: target?.url ?? '',
      test: e.test,
      state: e.state,
      attempts: e.attempts,
      createdAt: e.createdAt,
      nextAttemptAt: e.nextAttemptAt,
      deadline: e.deadline,
      lastAttemptAt: e.lastAttemptAt,
      lastHttpStatus: e.lastHttpStatus,
      lastMessage: e.lastMessage,
      ...(await maskedBody(e, target, vault !== null)),
    });
  }
  return {
    targets: await Promise.all(targets.map((t) => toView(t, outbox, status))),
    outbox: views,
    locked: vault === null,
    ...(vault ? { settings: await targetsState(targets, await targetsMacItem.getValue()) } : {}),
  };
}

async function addTarget(req: AddTargetRequest): Promise<{ target: TargetView; secret?: string }> {
  const vault = await readVault();
  findAccount(vault, req.accountId);
  const existing = (await targetsItem.getValue()).filter((t) => t.accountId === req.accountId);
  const target: DeliveryTarget = {
    id: crypto.randomUUID(),
    accountId: req.accountId,
    kind: req.kind,
    createdAt: Date.now(),
  };
  let secret: string | undefined;
  if (req.kind === 'angel-redirect') {
    if (existing.some((t) => t.kind === 'angel-redirect')) {
      throw new UserError('duplicate-target', tText('dlbg.dupRedirect'));
    }
  } else if (req.kind === 'webhook') {
    const check = checkWebhookUrl(typeof req.url === 'string' ? req.url : '');
    if (!check.ok) throw new UserError('invalid-url', check.error);
    if (existing.some((t) => t.kind === 'webhook' && t.url === check.url)) {
      throw new UserError('duplicate-target', tText('dlbg.dupUrl'));
    }
    if (existing.filter((t) => t.kind === 'webhook').length >= MAX_WEBHOOKS_PER_ACCOUNT) {
      throw new UserError('too-many-targets', tText('dlbg.tooMany', { max: MAX_WEBHOOKS_PER_ACCOUNT }));
    }
    target.url = check.url;
    secret = generateSecret();
    const s = secret;
    await updateVault((v) => {
      v.webhookSecrets = { ...(v.webhookSecrets ?? {}), [target.id]: s };
    });
  } else {
    throw new UserError('invalid-target', tText('dlbg.unknownKind'));
  }
  await mutateTargets((list) => {
    list.push(target);
  });
  const [outbox, status] = await Promise.all([outboxItem.getValue(), statusItem.getValue()]);
  return { target: await toView(target, outbox, status), secret };
}

async function requireTarget(targetId: string): Promise<DeliveryTarget> {
  const target = (await targetsItem.getValue()).find((t) => t.id === targetId);
  if (!target) throw new UserError('no-target', tText('dlbg.noTarget'));
  return target;
}

async function removeTarget(targetId: string): Promise<void> {
  const target = await requireTarget(targetId);
  if (target.kind === 'webhook') {
    await updateVault((v) => {
      if (v.webhookSecrets) delete v.webhookSecrets[targetId];
    });
  }
  await mutateTargets((list) => {
    const i = list.findIndex((t) => t.id === targetId);
    if (i >= 0) list.splice(i, 1);
  });
  await mutateOutbox((list) => {
    for (let i = list.length - 1; i >= 0; i--) if (list[i]!.targetId === targetId) list.splice(i, 1);
  });
  await serialized(async () => {
    const all = structuredClone(await statusItem.getValue());
    delete all[targetId];
    await statusItem.setValue(all);
  });
}

async function rotateSecret(targetId: string): Promise<{ secret: string }> {
  const target = await requireTarget(targetId);
  if (target.kind !== 'webhook') throw new UserError('not-webhook', tText('dlbg.onlyWebhooks'));
  const secret = generateSecret();
  await updateVault((v) => {
    v.webhookSecrets = { ...(v.webhookSecrets ?? {}), [targetId]: secret };
  });
  return { secret };
}

async function sendTest(targetId: string): Promise<SendResult> {
  const target = await requireTarget(targetId);
  if (target.kind !== 'webhook') {
    throw new UserError('not-webhook', tText('dlbg.redirectNothing'));
  }
  const vault = await readVault();
  const account = findAccount(vault, target.accountId);
  const now = Date.now();
  const tokens = testTokens(now, account.platform === 'SMART_API_M' ? 'publisher-login' : 'rest-login');
  const entry = await makeEntry(target, account, tokens, true, now + TEST_DEADLINE_MS);
  await mutateOutbox((list) => {
    list.push(entry);
  });
  const results = await processOutbox();
  return (
    results.get(entry.eventId) ?? {
      eventId: entry.eventId,
      outcome: 'retrying',
      message: tText('dlv.queued'),
    }
  );
}

async function retryNow(req: { targetId?: string; eventId?: string }): Promise<SendResult[]> {
  await readVault(); // sending needs the vault; say so now rather than queue silently
  const now = Date.now();
  const picked = await mutateOutbox((list) => {
    const chosen = list.filter(
      (e) =>
        (req.eventId ? e.eventId === req.eventId : true) &&
        (req.targetId ? e.targetId === req.targetId : true),
    );
    const ids: string[] = [];
    let expired = 0;
    for (const e of chosen) {
      if (now > e.deadline) {
        expired += 1;
        continue;
      }
      e.state = 'pending';
      e.nextAttemptAt = now;
      ids.push(e.eventId);
    }
    return { ids, expired };
  });
  if (picked.ids.length === 0) {
    if (picked.expired > 0) {
      throw new UserError('expired', tText('dlbg.expired'));
    }
    if (req.eventId) throw new UserError('no-entry', tText('dlbg.noEntry'));
    return [];
  }
  const results = await processOutbox();
  const after = await outboxItem.getValue();
  return picked.ids.map((id) => {
    const r = results.get(id);
    if (r) return r;
    const e = after.find((x) => x.eventId === id);
    return e
      ? stateMessage(e)
      : { eventId: id, outcome: 'delivered' as const, message: tText('dlv.delivered') };
  });
}

async function discard(eventId: string): Promise<void> {
  await mutateOutbox((list) => {
    const i = list.findIndex((e) => e.eventId === eventId);
    if (i >= 0) list.splice(i, 1);
  });
}

export function registerDelivery(): void {
  handle('delivery/overview', 'page', () => overview());
  handle('delivery/add-target', 'page', (req) => addTarget(req));
  handle('delivery/remove-target', 'page', ({ targetId }) => removeTarget(targetId));
  handle('delivery/rotate-secret', 'page', ({ targetId }) => rotateSecret(targetId));
  handle('delivery/send-test', 'page', ({ targetId }) => sendTest(targetId));
  handle('delivery/retry-now', 'page', (req) => retryNow(req));
  handle('delivery/discard', 'page', ({ eventId }) => discard(eventId));
  handle('delivery/confirm-targets', 'page', async () => {
    await readVault(); // the list is signed with the vault key: say "locked" rather than fail later
    await confirmTargets();
    void processOutbox().catch(() => undefined);
  });

  // Everything here belongs to the vault being reset: its targets, and bodies sealed with its key.
  onVaultReset(() =>
    serialized(async () => {
      await Promise.all([
        targetsItem.removeValue(),
        targetsMacItem.removeValue(),
        outboxItem.removeValue(),
        statusItem.removeValue(),
      ]);
      await browser.alarms.clear(OUTBOX_ALARM);
    }),
  );
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) void processOutbox().catch(() => undefined);
  });
  onVaultUnlocked(() => {
    void (async () => {
      await lockedNotifiedItem.setValue(false);
      try {
        await browser.notifications.clear(NOTIFY_LOCKED);
      } catch {
        // nothing to clear
      }
      await processOutbox();
    })().catch(() => undefined);
  });
  try {
    browser.notifications.onClicked.addListener((id) => {
      if (id === NOTIFY_LOCKED || id.startsWith(NOTIFY_FAILED)) void browser.runtime.openOptionsPage();
    });
  } catch {
    // notifications API missing (permission removed): the options page still shows everything
  }
  // Worker start (install, browser start, wake-up after termination): catch up on the outbox.
  void processOutbox().catch(() => undefined);
}
