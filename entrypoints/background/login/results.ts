/**
 * How a login attempt ends: the attempt record closes, the account's last result and the
 * login history are written, the person is told (unless the popup already shows it), and the
 * next queued account starts.
 */
import { browser } from 'wxt/browser';
import { notify as notifyPerson } from '@/utils/notify';
import { withLock } from '@/utils/locks';
import { t } from '@/utils/i18n/text';
import type { LastLoginResult, LoginSaid } from '@/utils/login/protocol';
import { msg, renderSaid } from '@/utils/i18n/core';
import { loginResultsItem, loginSettingsItem } from '@/utils/login/storage';
import { runningAttempts, TIMEOUT_ALARM, updateAttempt, type Attempt } from './attempts';
import { recordLoginHistory } from './history';
import { clearWrongPin } from './wrongPin';
import { startNextQueued } from './queue';

/** A private copy: the storage helper shares its fallback object between reads. */
export async function readResults(): Promise<Record<string, LastLoginResult>> {
  return structuredClone(await loginResultsItem.getValue());
}

/** Change the stored results under their lock (two logins may end at the same moment). */
export function updateResults(fn: (results: Record<string, LastLoginResult>) => void): Promise<void> {
  return withLock('login-results', async () => {
    const results = await readResults();
    fn(results);
    await loginResultsItem.setValue(results);
  });
}

export function recordResult(
  accountId: string,
  ok: boolean,
  message: LoginSaid,
  needsAttention: boolean,
): Promise<void> {
  return updateResults((results) => {
    results[accountId] = {
      accountId,
      ok,
      at: Date.now(),
      message,
      ...(needsAttention ? { needsAttention } : {}),
    };
  });
}

/** Tell the person (the popup, when open, already shows it; `always` says it anyway). */
export function notify(title: string, message: string, always = false): Promise<void> {
  return notifyPerson({ title, message, unlessPopupOpen: !always });
}

export async function finishAttempt(
  id: string,
  ok: boolean,
  message: LoginSaid,
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
  // Worded now, in the language set now: a notification is read once, when it shows.
  await notify(t(ok ? 'lgbg.loggedInTitle' : 'lgbg.failedTitle', { label: a.label }), renderSaid(message, t));
  if (a.origin === 'extension') await startNextQueued();
  return a;
}

export async function onTimeout(attemptId: string): Promise<void> {
  const settings = await loginSettingsItem.getValue();
  await finishAttempt(attemptId, false, msg('lgbg.timeout', { seconds: settings.timeoutSec }), 'timeout');
}

/** After a restart: any attempt past its deadline is reported, never left hanging. */
export async function sweepExpired(): Promise<void> {
  const now = Date.now();
  for (const a of await runningAttempts()) if (a.deadline <= now) await onTimeout(a.id);
}
