/**
 * Delivery targets of an account: webhooks (with their signing secrets, kept in the vault)
 * and the Angel Redirect URL marker. Removing a target drops its deliveries and status too.
 */
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n/text';
import { render } from '@/utils/i18n/core';
import { UserError } from '@/utils/messaging';
import { readVault, updateVault } from '@/entrypoints/background/vault';
import { generateSecret } from '@/utils/delivery/sign';
import { checkWebhookUrl } from '@/utils/delivery/url';
import type { AddTargetRequest, TargetView } from '@/utils/delivery/protocol';
import type { DeliveryTarget, OutboxEntry } from '@/utils/delivery/types';
import type { Account, VaultData } from '@/utils/vault/types';
import { mutateOutbox, mutateTargets, outboxItem, serialized, statusItem, targetsItem } from './store';

const MAX_WEBHOOKS_PER_ACCOUNT = 5;

export function findAccount(vault: VaultData, accountId: string): Account {
  const account = vault.accounts.find((a) => a.id === accountId);
  if (!account) throw new UserError('no-account', t('dlbg.noAccount'));
  return account;
}

async function siteAccess(pattern: string): Promise<boolean | undefined> {
  try {
    return await browser.permissions.contains({ origins: [pattern] });
  } catch {
    return undefined;
  }
}

export async function toView(
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

export async function addTarget(req: AddTargetRequest): Promise<{ target: TargetView; secret?: string }> {
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
      throw new UserError('duplicate-target', t('dlbg.dupRedirect'));
    }
  } else if (req.kind === 'webhook') {
    const check = checkWebhookUrl(typeof req.url === 'string' ? req.url : '');
    if (!check.ok) throw new UserError('invalid-url', render(check.error, t));
    if (existing.some((t) => t.kind === 'webhook' && t.url === check.url)) {
      throw new UserError('duplicate-target', t('dlbg.dupUrl'));
    }
    if (existing.filter((t) => t.kind === 'webhook').length >= MAX_WEBHOOKS_PER_ACCOUNT) {
      throw new UserError('too-many-targets', t('dlbg.tooMany', { max: MAX_WEBHOOKS_PER_ACCOUNT }));
    }
    target.url = check.url;
    secret = generateSecret();
    const s = secret;
    await updateVault((v) => {
      v.webhookSecrets = { ...(v.webhookSecrets ?? {}), [target.id]: s };
    });
  } else {
    throw new UserError('invalid-target', t('dlbg.unknownKind'));
  }
  await mutateTargets((list) => {
    list.push(target);
  });
  const [outbox, status] = await Promise.all([outboxItem.getValue(), statusItem.getValue()]);
  return { target: await toView(target, outbox, status), secret };
}

export async function requireTarget(targetId: string): Promise<DeliveryTarget> {
  const target = (await targetsItem.getValue()).find((t) => t.id === targetId);
  if (!target) throw new UserError('no-target', t('dlbg.noTarget'));
  return target;
}

/** Targets of accounts no longer in the vault go, with their secrets and deliveries. */
export async function removeOrphanTargets(accountIds: ReadonlySet<string>): Promise<void> {
  for (const t of await targetsItem.getValue()) if (!accountIds.has(t.accountId)) await removeTarget(t.id);
}

export async function removeTarget(targetId: string): Promise<void> {
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

export async function rotateSecret(targetId: string): Promise<{ secret: string }> {
  const target = await requireTarget(targetId);
  if (target.kind !== 'webhook') throw new UserError('not-webhook', t('dlbg.onlyWebhooks'));
  const secret = generateSecret();
  await updateVault((v) => {
    v.webhookSecrets = { ...(v.webhookSecrets ?? {}), [targetId]: secret };
  });
  return { secret };
}
