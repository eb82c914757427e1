/** How one delivery attempt ends: the outbox entry, the target's status, history and a notification. */
import { notify as notifyPerson } from '@/utils/notify';
import { t } from '@/utils/i18n/text';
import { renderSaid } from '@/utils/i18n/core';
import type { SendResult } from '@/utils/delivery/protocol';
import type { DeliverySaid, DeliveryTarget, OutboxEntry } from '@/utils/delivery/types';
import { recordDeliveryHistory } from '@/entrypoints/background/login/history';
import { mutateOutbox, recordStatus } from './store';

export const NOTIFY_LOCKED = 'delivery-locked';
export const NOTIFY_FAILED = 'delivery-failed-';

export function notify(id: string, title: string, message: string): Promise<void> {
  return notifyPerson({ id, title, message });
}

export function removeEntry(list: OutboxEntry[], eventId: string): void {
  const i = list.findIndex((e) => e.eventId === eventId);
  if (i >= 0) list.splice(i, 1);
}

export interface Finish {
  state: OutboxEntry['state'] | 'delivered';
  message: DeliverySaid;
  httpStatus?: number;
  nextAttemptAt?: number;
  /** True when a request was actually made. */
  attempted?: boolean;
}

export async function finish(entry: OutboxEntry, target: DeliveryTarget, f: Finish): Promise<SendResult> {
  const at = Date.now();
  const attempted = f.attempted === true;
  await mutateOutbox((list) => {
    if (f.state === 'delivered') return removeEntry(list, entry.eventId);
    const e = list.find((x) => x.eventId === entry.eventId);
    if (!e) return;
    if (attempted) {
      e.attempts += 1;
      e.lastAttemptAt = at;
    }
    e.state = f.state as OutboxEntry['state'];
    e.lastHttpStatus = f.httpStatus;
    e.lastMessage = f.message;
    if (f.nextAttemptAt !== undefined) e.nextAttemptAt = f.nextAttemptAt;
  });
  const outcome = f.state === 'delivered' ? 'delivered' : f.state === 'pending' ? 'retrying' : f.state;
  await recordStatus(target.id, {
    at,
    eventId: entry.eventId,
    test: entry.test,
    outcome,
    httpStatus: f.httpStatus,
    message: f.message,
  });
  if (f.state !== 'pending' && !entry.test)
    await recordDeliveryHistory(entry.accountId, target.url, f.state === 'delivered', f.message);
  if (f.state === 'failed' && !entry.test) {
    await notify(
      `${NOTIFY_FAILED}${entry.eventId}`,
      t('dlv.refusedTitle'),
      // Worded now, in the language set now: a notification is read once, when it shows.
      `${target.url ?? ''}: ${renderSaid(f.message, t)}`,
    );
  }
  return { eventId: entry.eventId, outcome, message: f.message, httpStatus: f.httpStatus };
}
