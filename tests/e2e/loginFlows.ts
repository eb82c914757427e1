/**
 * Daily-login steps for the demo (and anyone driving the UI): press "Log in" on an account
 * row in the popup and read the steps and the result the extension shows.
 */
import type { Page } from 'puppeteer-core';
import type { ExtensionSession } from './harness';
import { click } from './flows';

export interface DemoLoginAccount {
  label: string;
  clientCode: string;
  mpin: string;
  totpSecret: string;
  platform: 'SMART_API' | 'SMART_API_M';
}

/** Teach the look-alike publisher-login page one account (client code, PIN, TOTP secret). */
export function knownToLoginFixture(
  session: ExtensionSession,
  a: DemoLoginAccount,
  style: 'one-page' | 'three-step' | 'digit-boxes' = 'digit-boxes',
): void {
  session.fixture.setFlags({
    loginStyle: style,
    loginClientCode: a.clientCode,
    loginMpin: a.mpin,
    loginTotpSecret: a.totpSecret,
  });
}

/** Press "Log in" for `label` in the popup and wait for the last result shown beside it. */
export async function loginInPopup(
  popup: Page,
  label: string,
  timeout = 75_000,
): Promise<{ ok: boolean; text: string }> {
  await click(popup, `Log in ${label} on Angel`);
  const handle = await popup.waitForFunction(
    (l: string) => {
      const button = document.querySelector(`[aria-label="${CSS.escape(`Log in ${l} on Angel`)}"]`);
      const box = button?.closest('.login-button');
      const badge = box?.querySelector('[data-testid="login-last-result"]');
      if (!badge || box?.querySelector('[data-testid="login-attempt"][data-status="running"]')) return null;
      return { ok: badge.getAttribute('data-ok') === 'true', text: badge.getAttribute('title') ?? '' };
    },
    { timeout },
    label,
  );
  return (await handle.jsonValue()) as { ok: boolean; text: string };
}

/** The demo's daily-login step: one click, Angel's look-alike login page filled, tokens captured. */
export function loginDemoStep(accounts: readonly DemoLoginAccount[]) {
  return {
    title: "Daily login: one click fills Angel's publisher-login page and captures the session tokens",
    async run({ session, log }: { session: ExtensionSession; log(line: string): void }) {
      const account = accounts.find((a) => a.platform === 'SMART_API_M') ?? accounts[0];
      if (!account) throw new Error('no demo account to log in');
      knownToLoginFixture(session, account);
      const popup = await session.openExtensionPage('popup.html');
      const started = Date.now();
      const r = await loginInPopup(popup, account.label);
      log(
        `${account.label}: ${r.ok ? 'logged in' : 'login failed'} in ${((Date.now() - started) / 1000).toFixed(1)} s — ${r.text}`,
      );
      if (!r.ok) throw new Error(r.text);
      const list =
        await session.sendMessage<{ label: string; tokensSource?: string; tokensExpireAt?: number }[]>(
          'accounts/list',
        );
      const saved = list.value?.find((a) => a.label === account.label);
      if (saved?.tokensSource !== 'publisher-login')
        throw new Error('the tokens were not saved in the vault');
      log(
        `session tokens saved in the vault, valid until ${new Date(saved.tokensExpireAt!).toISOString()} (midnight IST)`,
      );
    },
  };
}
