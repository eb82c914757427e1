/**
 * The publisher-login content script's side of a login: it says hello, asks for one value
 * at a time, and reports Angel's errors. Values go only to the tab of a running attempt
 * while it shows Angel's publisher-login page.
 */
import { UserError, type Sender } from '@/utils/messaging';
import { t } from '@/utils/i18n/text';
import { msg, renderSaid } from '@/utils/i18n/core';
import { currentTotp, isUnlocked, readVault } from '@/entrypoints/background/vault';
import type { Account } from '@/utils/vault/types';
import type { ErrorDecision, FillValue, LoginStep, PortalHello } from '@/utils/login/protocol';
import { publisherLoginParams } from '@/utils/login/tokens';
import { classifyLoginError, explainLoginError, keepLines } from '@/utils/login/errors';
import { totpWaitMs } from '@/utils/login/totpWait';
import type { LoginField } from '@/utils/login/fields';
import { pageKindFromUrl } from '@/utils/pageKind';
import { attemptForTab, runningAttempts, updateAttempt, type Attempt } from './attempts';
import { clearWrongPin, markWrongPin } from './wrongPin';
import { accountById, checkLoginReady, recordNewAttempt } from './queue';
import { finishAttempt } from './results';

export async function attemptOfSender(attemptId: string, sender: Sender): Promise<Attempt> {
  const tabId = sender.tab?.id;
  const a = (await runningAttempts()).find((x) => x.id === attemptId);
  // Values go only to the tab this attempt opened (or the site tab the user chose), and
  // only while it shows Angel's publisher-login page.
  if (!a || a.tabId !== tabId || pageKindFromUrl(sender.url ?? '') !== 'publisher-login')
    throw new UserError('not-this-tab', t('lgbg.notThisTab'));
  return a;
}

export async function hello(sender: Sender): Promise<PortalHello> {
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number' || pageKindFromUrl(sender.url ?? '') !== 'publisher-login')
    return { mode: 'none' };
  const mine = await attemptForTab(tabId);
  if (mine?.status === 'running') return { mode: 'attempt', attemptId: mine.id };
  // A finished attempt's tab is left for the user to read: never fill it again by itself.
  if (mine) return { mode: 'none' };
  const params = publisherLoginParams(sender.url ?? '');
  if (!params) return { mode: 'none' };
  if (!(await isUnlocked())) return { mode: 'site-locked' };
  const vault = await readVault();
  const accounts = vault.accounts
    .filter((a) => a.secrets.apiKey && a.secrets.apiKey === params.apiKey)
    .map((a) => ({ id: a.id, label: a.label, autoFill: a.autoFill }));
  return accounts.length ? { mode: 'site', accounts } : { mode: 'none' };
}

export async function siteStart(accountId: string, sender: Sender): Promise<{ attemptId: string }> {
  const tabId = sender.tab?.id;
  const params = publisherLoginParams(sender.url ?? '');
  if (typeof tabId !== 'number' || !params || pageKindFromUrl(sender.url ?? '') !== 'publisher-login')
    throw new UserError('not-login-page', t('lgbg.notLoginPage'));
  const account = await accountById(accountId);
  if (account.secrets.apiKey !== params.apiKey) throw new UserError('wrong-account', t('lgbg.wrongAccount'));
  checkLoginReady(account);
  // The site's `state` is not ours to trust for anything: it is neither stored nor compared.
  const { attemptId } = await recordNewAttempt(account, { origin: 'site', tabId, state: '' }, (running) => {
    const same = running.find((a) => a.tabId === tabId);
    return same ? same.id : null;
  });
  return { attemptId };
}

const STEP_OF: Record<LoginField, LoginStep> = { clientCode: 'clientCode', pin: 'pin', totp: 'totp' };

export async function fillValue(attemptId: string, field: LoginField, sender: Sender): Promise<FillValue> {
  const a = await attemptOfSender(attemptId, sender);
  if (a.given[field] >= a.round) throw new UserError('already-given', t('lgbg.alreadyGiven'));
  let account: Account;
  try {
    account = await accountById(a.accountId);
  } catch (err) {
    const why = msg(
      err instanceof UserError && err.code === 'locked' ? 'lgbg.lockedDuring' : 'lgbg.accountUnreadable',
    );
    await finishAttempt(a.id, false, why, 'locked');
    throw new UserError('locked', t(why.code));
  }
  // The page must still be the login for this account's key (not another app's page).
  const onPage = publisherLoginParams(sender.url ?? '');
  if (onPage && onPage.apiKey !== account.secrets.apiKey)
    throw new UserError('not-this-tab', t('lgbg.otherKey'));
  let value: string;
  const now = Date.now();
  let windowEnd = a.totpWindowEnd;
  if (field === 'totp') {
    const { code, remainingMs } = currentTotp(account, now);
    const wait = totpWaitMs(remainingMs, now, a.totpNotBefore);
    if (wait > 0) return { waitMs: wait };
    value = code;
    windowEnd = now + remainingMs;
  } else {
    value = field === 'pin' ? account.secrets.mpin : account.clientCode;
  }
  const ok = await updateAttempt(a.id, (x) => {
    if (x.status !== 'running' || x.given[field] >= x.round) return;
    x.given[field] += 1;
    x.steps[STEP_OF[field]] = Date.now();
    if (field === 'totp') x.totpWindowEnd = windowEnd;
  });
  if (!ok || ok.given[field] !== a.given[field] + 1)
    throw new UserError('already-given', t('lgbg.alreadyGiven'));
  return { value, field };
}

export async function pageError(
  attemptId: string,
  text: string,
  httpStatus: number | undefined,
  sender: Sender,
): Promise<ErrorDecision> {
  const a = await attemptOfSender(attemptId, sender);
  const err = classifyLoginError(text, httpStatus) ?? {
    kind: 'other' as const,
    angelMessage: keepLines(text),
  };
  if (err.kind === 'invalid-totp' && a.round === 1 && a.given.totp === 1) {
    await updateAttempt(a.id, (x) => {
      x.round = 2;
      x.totpNotBefore = x.totpWindowEnd;
    });
    return { action: 'retry-totp' };
  }
  const said = explainLoginError(err);
  const needsAttention = err.kind === 'wrong-credentials' || err.kind === 'account-locked';
  // Remembered (as a fingerprint in the vault) so that logging in again with the same MPIN asks first.
  if (err.kind === 'wrong-credentials')
    await markWrongPin(a.accountId, err.attemptsLeft).catch(() => undefined);
  else if (err.kind === 'account-locked') await clearWrongPin(a.accountId).catch(() => undefined);
  await finishAttempt(a.id, false, said, err.kind, needsAttention);
  // The login tab shows it at once, in the language set now; the stored result keeps the message.
  return { action: 'stop', message: renderSaid(said, t) };
}
