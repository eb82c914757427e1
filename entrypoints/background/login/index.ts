/**
 * Daily login orchestrator: opens Angel's publisher-login page in an inactive tab, hands
 * the page's content script one value at a time, captures the tokens from the tab's
 * navigations, stores them in the vault and hands them to delivery.
 *
 * Nothing here waits on a timer: the content script asks again when a TOTP window is too
 * short, the timeout is an alarm, and every step is written to session storage, so a
 * stopped service worker picks the flow up at the next event.
 */
import { browser } from 'wxt/browser';
import { handle, UserError, type Sender } from '@/utils/messaging';
import { tText } from '@/utils/i18n/text';
import {
  currentTotp,
  isUnlocked,
  onVaultUnlocked,
  readVault,
  updateVault,
} from '@/entrypoints/background/vault';
import { enqueueDelivery } from '@/entrypoints/background/delivery';
import type { Account, SessionTokens } from '@/utils/vault/types';
import '@/utils/vault/types';
import '@/utils/login/protocol';
import type {
  ErrorDecision,
  FillValue,
  LastLoginResult,
  LoginOverview,
  LoginSettings,
  LoginStep,
  PortalHello,
} from '@/utils/login/protocol';
import { isUserBackend, publisherLoginParams } from '@/utils/login/tokens';
import { newLoginState } from '@/utils/login/state';
import { judgeNavigation, redirectOriginOf } from './capture';
import { classifyLoginError, explainLoginError, keepLines } from '@/utils/login/errors';
import { totpWaitMs } from '@/utils/login/totpWait';
import {
  istDateKey,
  isScheduledDay,
  nextMidnightIst,
  nextRunAt,
  parseTime,
  isValidDateKey,
} from '@/utils/login/schedule';
import type { LoginField } from '@/utils/login/fields';
import { pageKindFromUrl } from '@/utils/pageKind';
import {
  DEFAULT_LOGIN_SETTINGS,
  loginResultsItem,
  loginSettingsItem,
  MAX_TIMEOUT_SEC,
  MIN_TIMEOUT_SEC,
} from '@/utils/login/storage';
import {
  allAttempts,
  attemptForTab,
  pendingScheduleItem,
  queue,
  runningAttempts,
  saveAttempts,
  updateAttempt,
  withLock,
  type Attempt,
} from './attempts';
import { recordHistory, recordLoginHistory } from './history';
import { checkSamePinConfirmed, clearWrongPin, markWrongPin, pinChangedSinceRefusal } from './wrongPin';
import { registerPageRules } from './pageRules';

export const LOGIN_URL = 'https://smartapi.angelone.in/publisher-login';
const TIMEOUT_ALARM = 'sac-login-timeout:';
const SCHEDULE_ALARM = 'sac-login-schedule';

function randomId(): string {
  return crypto.randomUUID();
}

async function accountById(id: string): Promise<Account> {
  const vault = await readVault();
  const a = vault.accounts.find((x) => x.id === id);
  if (!a) throw new UserError('no-account', tText('lgbg.noAccountVault'));
  return a;
}

function checkLoginReady(a: Account): void {
  if (!a.secrets.apiKey) throw new UserError('no-api-key', tText('lgbg.noApiKey', { label: a.label }));
  if (!a.clientCode) throw new UserError('no-client-code', tText('lgbg.noClientCode', { label: a.label }));
  if (!a.secrets.mpin) throw new UserError('no-mpin', tText('lgbg.noMpin', { label: a.label }));
  if (!a.secrets.totpSecret) throw new UserError('no-totp', tText('lgbg.noTotp', { label: a.label }));
}

// ---------------------------------------------------------------------------- start

/** A fresh attempt record for `account` (not stored yet). */
function newAttempt(
  account: Account,
  start: Pick<Attempt, 'origin' | 'tabId' | 'state'>,
  timeoutSec: number,
): Attempt {
  const now = Date.now();
  return {
    id: randomId(),
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
async function recordNewAttempt(
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
    await finishAttempt(attempt.id, false, tText('lgbg.tabNotOpened'), 'tab');
    throw new UserError('tab', tText('lgbg.tabNotOpened'));
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

async function startNextQueued(): Promise<void> {
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
      const message = err instanceof UserError ? err.message : tText('lgbg.couldNotStart');
      await recordResult(next, false, message, false);
      await recordHistory({ accountId: next, kind: 'login', result: 'failure', step: 'opening', message });
      await notify(tText('lgbg.notStartedTitle'), message);
    }
  }
}

// ---------------------------------------------------------------------------- finish

/** A private copy: the storage helper shares its fallback object between reads. */
async function readResults(): Promise<Record<string, LastLoginResult>> {
  return structuredClone(await loginResultsItem.getValue());
}

async function recordResult(
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

async function notify(title: string, message: string, force = false): Promise<void> {
  if (!browser.notifications) return;
  if (!force && (await popupIsOpen())) return;
  try {
    await browser.notifications.create(`sac-login-${randomId()}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title,
      message,
    });
  } catch {
    /* notifications blocked by the system: the popup still shows the result */
  }
}

async function finishAttempt(
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

// ---------------------------------------------------------------------------- capture

/** A top-frame URL seen in a tab: capture tokens or end the attempt (rules: capture.ts). */
export async function onTabUrl(tabId: number, url: string): Promise<void> {
  const attempt = (await runningAttempts()).find((a) => a.tabId === tabId);
  if (!attempt) return;
  const verdict = judgeNavigation(attempt, url);
  if (verdict.kind === 'ignore') return;
  if (verdict.kind === 'left') {
    await finishAttempt(attempt.id, false, tText('lgbg.leftAngel', { origin: verdict.origin }), 'left-angel');
    return;
  }
  if (verdict.kind === 'state-mismatch') {
    // Tokens with another attempt's (or a forged) state are never stored.
    await finishAttempt(attempt.id, false, tText('lgbg.stateMismatch'), 'state-mismatch');
    return;
  }
  const { captured } = verdict;
  const now = Date.now();
  const tokens: SessionTokens = {
    authToken: captured.authToken,
    feedToken: captured.feedToken,
    capturedAt: now,
    expiresAt: nextMidnightIst(now),
    source: 'publisher-login',
  };
  if (captured.refreshToken) tokens.refreshToken = captured.refreshToken;

  // onBeforeNavigate, onCommitted and onCompleted all report the same URL: claim it once.
  let claimed = false;
  await updateAttempt(attempt.id, (a) => {
    if (a.status === 'running' && !a.steps.redirected) {
      a.steps.redirected = now;
      claimed = true;
    }
  });
  if (!claimed) return;
  let redirectUrl = '';
  try {
    await updateVault((v) => {
      const acc = v.accounts.find((x) => x.id === attempt.accountId);
      if (!acc) throw new UserError('no-account', tText('lgbg.accountDeleted'));
      acc.tokens = tokens;
      redirectUrl = acc.redirectUrl;
    });
  } catch (err) {
    const why = err instanceof UserError ? err.message : tText('lgbg.tokensNotSaved');
    await finishAttempt(attempt.id, false, tText('lgbg.capturedNotSaved', { why }), 'store');
    return;
  }
  const backend = isUserBackend(captured.origin, redirectUrl);
  // Only tabs the extension opened are closed; a site-opened tab belongs to the user.
  if (attempt.origin === 'extension') {
    if (!backend) await closeTab(tabId);
    else {
      // Close once the backend's page has loaded; whichever of the two events comes
      // second (this one or the load) closes the tab.
      let loaded = false;
      await updateAttempt(attempt.id, (a) => {
        if (a.landingLoaded) loaded = true;
        else a.closeWhenLoaded = true;
      });
      if (loaded) await closeTab(tabId);
    }
  }

  try {
    await enqueueDelivery(attempt.accountId, tokens);
    await updateAttempt(attempt.id, (a) => {
      a.steps.delivered = Date.now();
    });
    await finishAttempt(attempt.id, true, tText('lgbg.loggedIn'));
  } catch {
    await finishAttempt(attempt.id, true, tText('lgbg.handoffFailed'));
  }
}

async function closeTab(tabId: number): Promise<void> {
  try {
    await browser.tabs.remove(tabId);
  } catch {
    /* already closed */
  }
}

/** A page finished loading in a tab: after the tokens were seen, the backend has its request. */
export async function onTabLoaded(tabId: number): Promise<void> {
  const a = await attemptForTab(tabId);
  if (!a || !a.steps.redirected || a.landingLoaded) return;
  let close = false;
  await updateAttempt(a.id, (x) => {
    x.landingLoaded = true;
    if (x.closeWhenLoaded) {
      x.closeWhenLoaded = false;
      close = true;
    }
  });
  if (close && a.origin === 'extension') await closeTab(tabId);
}

async function onTabClosed(tabId: number): Promise<void> {
  const a = (await runningAttempts()).find((x) => x.tabId === tabId);
  if (a && !a.steps.redirected) await finishAttempt(a.id, false, tText('lgbg.tabClosed'), 'closed');
}

export async function onTimeout(attemptId: string): Promise<void> {
  const settings = await loginSettingsItem.getValue();
  await finishAttempt(attemptId, false, tText('lgbg.timeout', { seconds: settings.timeoutSec }), 'timeout');
}

/** After a restart: any attempt past its deadline is reported, never left hanging. */
async function sweepExpired(): Promise<void> {
  const now = Date.now();
  for (const a of await runningAttempts()) if (a.deadline <= now) await onTimeout(a.id);
}

// ---------------------------------------------------------------------------- portal

async function attemptOfSender(attemptId: string, sender: Sender): Promise<Attempt> {
  const tabId = sender.tab?.id;
  const a = (await runningAttempts()).find((x) => x.id === attemptId);
  // Values go only to the tab this attempt opened (or the site tab the user chose), and
  // only while it shows Angel's publisher-login page.
  if (!a || a.tabId !== tabId || pageKindFromUrl(sender.url ?? '') !== 'publisher-login')
    throw new UserError('not-this-tab', tText('lgbg.notThisTab'));
  return a;
}

async function hello(sender: Sender): Promise<PortalHello> {
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

async function siteStart(accountId: string, sender: Sender): Promise<{ attemptId: string }> {
  const tabId = sender.tab?.id;
  const params = publisherLoginParams(sender.url ?? '');
  if (typeof tabId !== 'number' || !params || pageKindFromUrl(sender.url ?? '') !== 'publisher-login')
    throw new UserError('not-login-page', tText('lgbg.notLoginPage'));
  const account = await accountById(accountId);
  if (account.secrets.apiKey !== params.apiKey)
    throw new UserError('wrong-account', tText('lgbg.wrongAccount'));
  checkLoginReady(account);
  // The site's `state` is not ours to trust for anything: it is neither stored nor compared.
  const { attemptId } = await recordNewAttempt(account, { origin: 'site', tabId, state: '' }, (running) => {
    const same = running.find((a) => a.tabId === tabId);
    return same ? same.id : null;
  });
  return { attemptId };
}

const STEP_OF: Record<LoginField, LoginStep> = { clientCode: 'clientCode', pin: 'pin', totp: 'totp' };

async function fillValue(attemptId: string, field: LoginField, sender: Sender): Promise<FillValue> {
  const a = await attemptOfSender(attemptId, sender);
  if (a.given[field] >= a.round) throw new UserError('already-given', tText('lgbg.alreadyGiven'));
  let account: Account;
  try {
    account = await accountById(a.accountId);
  } catch (err) {
    const msg =
      err instanceof UserError && err.code === 'locked'
        ? tText('lgbg.lockedDuring')
        : tText('lgbg.accountUnreadable');
    await finishAttempt(a.id, false, msg, 'locked');
    throw new UserError('locked', msg);
  }
  // The page must still be the login for this account's key (not another app's page).
  const onPage = publisherLoginParams(sender.url ?? '');
  if (onPage && onPage.apiKey !== account.secrets.apiKey)
    throw new UserError('not-this-tab', tText('lgbg.otherKey'));
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
    throw new UserError('already-given', tText('lgbg.alreadyGiven'));
  return { value, field };
}

async function pageError(
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
  const message = explainLoginError(err);
  const needsAttention = err.kind === 'wrong-credentials' || err.kind === 'account-locked';
  // Remembered (as a fingerprint in the vault) so that logging in again with the same MPIN asks first.
  if (err.kind === 'wrong-credentials')
    await markWrongPin(a.accountId, err.attemptsLeft).catch(() => undefined);
  else if (err.kind === 'account-locked') await clearWrongPin(a.accountId).catch(() => undefined);
  await finishAttempt(a.id, false, message, err.kind, needsAttention);
  return { action: 'stop', message };
}

// ---------------------------------------------------------------------------- schedule

async function overview(): Promise<LoginOverview> {
  const settings = await loginSettingsItem.getValue();
  const alarm = await browser.alarms.get(SCHEDULE_ALARM);
  const attempts = (await allAttempts()).slice(-10).map((a) => {
    const {
      tabId: _t,
      state: _s,
      deadline: _d,
      round: _r,
      given: _g,
      totpNotBefore: _n,
      totpWindowEnd: _w,
      closeWhenLoaded: _c,
      landingLoaded: _l,
      redirectOrigin: _o,
      ...view
    } = a;
    return view;
  });
  return {
    attempts,
    queue: await queue.get(),
    results: await readResults(),
    settings,
    nextScheduledAt: alarm?.scheduledTime ?? null,
  };
}

function checkSettings(s: LoginSettings): LoginSettings {
  if (!Number.isFinite(s.timeoutSec) || s.timeoutSec < MIN_TIMEOUT_SEC || s.timeoutSec > MAX_TIMEOUT_SEC)
    throw new UserError(
      'bad-timeout',
      tText('lgbg.badTimeout', { min: MIN_TIMEOUT_SEC, max: MAX_TIMEOUT_SEC }),
    );
  if (!parseTime(s.schedule.time)) throw new UserError('bad-time', tText('lgbg.badTime'));
  const bad = s.schedule.holidays.filter((d) => !isValidDateKey(d));
  if (bad.length) throw new UserError('bad-holiday', tText('lgbg.badHolidays', { dates: bad.join(', ') }));
  const weekdays = [...new Set(s.schedule.weekdays)]
    .filter((d) => Number.isInteger(d) && d >= 0 && d <= 6)
    .sort();
  if (s.schedule.enabled && weekdays.length === 0) throw new UserError('no-days', tText('lgbg.noDays'));
  return {
    timeoutSec: Math.round(s.timeoutSec),
    schedule: {
      enabled: s.schedule.enabled,
      time: s.schedule.time.trim(),
      weekdays,
      holidays: [...new Set(s.schedule.holidays)].sort(),
    },
  };
}

export async function armSchedule(): Promise<void> {
  const { schedule } = await loginSettingsItem.getValue();
  const at = nextRunAt(schedule, Date.now());
  await browser.alarms.clear(SCHEDULE_ALARM);
  if (at !== null) await browser.alarms.create(SCHEDULE_ALARM, { when: at });
}

export async function onScheduleAlarm(scheduledTime: number): Promise<void> {
  const now = Date.now();
  const { schedule } = await loginSettingsItem.getValue();
  await armSchedule();
  // A run missed while the computer was off is only made up the same India day.
  if (
    !schedule.enabled ||
    istDateKey(scheduledTime) !== istDateKey(now) ||
    !isScheduledDay(schedule, scheduledTime)
  )
    return;
  if (!(await isUnlocked())) {
    await pendingScheduleItem.setValue(istDateKey(now));
    await notify(tText('lgbg.unlockTitle'), tText('lgbg.unlockDue'), true);
    return;
  }
  await startAll().catch(() => undefined);
}

async function onUnlocked(): Promise<void> {
  const pending = await pendingScheduleItem.getValue();
  if (!pending) return;
  await pendingScheduleItem.setValue(null);
  if (pending === istDateKey(Date.now())) await startAll().catch(() => undefined);
}

// ---------------------------------------------------------------------------- wiring

export function registerLogin(): void {
  handle('login/start', 'page', async ({ accountId, confirmSamePin }) => {
    // The MPIN Angel refused, unchanged since: only with the person's explicit confirmation.
    await checkSamePinConfirmed(accountId, confirmSamePin === true);
    // A manual login is the person's decision: it clears "needs attention".
    const results = await readResults();
    if (results[accountId]?.needsAttention) {
      delete results[accountId]!.needsAttention;
      await loginResultsItem.setValue(results);
    }
    return startLogin(accountId);
  });
  handle('login/start-all', 'page', () => startAll());
  handle('login/overview', 'page', () => overview());
  handle('login/settings', 'page', async ({ settings }) => {
    await loginSettingsItem.setValue(checkSettings({ ...DEFAULT_LOGIN_SETTINGS, ...settings }));
    await armSchedule();
    return overview();
  });
  handle('login/account-flags', 'page', async ({ accountId, dailyLogin, autoFill }) => {
    await updateVault((v) => {
      const a = v.accounts.find((x) => x.id === accountId);
      if (!a) throw new UserError('no-account', tText('lgbg.noAccountRefresh'));
      if (typeof dailyLogin === 'boolean') a.dailyLogin = dailyLogin;
      if (typeof autoFill === 'boolean') a.autoFill = autoFill;
    });
  });
  handle('login/portal-hello', 'portal', (_d, sender) => hello(sender));
  handle('login/portal-site-start', 'portal', ({ accountId }, sender) => siteStart(accountId, sender));
  handle('login/portal-value', 'portal', ({ attemptId, field }, sender) =>
    fillValue(attemptId, field, sender),
  );
  handle('login/portal-error', 'portal', ({ attemptId, text, httpStatus }, sender) =>
    pageError(attemptId, String(text ?? ''), typeof httpStatus === 'number' ? httpStatus : undefined, sender),
  );
  registerPageRules({
    attemptOf: attemptOfSender,
    fail: (id, message, kind) => finishAttempt(id, false, message, kind),
    valueOf: fillValue,
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name.startsWith(TIMEOUT_ALARM)) void onTimeout(alarm.name.slice(TIMEOUT_ALARM.length));
    else if (alarm.name === SCHEDULE_ALARM) void onScheduleAlarm(alarm.scheduledTime);
  });
  browser.tabs.onRemoved.addListener((tabId) => void onTabClosed(tabId));
  const nav = browser.webNavigation;
  if (nav) {
    // Top frame only: Angel redirects the whole tab.
    const seen = (d: { tabId: number; url: string; frameId: number }) => {
      if (d.frameId === 0) void onTabUrl(d.tabId, d.url);
    };
    nav.onBeforeNavigate.addListener(seen);
    nav.onCommitted.addListener(seen);
    nav.onErrorOccurred.addListener(seen);
    nav.onCompleted.addListener((d) => {
      if (d.frameId !== 0) return;
      void onTabUrl(d.tabId, d.url).then(() => onTabLoaded(d.tabId));
    });
  }
  onVaultUnlocked(() => void onUnlocked());
  browser.runtime.onStartup?.addListener(() => void armSchedule());
  browser.runtime.onInstalled?.addListener(() => void armSchedule());
  void sweepExpired();
  void browser.alarms.get(SCHEDULE_ALARM).then((a) => (a ? undefined : armSchedule()));
}
