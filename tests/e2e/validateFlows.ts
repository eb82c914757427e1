/**
 * Validation steps for the demo (and anyone driving the UI): press "Validate" on an account
 * row and read what the extension says, by visible names like a person would.
 */
import type { Page } from 'puppeteer-core';
import type { ExtensionSession } from './harness';
import { click } from './flows';
import type { FixtureApiAccount } from '../fixtures/api/angelApi';

export interface ShownResult {
  state: 'ok' | 'failed';
  text: string;
}

/** Press "Validate" for the account labelled `label` and wait for the result shown inline. */
export async function validateAccountInPage(
  page: Page,
  label: string,
  timeout = 30_000,
): Promise<ShownResult> {
  const name = `Validate ${label} with Angel's API`;
  const before = await page.evaluate(
    (n: string) =>
      document
        .querySelector(`[aria-label="${CSS.escape(n)}"]`)
        ?.closest('.validate')
        ?.getAttribute('data-testid') ?? null,
    name,
  );
  await click(page, name);
  const scope = before ? `[data-testid="${before}"]` : '.validate';
  // Wait for this run's result: the button leaves its busy state and a finished result is shown.
  await page.waitForFunction(
    (s: string) => {
      const box = document.querySelector(s);
      const busy =
        box?.querySelector('[data-testid="validate-button"]')?.getAttribute('aria-busy') === 'true';
      const state = box?.querySelector('[data-testid="validation-result"]')?.getAttribute('data-state');
      return !busy && (state === 'ok' || state === 'failed');
    },
    { timeout },
    scope,
  );
  return page.$eval(`${scope} [data-testid="validation-result"]`, (el) => ({
    state: el.getAttribute('data-state') as 'ok' | 'failed',
    text: Array.from(el.querySelectorAll('p'))
      .map((p) => (p.textContent ?? '').replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join(' | '),
  }));
}

/** Teach the look-alike Angel API an account, so that validating it with these details works. */
export function knownToFixtureApi(session: ExtensionSession, account: FixtureApiAccount): void {
  const current = (session.fixture.state.flags['angel.accounts'] as FixtureApiAccount[] | undefined) ?? [];
  session.fixture.setFlags({
    'angel.accounts': [...current.filter((a) => a.clientCode !== account.clientCode), account],
  });
}

interface StepContext {
  session: ExtensionSession;
  log(line: string): void;
}

/** The demo's validation step: one account known to the look-alike API, one not. */
export function validationDemoStep(
  accounts: readonly {
    label: string;
    clientCode: string;
    mpin: string;
    totpSecret: string;
    apiKey: string;
  }[],
) {
  return {
    title: 'Validate: log in to the look-alike Angel REST API (apiconnect.angelone.in)',
    async run({ session, log }: StepContext): Promise<void> {
      const [known, unknown] = accounts;
      if (!known) throw new Error('the demo has no account to validate');
      knownToFixtureApi(session, { ...known, name: 'Demo Trader', exchanges: ['NSE', 'BSE', 'NFO'] });
      const popup = await session.openExtensionPage('popup.html');
      const ok = await validateAccountInPage(popup, known.label);
      log(`${known.label}: ${ok.text}`);
      if (ok.state !== 'ok') throw new Error(`validating ${known.label} failed: ${ok.text}`);
      if (unknown) {
        // Not known to the look-alike Angel: shows how a refused login is explained.
        const bad = await validateAccountInPage(popup, unknown.label);
        log(`${unknown.label}: ${bad.text}`);
      }
    },
  };
}
