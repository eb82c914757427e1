/** What the options page shows of delivery: targets, the outbox (tokens masked), the list's state. */
import { isUnlocked, openBlob, readVault } from '@/entrypoints/background/vault';
import { isUnboundBlob } from '@/entrypoints/background/vault/blobs';
import { maskToken } from '@/utils/delivery/payload';
import type { DeliveryOverview, OutboxView } from '@/utils/delivery/protocol';
import type { DeliveryTarget, OutboxEntry, TokenPayload } from '@/utils/delivery/types';
import type { VaultData } from '@/utils/vault/types';
import { outboxContext, targetsMacItem, targetsState } from './integrity';
import { outboxItem, statusItem, targetsItem } from './store';
import { toView } from './targets';

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

export async function overview(): Promise<DeliveryOverview> {
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
