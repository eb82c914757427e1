/**
 * Durable delivery state in storage.local: targets (no secrets), the outbox (bodies sealed
 * with the vault key) and the last result per target. Every read-modify-write goes through
 * one queue so that the alarm, "Retry now" and new captures never overwrite each other.
 */
import { defineStoredItem } from '@/utils/storage/item';
import { withLock } from '@/utils/locks';
import type { DeliveryTarget, LastDelivery, OutboxEntry } from '@/utils/delivery/types';
import { computeTargetsMac, targetsMacItem, targetsState } from './integrity';

export const targetsItem = defineStoredItem<DeliveryTarget[]>('local:delivery.targets', {
  fallback: [],
  version: 1,
});
export const outboxItem = defineStoredItem<OutboxEntry[]>('local:delivery.outbox', {
  fallback: [],
  version: 1,
});
export const statusItem = defineStoredItem<Record<string, LastDelivery>>('local:delivery.status', {
  fallback: {},
  version: 1,
});
/** Set once we told the user that deliveries wait for an unlock; cleared on unlock. */
export const lockedNotifiedItem = defineStoredItem<boolean>('session:delivery.lockedNotified', {
  fallback: false,
});

/** Run `fn` after every earlier queued mutation has finished. */
export function serialized<T>(fn: () => Promise<T>): Promise<T> {
  return withLock('delivery', fn);
}

export function mutateOutbox<T>(fn: (entries: OutboxEntry[]) => T): Promise<T> {
  return serialized(async () => {
    // Copies: with nothing stored, getValue() hands out the shared fallback object.
    const entries = structuredClone(await outboxItem.getValue());
    const result = fn(entries);
    await outboxItem.setValue(entries);
    return result;
  });
}

export function mutateTargets<T>(fn: (targets: DeliveryTarget[]) => T): Promise<T> {
  return serialized(async () => {
    const targets = structuredClone(await targetsItem.getValue());
    // Needs the vault key (throws 'locked'); checked before the change so it cannot launder one.
    const state = await targetsState(targets, await targetsMacItem.getValue());
    const result = fn(targets);
    await targetsItem.setValue(targets);
    // A list that was not verified stays unverified until the user confirms it in Options.
    if (state === 'ok' || targets.length === 0)
      await targetsMacItem.setValue(await computeTargetsMac(targets));
    return result;
  });
}

/** The user looked at the list in Options and says it is theirs: sign it as it is now. */
export function confirmTargets(): Promise<void> {
  return serialized(async () => {
    await targetsMacItem.setValue(await computeTargetsMac(await targetsItem.getValue()));
  });
}

export function recordStatus(targetId: string, last: LastDelivery): Promise<void> {
  return serialized(async () => {
    const all = structuredClone(await statusItem.getValue());
    all[targetId] = last;
    await statusItem.setValue(all);
  });
}
