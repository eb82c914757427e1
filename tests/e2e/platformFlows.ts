/**
 * The platform fill as a person does it, for the demo: turn AutoTrader Web on in Options (the
 * browser asks for that one site), open its Create form, press "Fill from SmartAPI
 * Companion…", pick the account, Fill; Validate and Save stay the person's to press.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { builtExtensionPath, type ExtensionSession } from './harness';
import { companionButton, controlRoot, waitForControlText } from './portalFlows';
import { PLATFORM_ORIGIN } from '../fixtures/platform/routes';

export const PLATFORM_CREATE_URL = `${PLATFORM_ORIGIN}/accounts/trading/create`;
const OPEN = 'Fill from SmartAPI Companion…';

/**
 * Headless Chromium cannot show (or answer) its site-access prompt: a copy of the Chrome build
 * whose manifest grants the platform's site at install stands in for the person's "Allow".
 * The platform script still runs only after the "Turn on" click. Returns the copy's folder
 * (use it as SAC_OUT_DIR).
 */
export function chromiumBuildWithPlatformAllowed(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sac-platform-'));
  cpSync(builtExtensionPath('chromium'), join(dir, 'chrome-mv3'), { recursive: true });
  const file = join(dir, 'chrome-mv3', 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { host_permissions: string[] };
  manifest.host_permissions.push(`${PLATFORM_ORIGIN}/*`);
  writeFileSync(file, JSON.stringify(manifest));
  return dir;
}

/** Firefox answers optional-permission requests itself with this pref (headless runs). */
export const FIREFOX_ALLOW_OPTIONAL_PERMISSIONS = { 'extensions.webextOptionalPermissionPrompts': false };

interface StepContext {
  session: ExtensionSession;
  headless: boolean;
  log(line: string): void;
}

export function platformDemoStep(accounts: readonly { label: string; clientCode: string }[]) {
  return {
    title:
      "Platform fill: AutoTrader Web's account form from the vault (look-alike at webx.stocksdeveloper.in)",
    async run({ session, headless, log }: StepContext): Promise<void> {
      const options = await session.openExtensionPage('options.html');
      const on = await options.waitForSelector('::-p-aria([name="Turn on: AutoTrader Web"][role="button"])', {
        timeout: 20_000,
      });
      await on!.click();
      if (!headless) log('the browser asks for access to https://webx.stocksdeveloper.in: choose Allow');
      await options.waitForFunction(
        () =>
          document.body.textContent?.includes('On: the extension runs on https://webx.stocksdeveloper.in'),
        { timeout: headless ? 15_000 : 120_000 },
      );
      log(
        'turned AutoTrader Web on in Options: site access for that one site, the platform script registered there',
      );
      if (headless) await options.close();

      const account = accounts[0]!;
      const list = await session.sendMessage<{ id: string; label: string }[]>('accounts/list');
      const id = list.value?.find((a) => a.label === account.label)?.id;
      if (!id) throw new Error(`the account "${account.label}" is missing`);
      const page: Page = await session.openPage(PLATFORM_CREATE_URL);
      const button = await companionButton(page, OPEN);
      await button.click();
      await waitForControlText(button, /Will fill|Missing|Not found/);
      const root = await controlRoot(button);
      await root.evaluate((r, accountId) => {
        const s = r.querySelector('select')!;
        s.value = accountId;
        s.dispatchEvent(new Event('change'));
      }, id);
      const fill = await root.evaluateHandle((r) =>
        Array.from(r.querySelectorAll('button')).find((b) => b.textContent === 'Fill'),
      );
      const fillButton = fill.asElement() as Awaited<ReturnType<typeof companionButton>> | null;
      if (!fillButton) throw new Error('the control offers no Fill button');
      await fillButton.click();
      await waitForControlText(button, /press Validate and Save yourself/);
      const model = await page.evaluate(() => ({
        ...(window as unknown as { __model: Record<string, string> }).__model,
      }));
      const presses = await page.evaluate(
        () => (window as unknown as { __presses: string[] }).__presses.length,
      );
      if (model.loginId !== account.clientCode) throw new Error('the login id did not reach the form');
      log(
        `filled "${account.label}" into the Create form: broker, platform, login id ${model.loginId}, MPIN, TOTP key and API key (the page's own model holds them)`,
      );
      if (presses !== 0) throw new Error('Validate or Save was pressed');
      log('Validate and Save were not pressed: that stays yours');
      if (headless) await page.close();
    },
  };
}
