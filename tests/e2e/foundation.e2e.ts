import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER, launchExtension, type ExtensionSession } from './harness';

describe(`foundation (${BROWSER})`, () => {
  let h: ExtensionSession;
  beforeAll(async () => {
    h = await launchExtension();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('opens the popup page', async () => {
    const popup = await h.openExtensionPage('popup.html');
    const heading = await popup.waitForSelector('h1', { timeout: 15_000 });
    expect(await heading!.evaluate((e) => e.textContent)).toContain('SmartAPI Companion');
    await popup.close();
  });

  it('opens the options page', async () => {
    const options = await h.openExtensionPage('options.html');
    await options.waitForSelector('main', { timeout: 15_000 });
    expect(await options.title()).toContain('SmartAPI Companion');
    await options.close();
  });

  for (const [host, path, kind] of [
    ['smartapi.angelone.in', '/new/apps', 'create-app-new'],
    ['smartapi.angelone.in', '/create', 'create-app-old'],
    ['smartapi.angelbroking.com', '/enable-totp', 'enable-totp'],
    ['smartapi.angelone.in', '/publisher-login', 'publisher-login'],
  ] as const) {
    it(`the content script recognises ${path} on ${host} and reports it to the background`, async () => {
      const page = await h.openPage(`https://${host}${path}`);
      // The background recorded the page for that tab (as the popup's "This tab" line reads it);
      // the page itself is told nothing (no marker attribute).
      await expect
        .poll(
          async () => {
            const session = await h.storageDump('session');
            const pages = (session.tabPages ?? {}) as Record<string, { kind: string; url: string }>;
            return Object.values(pages).some(
              (p) => p.kind === kind && p.url.startsWith(`https://${host}${path}`),
            );
          },
          { timeout: 10_000 },
        )
        .toBe(true);
      expect(
        await page.evaluate(() =>
          Array.from(document.documentElement.attributes, (a) => a.name).filter((n) => /smartapi/i.test(n)),
        ),
      ).toEqual([]);
      await page.close();
    });
  }

  it('serves the look-alike site at the real host over HTTPS', async () => {
    const page = await h.openPage('https://smartapi.angelone.in/');
    expect(page.url()).toBe('https://smartapi.angelone.in/');
    expect(await page.evaluate(() => document.body.innerText)).toContain('Local look-alike');
    await page.close();
  });

  it('keeps the extension and its storage.local across a browser restart on the same profile', async () => {
    await h.inExtension(async () => {
      const api =
        (globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome }).browser ?? chrome;
      await api.storage.local.set({ harnessRestartProbe: 'kept' });
    });
    h = await h.restart();
    const local = await h.storageDump('local');
    expect(local.harnessRestartProbe).toBe('kept');
    const popup = await h.openExtensionPage('popup.html');
    await popup.waitForSelector('h1', { timeout: 15_000 });
  });
});
