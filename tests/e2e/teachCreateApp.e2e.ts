/**
 * "Teach this page" on the create-app form, in the browser the harness runs (Chromium and
 * Firefox ESR): the form's Postback URL input has no label, name or id
 * (/create?style=unlabeled), so the fill reports it as not found and offers "Teach this
 * page"; the picking mode (loaded on demand, not part of the content script) asks for that
 * field only, the user clicks it (the page acts on no click), the rule is stored, and the
 * next fill fills it. Options lists the taught form and deletes the rule. Nothing submitted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { BROWSER, launchExtension, type ExtensionSession } from './harness';
import { createVault } from './flows';
import { companionButton, setProfiles, waitForControlText } from './portalFlows';
import { controlText } from './closedShadow';
import { SUBMIT_PATH } from '../fixtures/portal/routes';

const PASSWORD = 'teach the create app form';
const PROFILE = {
  id: 'autotrader-web',
  name: 'AutoTrader Web',
  builtIn: true,
  appName: 'MyTradingApp',
  redirectUrl: 'https://webx.stocksdeveloper.in/auth/angel',
  postbackUrl: 'https://apix.stocksdeveloper.in/postback/angel',
  apiType: 'publisher',
  clientId: 'A1234567',
  primaryIp: '49.36.12.7',
  secondaryIp: '49.36.12.8',
};

const unlabeledValue = (page: Page) =>
  page.evaluate(() => document.querySelector<HTMLInputElement>('p.unlabeled input')!.value);

describe(`"Teach this page" on the create-app form (${BROWSER})`, () => {
  let h: ExtensionSession;
  const submissions = () => h.fixture.state.requests.filter((r) => r.path.startsWith(SUBMIT_PATH));
  const teachText = (page: Page) => controlText(page, '[data-smartapi-companion="teach"]');

  beforeAll(async () => {
    h = await launchExtension();
    const options = await h.openExtensionPage('options.html');
    await createVault(options, PASSWORD);
    await options.close();
    await setProfiles(h, [PROFILE]);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the fill names the unlabeled field; teaching it makes the next fill fill it; Options lists and deletes the rule', async () => {
    h.fixture.reset();
    const page = await h.openPage('https://smartapi.angelone.in/create?style=unlabeled');
    // The picking mode is not in the page before the user asks for it.
    expect(await teachText(page)).toBe('');
    const fill = await companionButton(page, 'Fill with SmartAPI Companion');
    await fill.click();
    const first = await waitForControlText(fill, /press the page’s own Create button yourself/);
    expect(first).toContain('Postback URL: not found');
    for (const label of ['App Name', 'Redirect URL', 'Angel Client ID', 'Primary Static IP'])
      expect(first).toContain(`${label}: filled`);
    expect(await unlabeledValue(page)).toBe('');

    await page.bringToFront();
    await (await companionButton(page, 'Teach this page')).click();
    // Only the field the fill missed is asked for.
    await expect.poll(() => teachText(page), { timeout: 10_000 }).toContain('Click the Postback URL field.');
    // A click on the label-less line's icon finds the one input beside it.
    await page.click('p.unlabeled .icon');
    await expect.poll(() => teachText(page), { timeout: 10_000 }).toContain('Saved for this page.');
    expect(await unlabeledValue(page)).toBe('');

    await fill.click();
    const second = await waitForControlText(fill, /Postback URL: filled/);
    expect(second).not.toContain('not found');
    expect(await unlabeledValue(page)).toBe(PROFILE.postbackUrl);
    await new Promise((r) => setTimeout(r, 300));
    expect(submissions()).toEqual([]);
    await page.close();

    const options = await h.openExtensionPage('options.html');
    const rules = () =>
      options.evaluate(() =>
        Array.from(document.querySelectorAll('[data-testid="page-rule"]')).map((li) => li.textContent ?? ''),
      );
    await expect.poll(rules, { timeout: 15_000 }).toHaveLength(1);
    const [line] = await rules();
    expect(line).toContain('smartapi.angelone.in/create');
    expect(line).toContain('create-app form: Postback URL');
    expect(line).not.toContain(PROFILE.postbackUrl);
    await options.click('[data-testid="page-rule"] button');
    await expect.poll(rules, { timeout: 10_000 }).toHaveLength(0);
    expect((await h.sendMessage<unknown[]>('pageRules/list')).value).toEqual([]);
    await options.close();
  });
});
