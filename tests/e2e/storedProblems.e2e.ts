/**
 * Damaged stored data is never wiped silently (docs/storage.md), in the browser the harness
 * runs (Chromium and Firefox ESR): login settings damaged in storage.local are kept aside as
 * they were, Options works on with the defaults and lists the damaged copy under "Saved data
 * that could not be read"; Delete asks first, Cancel keeps it, and a confirmed Delete removes
 * only the copy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { BROWSER, launchExtension, type ExtensionSession } from './harness';
import { buttonByName, click, createVault, front } from './flows';
import { en } from '@/utils/i18n/en';

const DAMAGED = { timeoutSec: 'ninety', schedule: 7 };
const WAIT = 20_000;

type Api = {
  storage: {
    local: { get(k: string | null): Promise<Record<string, unknown>>; set(v: object): Promise<void> };
  };
};

describe(`damaged stored data (${BROWSER})`, () => {
  let h: ExtensionSession;
  let options: Page;

  const stored = (key: string) =>
    h.inExtension(async (k: string) => {
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      return (await (g.browser ?? g.chrome).storage.local.get(k))[k];
    }, key);

  const sectionText = () =>
    options.evaluate(() => {
      const s = document.querySelector('[aria-labelledby="stored-problems-title"]');
      return s ? (s.textContent ?? '').replace(/\s+/g, ' ') : '';
    });

  beforeAll(async () => {
    h = await launchExtension();
    options = await h.openExtensionPage('options.html');
    await createVault(options, 'damaged data stays 2026');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('keeps the damaged login settings aside and lists them in Options', async () => {
    await h.inExtension(async (v: object) => {
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      await (g.browser ?? g.chrome).storage.local.set({ loginSettings: v });
    }, DAMAGED);
    // Reading the settings (as a newly opened Options page does) finds them damaged.
    await options.close();
    options = await h.openExtensionPage('options.html');
    await options.waitForFunction(
      (title: string) => Array.from(document.querySelectorAll('h2')).some((e) => e.textContent === title),
      { timeout: WAIT, polling: 100 },
      en['stored.title'],
    );
    expect(await sectionText()).toContain('loginSettings');
    // Kept exactly as it was, beside the item.
    const copy = (await stored('loginSettings:corrupt')) as { value: unknown; issues: string[] };
    expect(copy.value).toEqual(DAMAGED);
    expect(copy.issues.length).toBeGreaterThan(0);
  });

  it('Delete asks first; Cancel keeps the copy; confirmed, only the copy goes', async () => {
    await front(options);
    const del = await buttonByName(options, en['stored.deleteLabel'].replace('{item}', 'loginSettings'));
    await del.click();
    await options.waitForSelector(`[role="group"][aria-label="${en['stored.confirm']}"]`, { timeout: WAIT });
    await click(options, en['stored.cancel']);
    expect(await stored('loginSettings:corrupt')).toBeDefined();

    await (await buttonByName(options, en['stored.deleteLabel'].replace('{item}', 'loginSettings'))).click();
    await click(options, en['stored.confirmButton']);
    await options.waitForFunction(
      (text: string) => document.body.textContent?.includes(text),
      { timeout: WAIT, polling: 100 },
      en['stored.deleted'],
    );
    expect(await stored('loginSettings:corrupt')).toBeUndefined();
  });
});
