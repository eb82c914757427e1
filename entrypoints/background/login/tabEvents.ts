/**
 * What the login tab does: each top-frame navigation is judged by the rules of capture.ts;
 * captured tokens go into the vault and to delivery, and the tab is closed when the
 * extension opened it. A closed tab ends its attempt.
 */
import { browser } from 'wxt/browser';
import { UserError } from '@/utils/messaging';
import { t } from '@/utils/i18n/text';
import { msg } from '@/utils/i18n/core';
import { updateVault } from '@/entrypoints/background/vault';
import { enqueueDelivery } from '@/entrypoints/background/delivery';
import type { SessionTokens } from '@/utils/vault/types';
import { isUserBackend } from '@/utils/login/tokens';
import { nextMidnightIst } from '@/utils/ist';
import { attemptForTab, runningAttempts, updateAttempt } from './attempts';
import { judgeNavigation } from './capture';
import { finishAttempt } from './results';

/** A top-frame URL seen in a tab: capture tokens or end the attempt (rules: capture.ts). */
export async function onTabUrl(tabId: number, url: string): Promise<void> {
  const attempt = (await runningAttempts()).find((a) => a.tabId === tabId);
  if (!attempt) return;
  const verdict = judgeNavigation(attempt, url);
  if (verdict.kind === 'ignore') return;
  if (verdict.kind === 'left') {
    await finishAttempt(attempt.id, false, msg('lgbg.leftAngel', { origin: verdict.origin }), 'left-angel');
    return;
  }
  if (verdict.kind === 'state-mismatch') {
    // Tokens with another attempt's (or a forged) state are never stored.
    await finishAttempt(attempt.id, false, msg('lgbg.stateMismatch'), 'state-mismatch');
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
      if (!acc) throw new UserError('no-account', t('lgbg.accountDeleted'));
      acc.tokens = tokens;
      redirectUrl = acc.redirectUrl;
    });
  } catch (err) {
    const why = err instanceof UserError ? err.message : msg('lgbg.tokensNotSaved');
    await finishAttempt(attempt.id, false, msg('lgbg.capturedNotSaved', { why }), 'store');
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
    await finishAttempt(attempt.id, true, msg('lgbg.loggedIn'));
  } catch {
    await finishAttempt(attempt.id, true, msg('lgbg.handoffFailed'));
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

export async function onTabClosed(tabId: number): Promise<void> {
  const a = (await runningAttempts()).find((x) => x.tabId === tabId);
  if (a && !a.steps.redirected) await finishAttempt(a.id, false, msg('lgbg.tabClosed'), 'closed');
}

/** Top frame only: Angel redirects the whole tab. */
export function watchLoginTabs(): void {
  const nav = browser.webNavigation;
  if (!nav) return;
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
