/**
 * Accessibility: axe-core in the popup, the options page (locked, and unlocked with an account)
 * and the setup page, in the browser the harness runs. No serious or critical violation may
 * remain. In Chromium each page is also checked with the dark colour scheme (Firefox's WebDriver
 * BiDi cannot emulate prefers-color-scheme).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { BROWSER, launchExtension, type ExtensionSession } from './harness';
import { addAccount, createVault, fieldByLabel, lock, unlock } from './flows';
import { FIXTURE_API_ACCOUNT } from '../fixtures/api/angelApi';

const PASSWORD = 'accessible vault 2026';
const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

async function seriousViolations(page: Page): Promise<Violation[]> {
  // Runtime evaluation of the source: the extension's CSP does not apply to the test driver.
  await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: unknown[] }> } }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return JSON.parse(JSON.stringify(r.violations));
  })) as Violation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

function describeViolations(vs: Violation[]): string {
  return vs
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    .join('\n');
}

async function check(page: Page, name: string): Promise<void> {
  await page.bringToFront();
  await new Promise((r) => setTimeout(r, 300)); // let the first render settle
  const schemes = BROWSER === 'chromium' ? (['light', 'dark'] as const) : (['light'] as const);
  for (const scheme of schemes) {
    if (BROWSER === 'chromium')
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    const found = await seriousViolations(page);
    expect(found, `${name} (${scheme}):\n${describeViolations(found)}`).toEqual([]);
  }
}

describe(`accessibility (${BROWSER})`, () => {
  let h: ExtensionSession;
  let options: Page;

  beforeAll(async () => {
    h = await launchExtension();
  });
  afterAll(async () => h?.close());

  it('first run: options (create vault), popup and setup', async () => {
    options = await h.openExtensionPage('options.html');
    await fieldByLabel(options, 'Master password');
    await check(options, 'options, no vault');
    const popup = await h.openExtensionPage('popup.html');
    await popup.waitForSelector('main');
    await check(popup, 'popup, no vault');
    await popup.close();
    const setup = await h.openExtensionPage('setup.html');
    await setup.waitForSelector('.setup-platforms');
    await check(setup, 'setup, no vault');
    await setup.close();
  });

  it('unlocked with an account: options, popup and setup', async () => {
    await createVault(options, PASSWORD);
    await addAccount(options, {
      label: 'Main',
      clientCode: FIXTURE_API_ACCOUNT.clientCode,
      mpin: FIXTURE_API_ACCOUNT.mpin,
      totpSecret: FIXTURE_API_ACCOUNT.totpSecret,
      apiKey: FIXTURE_API_ACCOUNT.apiKey,
    });
    await check(options, 'options, unlocked');
    const popup = await h.openExtensionPage('popup.html');
    await popup.waitForSelector('[data-testid="totp-code"]');
    await check(popup, 'popup, unlocked');
    await popup.close();
    const setup = await h.openExtensionPage('setup.html');
    await setup.waitForSelector('.setup-account .step');
    await check(setup, 'setup, unlocked');
    await setup.close();
  });

  it('locked: options, popup and setup', async () => {
    await lock(options);
    await check(options, 'options, locked');
    const popup = await h.openExtensionPage('popup.html');
    await popup.waitForSelector('form.unlock');
    await check(popup, 'popup, locked');
    await popup.close();
    const setup = await h.openExtensionPage('setup.html');
    await setup.waitForSelector('form.unlock');
    await check(setup, 'setup, locked');
    await setup.close();
    await unlock(options, PASSWORD);
  });
});
