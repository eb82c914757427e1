/**
 * The outbox worker: sends every due entry, then sets one alarm for the next due entry.
 * Runs on capture, on the alarm, on "Retry now", at service-worker start and on unlock.
 * Only one pass runs at a time; a request during a pass makes the pass run once more.
 */
import { browser } from 'wxt/browser';
import { isUnlocked, openBlob, readVault, sealBlob } from '@/entrypoints/background/vault';
import { isUnboundBlob } from '@/entrypoints/background/vault/blobs';
import { backoffDelay, parseRetryAfter } from '@/utils/delivery/backoff';
import { classifyAttempt, reasonMsg } from '@/utils/delivery/classify';
import { checkWebhookUrl } from '@/utils/delivery/url';
import type { SendResult } from '@/utils/delivery/protocol';
import { t } from '@/utils/i18n/text';
import { msg } from '@/utils/i18n/core';
import type { DeliveryTarget, OutboxEntry } from '@/utils/delivery/types';
import type { VaultData } from '@/utils/vault/types';
import { loadSkew, skewCorrectionMs } from '@/entrypoints/background/vault/skew';
import { deliverToWebhook } from './send';
import { finish, notify, NOTIFY_LOCKED, removeEntry } from './outcome';
import { outboxContext, targetsMacItem, targetsState } from './integrity';
import { lockedNotifiedItem, mutateOutbox, outboxItem, targetsItem } from './store';

export const OUTBOX_ALARM = 'delivery-outbox';
/** If the worker dies during a pass, this alarm brings it back. */
const SAFETY_MS = 60_000;

let running: Promise<Map<string, SendResult>> | null = null;
let rerun = false;

/** Send what is due. Resolves with the result of every entry attempted in this run. */
export function processOutbox(): Promise<Map<string, SendResult>> {
  if (running) {
    rerun = true;
    return running;
  }
  const results = new Map<string, SendResult>();
  running = (async () => {
    try {
      do {
        rerun = false;
        await onePass(results);
      } while (rerun);
      return results;
    } finally {
      running = null;
    }
  })();
  return running;
}

async function hasSiteAccess(url: string): Promise<boolean | undefined> {
  const check = checkWebhookUrl(url);
  if (!check.ok) return false;
  try {
    return await browser.permissions.contains({ origins: [check.permissionPattern] });
  } catch {
    return undefined; // API unavailable here: say nothing rather than guess
  }
}

async function readUnlockedVault(): Promise<VaultData | null> {
  if (!(await isUnlocked())) return null;
  try {
    return await readVault();
  } catch {
    return null; // locked between the two calls
  }
}

function stateMessage(e: OutboxEntry): SendResult {
  const outcome = e.state === 'pending' ? 'retrying' : e.state;
  return { eventId: e.eventId, outcome, message: e.lastMessage ?? '', httpStatus: e.lastHttpStatus };
}

async function onePass(results: Map<string, SendResult>): Promise<void> {
  const now = Date.now();
  const entries = await outboxItem.getValue();
  const due = entries.filter((e) => e.state === 'pending' && e.nextAttemptAt <= now);
  if (due.length === 0) {
    await scheduleNextAlarm();
    return;
  }
  const vault = await readUnlockedVault();
  if (!vault) {
    for (const e of due) {
      results.set(e.eventId, {
        eventId: e.eventId,
        outcome: 'waiting-unlock',
        message: msg('dlv.locked'),
      });
    }
    if (!(await lockedNotifiedItem.getValue())) {
      await lockedNotifiedItem.setValue(true);
      await notify(
        NOTIFY_LOCKED,
        t('dlv.waitingTitle'),
        due.length === 1 ? t('dlv.waitingOne') : t('dlv.waitingMany', { count: due.length }),
      );
    }
    // No alarm: nothing can be sent until the unlock, which starts a pass itself.
    await browser.alarms.clear(OUTBOX_ALARM);
    return;
  }
  const targets = await targetsItem.getValue();
  if ((await targetsState(targets, await targetsMacItem.getValue())) !== 'ok') {
    // Changed outside the extension (or not yet confirmed after an update): send nothing
    // until the user has checked the list in Options ("delivery/confirm-targets" sends then).
    for (const e of due) {
      results.set(e.eventId, { eventId: e.eventId, outcome: 'failed', message: msg('dls.blocked') });
    }
    await browser.alarms.clear(OUTBOX_ALARM);
    return;
  }
  await browser.alarms.create(OUTBOX_ALARM, { when: now + SAFETY_MS });
  await loadSkew();
  for (const entry of due) {
    const result = await attempt(entry, targets, vault);
    if (result) results.set(entry.eventId, result);
  }
  await scheduleNextAlarm();
}

async function attempt(
  entry: OutboxEntry,
  targets: DeliveryTarget[],
  vault: VaultData,
): Promise<SendResult | null> {
  const target = targets.find((t) => t.id === entry.targetId);
  const accountGone = !vault.accounts.some((a) => a.id === entry.accountId);
  if (!target || target.kind !== 'webhook' || !target.url || accountGone) {
    // The user removed the target or the account: its tokens are not sent anywhere any more.
    await mutateOutbox((list) => removeEntry(list, entry.eventId));
    return null;
  }
  const start = Date.now();
  if (start > entry.deadline) {
    return finish(entry, target, {
      state: 'expired',
      message: msg('dlv.expired', { deadline: new Date(entry.deadline).toLocaleString() }),
    });
  }
  const secret = vault.webhookSecrets[target.id];
  if (!secret) {
    return finish(entry, target, {
      state: 'failed',
      message: msg('dlv.noSecret'),
    });
  }
  const context = outboxContext(entry.eventId, target.id, target.url);
  let body: string;
  if (isUnboundBlob(entry.sealedBody)) {
    // Sealed by an earlier version, without a binding: kept only if what it says matches
    // this entry, then sealed again bound to it.
    try {
      body = await openBlob(entry.sealedBody);
    } catch {
      return finish(entry, target, { state: 'failed', message: msg('dlv.cannotDecrypt') });
    }
    const account = vault.accounts.find((a) => a.id === entry.accountId);
    if (!legacyBodyMatches(body, entry, target, account?.clientCode)) {
      return finish(entry, target, { state: 'failed', message: msg('dls.blocked') });
    }
    const rebound = await sealBlob(body, context);
    await mutateOutbox((list) => {
      const e = list.find((x) => x.eventId === entry.eventId);
      if (e) e.sealedBody = rebound;
    });
  } else {
    try {
      body = await openBlob(entry.sealedBody, context);
    } catch {
      // Moved to another entry, target or URL: its binding no longer matches.
      return finish(entry, target, { state: 'failed', message: msg('dls.blocked') });
    }
  }
  // X-Timestamp uses the clock corrected by the skew measured against Angel's servers.
  const outcome = await deliverToWebhook(
    target.url,
    secret,
    entry.eventId,
    body,
    Date.now() + skewCorrectionMs(),
  );
  const verdict = classifyAttempt(outcome);
  const after = Date.now();
  if (verdict.kind === 'delivered') {
    return finish(entry, target, {
      attempted: true,
      state: 'delivered',
      httpStatus: outcome.status,
      message: msg('dlv.deliveredHttp', { status: String(outcome.status) }),
    });
  }
  if (verdict.kind === 'stop') {
    return finish(entry, target, {
      attempted: true,
      state: 'failed',
      httpStatus: outcome.status,
      message: reasonMsg(verdict.reason),
    });
  }
  // Retry: unless the deadline has come.
  const noAccess = outcome.networkError !== undefined && (await hasSiteAccess(target.url)) === false;
  const reason = reasonMsg(noAccess ? [...verdict.reason, msg('dlv.noAccess')] : verdict.reason);
  const wait = Math.max(backoffDelay(entry.attempts + 1), parseRetryAfter(outcome.retryAfter, after) ?? 0);
  if (after >= entry.deadline - 1000) {
    return finish(entry, target, {
      attempted: true,
      state: 'expired',
      httpStatus: outcome.status,
      message: msg('dlv.deadlinePassed', { reason }),
    });
  }
  const next = Math.min(after + wait, entry.deadline - 1000);
  return finish(entry, target, {
    attempted: true,
    state: 'pending',
    httpStatus: outcome.status,
    nextAttemptAt: next,
    message: msg('dlv.nextAttempt', { reason, time: new Date(next).toLocaleTimeString() }),
  });
}

function legacyBodyMatches(
  body: string,
  entry: OutboxEntry,
  target: DeliveryTarget,
  clientCode: string | undefined,
): boolean {
  try {
    const p = JSON.parse(body) as { event_id?: unknown; client_code?: unknown; test?: unknown };
    return (
      p.event_id === entry.eventId &&
      p.client_code === clientCode &&
      p.test === entry.test &&
      target.accountId === entry.accountId
    );
  } catch {
    return false;
  }
}

/** One alarm, at the earliest pending entry; none when nothing is pending. */
export async function scheduleNextAlarm(): Promise<void> {
  const entries = await outboxItem.getValue();
  const pending = entries.filter((e) => e.state === 'pending');
  if (pending.length === 0) {
    await browser.alarms.clear(OUTBOX_ALARM);
    return;
  }
  const when = Math.max(Math.min(...pending.map((e) => e.nextAttemptAt)), Date.now() + 1000);
  await browser.alarms.create(OUTBOX_ALARM, { when });
}

export { stateMessage };
export { NOTIFY_FAILED, NOTIFY_LOCKED } from './outcome';
