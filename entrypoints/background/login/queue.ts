/**
 * Starting logins: one account on request, or every daily-login account in turn ("Log in
 * all"). One extension-initiated attempt runs at a time; the others wait in the queue.
 */
import { browser } from 'wxt/browser';
import { UserError } from '@/utils/messaging';
import { t } from '@/utils/i18n/text';
import { msg } from '@/utils/i18n/core';
import { readVault } from '@/entrypoints/background/vault';
import type { Account } from '@/utils/vault/types';
import { newLoginState } from '@/utils/login/state';
import { loginSettingsItem } from '@/utils/login/storage';
import {
  allAttempts,
  queue,
  runningAttempts,
  saveAttempts,
  TIMEOUT_ALARM,
  updateAttempt,
  withLock,
  type Attempt,
} from './attempts';
import { redirectOriginOf } from './capture';
import { recordHistory } from './history';
import { pinChangedSinceRefusal } from './wrongPin';
import { finishAttempt, notify, readResults, recordResult } from './results';

export const LOGIN_URL = 'https://smartapi.angelone.in/publisher-login';

export async function accountById(id: string): Promise<Account> {
  const vault = await readVault();
  const a = vault.accounts.find((x) => x.id === id);
  if (!a) throw new UserError('no-account', t('lgbg.noAccountVault'));
  return a;
}

export function checkLoginReady(a: Account): void {
  if (!a.secrets.apiKey) throw new UserError('no-api-key', t('lgbg.noApiKey', { label: a.label }));
  if (!a.clientCode) throw new UserError('no-client-code', t('lgbg.noClientCode', { label: a.label }));
  if (!a.secrets.mpin) throw new UserError('no-mpin', t('lgbg.noMpin', { label: a.label }));
  if (!a.secrets.totpSecret) throw new UserError('no-totp', t('lgbg.noTotp', { label: a.label }));
}

/** A fresh attempt record for `account` (not stored yet). */
function newAttempt(
  account: Account,
  start: Pick<Attempt, 'origin' | 'tabId' | 'state'>,
  timeoutSec: number,
): Attempt {
  const now = Date.now();
  return {
    id: crypto.randomUUID(),
    accountId: account.id,
    label: account.label,
    ...start,
    status: 'running',
    startedAt: now,
    steps: { opening: now },
    deadline: now + timeoutSec * 1000,
    round: 1,
    given: { clientCode: 0, pin: 0, totp: 0 },
    totpNotBefore: 0,
    totpWindowEnd: 0,
    // Where Angel must send this login's tokens (capture.ts).
    redirectOrigin: redirectOriginOf(account.redirectUrl),
  };
}

/**
 * Record a fresh attempt unless `decide` (run under the attempts lock, on the running
 * attempts) returns an existing attempt's id or '' (queued): checking and recording in one
 * locked step makes a double press or a double event one attempt. The attempt is stored
 * before any tab exists (extension-initiated) so that no early navigation event is missed.
 */
export async function recordNewAttempt(
  account: Account,
  start: Pick<Attempt, 'origin' | 'tabId' | 'state'>,
  decide: (running: Attempt[]) => Promise<string | null> | string | null = () => null,
): Promise<{ attempt: Attempt | null; attemptId: string }> {
  const settings = await loginSettingsItem.getValue();
  const result = await withLock(async () => {
    const list = await allAttempts();
    const existing = await decide(list.filter((a) => a.status === 'running'));
    if (existing !== null) return { attempt: null, attemptId: existing };
    checkLoginReady(account);
    const attempt = newAttempt(account, start, settings.timeoutSec);
    list.push(attempt);
    await saveAttempts(list);
    return { attempt, attemptId: attempt.id };
  });
  if (result.attempt)
    await browser.alarms.create(TIMEOUT_ALARM + result.attempt.id, { when: result.attempt.deadline });
  return result;
}

/**
 * Open the login tab for one account, unless a login of that account is running (its id is
 * returned) or another extension-initiated login is (the account is queued, '' returned).
 * Caller holds no lock.
 */
async function openAttempt(accountId: string): Promise<{ attemptId: string }> {
  const account = await accountById(accountId);
  const state = newLoginState();
  const { attempt, attemptId } = await recordNewAttempt(
    account,
    { origin: 'extension', tabId: -1, state },
    async (running) => {
      const same = running.find((a) => a.accountId === accountId);
      if (same) return same.id;
      // One attempt runs at a time so "Log in all" stays sequential.
      if (running.some((a) => a.origin === 'extension')) {
        const q = await queue.get();
        if (!q.includes(accountId)) await queue.set([...q, accountId]);
        return '';
      }
      return null;
    },
  );
  if (!attempt) return { attemptId };
  const url = `${LOGIN_URL}?api_key=${encodeURIComponent(account.secrets.apiKey)}&state=${encodeURIComponent(state)}`;
  try {
    const tab = await browser.tabs.create({ url, active: false });
    await updateAttempt(attempt.id, (a) => {
      a.tabId = tab.id ?? -1;
    });
    return { attemptId: attempt.id };
  } catch {
    await finishAttempt(attempt.id, false, msg('lgbg.tabNotOpened'), 'tab');
    throw new UserError('tab', t('lgbg.tabNotOpened'));
  }
}

/** Start (or queue) a login. One attempt runs at a time so "Log in all" stays sequential. */
export async function startLogin(accountId: string): Promise<{ attemptId: string }> {
  return openAttempt(accountId);
}

async function dailyAccountIds(): Promise<string[]> {
  const vault = await readVault();
  const results = await readResults();
  // An account Angel refused the PIN of is skipped until a person logs it in by hand or
  // changes its MPIN: repeating a wrong PIN every morning could lock it.
  const ids: string[] = [];
  for (const a of vault.accounts)
    if (a.dailyLogin && (!results[a.id]?.needsAttention || (await pinChangedSinceRefusal(a.id))))
      ids.push(a.id);
  return ids;
}

export async function startAll(): Promise<{ queued: number }> {
  const ids = await dailyAccountIds();
  if (ids.length === 0) return { queued: 0 };
  const running = await runningAttempts();
  const q = await queue.get();
  const toAdd = ids.filter((id) => !q.includes(id) && !running.some((a) => a.accountId === id));
  await queue.set([...q, ...toAdd]);
  await startNextQueued();
  return { queued: toAdd.length };
}

export async function startNextQueued(): Promise<void> {
  for (;;) {
    if ((await runningAttempts()).some((a) => a.origin === 'extension')) return;
    const q = await queue.get();
    const next = q[0];
    if (next === undefined) return;
    await queue.set(q.slice(1));
    try {
      await openAttempt(next);
      return;
    } catch (err) {
      // Not ready (no PIN, vault locked...): record why and go on with the next account.
      const message = err instanceof UserError ? err.message : t('lgbg.couldNotStart');
      await recordResult(next, false, message, false);
      await recordHistory({ accountId: next, kind: 'login', result: 'failure', step: 'opening', message });
      await notify(t('lgbg.notStartedTitle'), message);
    }
  }
}
