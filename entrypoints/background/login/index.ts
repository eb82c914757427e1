/**
 * Daily login orchestrator: opens Angel's publisher-login page in an inactive tab, hands
 * the page's content script one value at a time, captures the tokens from the tab's
 * navigations, stores them in the vault and hands them to delivery.
 *
 * Nothing here waits on a timer: the content script asks again when a TOTP window is too
 * short, the timeout is an alarm, and every step is written to session storage, so a
 * stopped service worker picks the flow up at the next event.
 *
 * One file per part: queue.ts (starting), pageProtocol.ts (the content script's messages),
 * tabEvents.ts + capture.ts (the tab's navigations, token capture), results.ts (ending),
 * schedule.ts (the daily run), attempts.ts (durable state).
 */
import { browser } from 'wxt/browser';
import { handle, UserError } from '@/utils/messaging';
import { t } from '@/utils/i18n/text';
import { onVaultUnlocked, updateVault } from '@/entrypoints/background/vault';
import '@/utils/vault/types';
import '@/utils/login/protocol';
import type { LoginOverview } from '@/utils/login/protocol';
import { DEFAULT_LOGIN_SETTINGS, loginSettingsItem } from '@/utils/login/storage';
import { allAttempts, queue } from './attempts';
import { checkSamePinConfirmed } from './wrongPin';
import { registerPageRules } from './pageRules';
import { startAll, startLogin } from './queue';
import { finishAttempt, readResults, sweepExpired, updateResults } from './results';
import { watchLoginTabs } from './tabEvents';
import { attemptOfSender, fillValue, hello, pageError, siteStart } from './pageProtocol';
import { armSchedule, checkSettings, runPendingSchedule, SCHEDULE_ALARM } from './schedule';

export { LOGIN_URL, startAll, startLogin } from './queue';
export { onTabClosed, onTabLoaded, onTabUrl } from './tabEvents';
export { onTimeout } from './results';
export { armSchedule, onScheduleAlarm } from './schedule';

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

export function registerLogin(): void {
  handle('login/start', 'page', async ({ accountId, confirmSamePin }) => {
    // The MPIN Angel refused, unchanged since: only with the person's explicit confirmation.
    await checkSamePinConfirmed(accountId, confirmSamePin === true);
    // A manual login is the person's decision: it clears "needs attention".
    await updateResults((results) => {
      if (results[accountId]?.needsAttention) delete results[accountId]!.needsAttention;
    });
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
      if (!a) throw new UserError('no-account', t('lgbg.noAccountRefresh'));
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

  watchLoginTabs();
  onVaultUnlocked(() => void runPendingSchedule());
  void sweepExpired();
  void browser.alarms.get(SCHEDULE_ALARM).then((a) => (a ? undefined : armSchedule()));
}
