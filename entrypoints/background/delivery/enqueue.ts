/**
 * Putting deliveries in the encrypted outbox: freshly captured tokens for every webhook of
 * the account, a test event, a retry now, a discard. The outbox sends them (outbox.ts).
 */
import { t } from '@/utils/i18n/text';
import { msg } from '@/utils/i18n/core';
import { UserError } from '@/utils/messaging';
import { readVault, sealBlob } from '@/entrypoints/background/vault';
import { buildPayload, testTokens } from '@/utils/delivery/payload';
import type { SendResult } from '@/utils/delivery/protocol';
import type { DeliveryTarget, OutboxEntry, TokenPayload } from '@/utils/delivery/types';
import type { Account, SessionTokens } from '@/utils/vault/types';
import { processOutbox, stateMessage } from './outbox';
import { outboxContext } from './integrity';
import { mutateOutbox, outboxItem, targetsItem } from './store';
import { findAccount, requireTarget } from './targets';

/** A test event is worth trying for an hour, not until midnight. */
const TEST_DEADLINE_MS = 60 * 60_000;

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

export async function sendTest(targetId: string): Promise<SendResult> {
  const target = await requireTarget(targetId);
  if (target.kind !== 'webhook') {
    throw new UserError('not-webhook', t('dlbg.redirectNothing'));
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
      message: msg('dlv.queued'),
    }
  );
}

export async function retryNow(req: { targetId?: string; eventId?: string }): Promise<SendResult[]> {
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
      throw new UserError('expired', t('dlbg.expired'));
    }
    if (req.eventId) throw new UserError('no-entry', t('dlbg.noEntry'));
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
      : { eventId: id, outcome: 'delivered' as const, message: msg('dlv.delivered') };
  });
}

export async function discard(eventId: string): Promise<void> {
  await mutateOutbox((list) => {
    const i = list.findIndex((e) => e.eventId === eventId);
    if (i >= 0) list.splice(i, 1);
  });
}
