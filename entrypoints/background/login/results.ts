/**
 * How a login attempt ends: the attempt record closes, the account's last result and the
 * login history are written, the person is told (unless the popup already shows it), and the
 * next queued account starts.
 */
import { browser } from 'wxt/browser';
import { tText } from '@/utils/i18n/text';
import type { LastLoginResult } from '@/utils/login/protocol';
import { loginResultsItem, loginSettingsItem } from '@/utils/login/storage';
import { runningAttempts, TIMEOUT_ALARM, updateAttempt, type Attempt } from './attempts';
import { recordLoginHistory } from './history';
import { clearWrongPin } from './wrongPin';
import { startNextQueued } from './queue';

/** A private copy: the storage helper shares its fallback object between reads. */
export async function readResults(): Promise<Record<string, LastLoginResult>> {
  return structuredClone(await loginResultsItem.getValue());
}

export async function recordResult(
  accountId: string,
  ok: boolean,
  message: string,
  needsAttention: boolean,
): Promise<void> {
  const results = await readResults();
  results[accountId] = {
    accountId,
    ok,
    at: Date.now(),
    message,
    ...(needsAttention ? { needsAttention } : {}),
  };
  await loginResultsItem.setValue(results);
}

async function popupIsOpen(): Promise<boolean> {
  try {
    // Chromium MV3 has runtime.getContexts; Firefox's event page has extension.getViews.
    const rt = browser.runtime as unknown as {
      getContexts?: (f: { contextTypes: string[] }) => Promise<unknown[]>;
    };
    if (typeof rt.getContexts === 'function')
      return (await rt.getContexts({ contextTypes: ['POPUP'] })).length > 0;
    const ext = browser.extension as unknown as { getViews?: (f: { type: string }) => unknown[] } | undefined;
    if (ext && typeof ext.getViews === 'function') return ext.getViews({ type: 'popup' }).length > 0;
  } catch {
    /* fall through: notify */
  }
  return false;
}

export async function notify(title: string, message: string, force = false): Promise<void> {
  if (!browser.notifications) return;
  if (!force && (await popupIsOpen())) return;
  try {
    await browser.notifications.create(`sac-login-${crypto.randomUUID()}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title,
      message,
    });
  } catch {
    /* notifications blocked by the system: the popup still shows the result */
  }
}

export async function finishAttempt(
  id: string,
  ok: boolean,
  message: string,
  errorKind?: string,
  needsAttention = false,
): Promise<Attempt | null> {
  let changed = false;
  const a = await updateAttempt(id, (x) => {
    if (x.status !== 'running') return;
    changed = true;
    x.status = ok ? 'success' : 'failed';
    x.finishedAt = Date.now();
    x.message = message;
    if (errorKind) x.errorKind = errorKind;
  });
  if (!a || !changed) return a;
  await browser.alarms.clear(TIMEOUT_ALARM + id);
  // Before the result shows: whoever sees "logged in" may start the next login at once.
  if (ok) await clearWrongPin(a.accountId).catch(() => undefined);
  await recordResult(a.accountId, ok, message, needsAttention);
  await recordLoginHistory(a);
  await notify(tText(ok ? 'lgbg.loggedInTitle' : 'lgbg.failedTitle', { label: a.label }), message);
  if (a.origin === 'extension') await startNextQueued();
  return a;
}

export async function onTimeout(attemptId: string): Promise<void> {
  const settings = await loginSettingsItem.getValue();
  await finishAttempt(attemptId, false, tText('lgbg.timeout', { seconds: settings.timeoutSec }), 'timeout');
}

/** After a restart: any attempt past its deadline is reported, never left hanging. */
export async function sweepExpired(): Promise<void> {
  const now = Date.now();
  for (const a of await runningAttempts()) if (a.deadline <= now) await onTimeout(a.id);
}
